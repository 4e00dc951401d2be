export const id = 219;
export const ids = [219];
export const modules = {

/***/ 1363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ Summary),
/* harmony export */   kq: () => (/* binding */ escapeCell),
/* harmony export */   lj: () => (/* binding */ mermaidBarChart)
/* harmony export */ });
/* unused harmony exports markdownTable, verdictIcon */
/**
 * Markdown job-summary building blocks. GitHub renders GFM tables and Mermaid in step summaries; we
 * build text ourselves (rather than core.summary's HTML) so the same report prints in a terminal.
 * core.summary does no escaping, so every cell passes through escapeCell.
 */
function escapeCell(value) {
    return String(value ?? '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
function markdownTable(header, rows, align) {
    const sep = header.map((_, i) => {
        const a = align?.[i] ?? 'left';
        return a === 'right' ? '---:' : a === 'center' ? ':---:' : '---';
    });
    const lines = [header.map(escapeCell), sep, ...rows.map((row) => row.map(escapeCell))];
    return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n') + '\n';
}
/** A Mermaid `xychart-beta` bar chart, which GitHub renders inside a ```mermaid block in a summary. */
function mermaidBarChart(series) {
    const quote = (s) => `"${s.replace(/"/g, "'")}"`;
    const max = Math.max(1, ...series.values);
    return [
        '```mermaid',
        'xychart-beta',
        `  title ${quote(series.title)}`,
        `  x-axis ${quote(series.xLabel)} [${series.labels.map(quote).join(', ')}]`,
        `  y-axis ${quote(series.yLabel)} 0 --> ${Math.ceil(max * 1.1)}`,
        `  bar [${series.values.join(', ')}]`,
        '```',
        '',
    ].join('\n');
}
const verdictIcon = (ok) => (ok === undefined ? '⚠️' : ok ? '✅' : '❌');
/** Accumulates Markdown and writes it once to GITHUB_STEP_SUMMARY (append, as the runner expects). */
class Summary {
    parts = [];
    heading(text, level = 2) {
        this.parts.push(`${'#'.repeat(level)} ${text}\n`);
        return this;
    }
    paragraph(text) {
        this.parts.push(`${text}\n`);
        return this;
    }
    table(header, rows, align) {
        this.parts.push(markdownTable(header, rows, align));
        return this;
    }
    raw(markdown) {
        this.parts.push(markdown);
        return this;
    }
    details(label, markdown) {
        this.parts.push(`<details><summary>${escapeCell(label)}</summary>\n\n${markdown}\n</details>\n`);
        return this;
    }
    toString() {
        return this.parts.join('\n');
    }
}


/***/ }),

/***/ 1219:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o: () => (/* binding */ DOCTOR_FIXES),
  doctorVerdict: () => (/* binding */ doctorVerdict),
  renderDoctorSummary: () => (/* binding */ renderDoctorSummary),
  runDoctor: () => (/* binding */ runDoctor)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: ./src/core/summary.ts
var summary = __webpack_require__(1363);
// EXTERNAL MODULE: ./src/fly/client.ts + 3 modules
var client = __webpack_require__(3285);
// EXTERNAL MODULE: ./src/fly/leases.ts
var fly_leases = __webpack_require__(5714);
// EXTERNAL MODULE: ./src/fly/types.ts
var types = __webpack_require__(252);
;// CONCATENATED MODULE: ./src/fly/doctor/inspect.ts


/** The description fly-deploy gives its leases (`runway fly-deploy <deploy id>`). */
const RUNWAY_LEASE = /^runway (fly-deploy|doctor)\b/;
const meta = (m, key) => m.config?.metadata?.[key];
const groupOf = (m) => meta(m, types/* META */.Ge.processGroup) ?? 'app';
const releaseOf = (m) => Number(meta(m, types/* META */.Ge.releaseVersion) ?? 0) || 0;
const gone = (m) => ['destroyed', 'destroying'].includes(m.state);
const slot = (m) => `${groupOf(m)}/${m.region}`;
const ids = (ms) => ms.map((m) => m.id);
function imageOf(m) {
    return m.config?.image ?? m.incomplete_config?.image ?? '?';
}
/** Machines per process group and region, e.g. "app/sin ×2". */
function slots(machines) {
    const counts = new Map();
    for (const m of machines)
        counts.set(slot(m), (counts.get(slot(m)) ?? 0) + 1);
    return counts;
}
/** True when every group/region slot of `need` has at least as many Machines in `have`. */
function covers(have, need) {
    const got = slots(have);
    return [...slots(need)].every(([key, n]) => (got.get(key) ?? 0) >= n);
}
/**
 * Reads the app and names what a failed or cancelled rollout left behind. Without a declared size, a
 * blue-green leftover is "above" the blue count it was replacing, and nothing else is judged.
 */
async function inspectApp(api, declared) {
    const machines = (await api.list()).filter((m) => !gone(m));
    const managed = machines.filter((m) => meta(m, types/* META */.Ge.platformVersion) === types/* PLATFORM_VERSION */.PZ);
    const releaseCommands = machines.filter((m) => groupOf(m) === types/* RELEASE_COMMAND_GROUP */.EL);
    const canaries = managed.filter((m) => meta(m, types/* META */.Ge.canary) === 'true');
    const fleet = managed.filter((m) => !releaseCommands.includes(m) &&
        !canaries.includes(m) &&
        !['fly_app_console', 'fly_app_test_machine_command'].includes(groupOf(m)));
    const top = Math.max(0, ...fleet.map(releaseOf));
    const newest = fleet.filter((m) => releaseOf(m) === top);
    const older = fleet.filter((m) => releaseOf(m) !== top);
    const tagged = (m) => {
        const tag = meta(m, types/* META */.Ge.bluegreenTag);
        return !!tag && tag !== 'safe_to_destroy';
    };
    const greens = older.length && newest.every(tagged) ? newest : [];
    const leases = new Map();
    for (const m of machines) {
        const lease = await api.findLease(m.id);
        if (lease)
            leases.set(m.id, lease);
    }
    const findings = [];
    const add = (kind, ms, text) => {
        if (ms.length)
            findings.push({ kind, machines: ids(ms), text });
    };
    const byLease = (own) => machines.filter((m) => {
        const lease = leases.get(m.id);
        return lease && RUNWAY_LEASE.test(lease.description ?? '') === own;
    });
    add('stale-lease', byLease(true), "Runway's own leases left by a deploy that did not finish");
    add('foreign-lease', byLease(false), 'leases held by someone else (another tool or a person)');
    add('leftover-green', greens, `green Machines of release v${top} left by an unfinished blue-green deploy`);
    add('leftover-canary', canaries, 'canary Machines left by an unfinished canary deploy');
    add('leftover-release-command', releaseCommands, 'release_command Machines left running or stopped');
    add('marked-blue', older.filter((m) => meta(m, types/* META */.Ge.bluegreenTag) === 'safe_to_destroy'), 'blue Machines already marked safe_to_destroy');
    add('cordoned', fleet.filter((m) => m.cordoned && !greens.includes(m)), 'cordoned Machines (the proxy sends them no traffic)');
    const images = new Set(fleet.map(imageOf));
    if (images.size > 1 && !greens.length)
        add('mixed-images', older, `Machines still on an older release than v${top} (${[...images].join(', ')})`);
    findings.push(...countFindings(fleet, declared ?? (greens.length ? { total: older.length } : undefined)));
    return {
        app: api.app,
        machines,
        fleet,
        newest,
        older,
        greens,
        canaries,
        releaseCommands,
        leases,
        findings,
    };
}
/** `count-above` / `count-below`: the fleet against its declared size, in total or per group and region. */
function countFindings(fleet, declared) {
    if (!declared)
        return [];
    const judged = 'total' in declared
        ? [{ label: 'app Machines', have: fleet, want: declared.total }]
        : [...declared.perSlot].map(([key, want]) => ({
            label: `Machines in ${key}`,
            have: fleet.filter((m) => slot(m) === key),
            want,
        }));
    const drift = (above) => judged.filter((j) => (above ? j.have.length > j.want : j.have.length < j.want));
    const finding = (kind, off) => off.length
        ? [
            {
                kind,
                machines: ids(off.flatMap((j) => j.have)),
                text: off.map((j) => `${j.have.length} ${j.label} where ${j.want} are declared`).join('; '),
            },
        ]
        : [];
    return [...finding('count-above', drift(true)), ...finding('count-below', drift(false))];
}
function describeMachine(m) {
    return `${m.id} (${groupOf(m)}, ${m.region}, ${m.state}${m.cordoned ? ', cordoned' : ''}, v${releaseOf(m)} ${imageOf(m)}, version ${(0,client/* versionOf */.E4)(m) ?? '?'})`;
}

// EXTERNAL MODULE: ./src/fly/health.ts
var health = __webpack_require__(9891);
;// CONCATENATED MODULE: ./src/fly/doctor/repair.ts




const repair_groupOf = (m) => m.config?.metadata?.[types/* META */.Ge.processGroup] ?? 'app';
const repair_releaseOf = (m) => Number(m.config?.metadata?.[types/* META */.Ge.releaseVersion] ?? 0) || 0;
const running = (m) => ['started', 'starting'].includes(m.state);
/**
 * Finishing is the default only where it loses nothing and the new release already served: a blue-green
 * whose green Machines cover every blue slot and are all started and uncordoned. Anything else goes back
 * to the release that ran before, which is what the deploy's own rollback would have done.
 */
function chooseDirection(ins) {
    const greensServe = ins.greens.length > 0 &&
        covers(ins.greens, ins.older) &&
        ins.greens.every((m) => m.state === 'started' && !m.cordoned);
    return greensServe ? 'finish' : 'revert';
}
function planRepair(ins, direction) {
    const steps = [];
    const plan = { direction, steps };
    const foreign = ins.findings.find((f) => f.kind === 'foreign-lease');
    if (foreign) {
        plan.refused = `Machines ${foreign.machines.join(', ')} are leased by someone else; wait for them to finish (or clear the lease with \`fly machine leases clear <id> -a ${ins.app}\`) and run the doctor again`;
        return plan;
    }
    for (const [id, lease] of ins.leases) {
        steps.push({
            text: `clear Runway's stale lease on ${id} (${lease.description ?? 'runway'})`,
            run: ({ api }) => api.releaseLease(id, lease.nonce),
        });
    }
    for (const m of [...ins.canaries, ...ins.releaseCommands])
        steps.push(destroyStep(m, m.config?.metadata?.[types/* META */.Ge.canary] ? 'leftover canary' : 'leftover release_command'));
    if (ins.greens.length) {
        if (direction === 'finish' && !covers(ins.greens, ins.older)) {
            plan.refused = `the unfinished blue-green created ${ins.greens.length} green Machine(s) for ${ins.older.length} blue; finishing would lose Machines, revert instead`;
            return plan;
        }
        if (direction === 'finish') {
            for (const m of ins.greens)
                steps.push(serveStep(m, 'green'));
            for (const m of ins.older)
                steps.push(destroyStep(m, 'blue, replaced by green'));
        }
        else {
            for (const m of ins.greens)
                steps.push(destroyStep(m, 'green of the abandoned release'));
            for (const m of ins.older)
                steps.push(restoreBlueStep(m));
        }
    }
    else if (ins.older.length) {
        steps.push(...inPlaceSteps(ins, direction));
    }
    // Machines a step above already leaves uncordoned: greens and blues, or the ones an in-place repair
    // moves. A Machine the in-place repair keeps as it is (killed mid-batch, cordoned) still needs it.
    const handled = new Set((ins.greens.length ? [...ins.greens, ...ins.older] : movingInPlace(ins, direction)).map((m) => m.id));
    for (const m of ins.fleet.filter((x) => x.cordoned && !handled.has(x.id)))
        steps.push({
            text: `uncordon ${m.id}`,
            run: async ({ api, leases }) => api.uncordon(m.id, await leases.acquire(m.id)),
        });
    return plan;
}
function destroyStep(m, why) {
    return {
        text: `destroy ${describeMachine(m)}: ${why}`,
        run: async ({ api, leases }) => {
            await api.destroy(m.id, await leases.acquire(m.id));
            leases.forget(m.id);
        },
    };
}
/** A Machine of the kept release is made to serve: started if stopped, healthy, uncordoned. */
function serveStep(m, label) {
    return {
        text: `make ${label} ${m.id} serve: start it if stopped, wait for its checks, uncordon`,
        run: async ({ api, leases, waitTimeoutMs, log }) => {
            const nonce = await leases.acquire(m.id);
            const since = Date.now();
            const current = await api.get(m.id);
            if (!running(current))
                await api.start(m.id, nonce);
            await (0,health/* waitHealthy */.hq)(api, m.id, {
                version: (0,client/* versionOf */.E4)(current),
                config: current.config,
                deadline: Date.now() + waitTimeoutMs,
                sinceMs: since,
                log,
            });
            if (current.cordoned)
                await api.uncordon(m.id, nonce);
        },
    };
}
/** A blue Machine of the release being kept: the safe_to_destroy mark removed, serving again if it had been. */
function restoreBlueStep(m) {
    const marked = m.config?.metadata?.[types/* META */.Ge.bluegreenTag] === 'safe_to_destroy';
    return {
        text: `keep blue ${m.id}: ${marked ? 'remove its safe_to_destroy mark, ' : ''}${m.cordoned ? 'uncordon, ' : ''}${marked && !running(m) ? 'start it (the deploy stopped it), ' : ''}check it serves`,
        run: async (ctx) => {
            const nonce = await ctx.leases.acquire(m.id);
            if (marked)
                await ctx.api.deleteMetadata(m.id, types/* META */.Ge.bluegreenTag, nonce);
            if (marked && !running(m))
                await serveStep(m, 'blue').run(ctx);
            else if (m.cordoned)
                await ctx.api.uncordon(m.id, nonce);
        },
    };
}
/**
 * An interrupted in-place rollout (rolling, canary, immediate): every Machine not on the target release
 * gets the target release's config for its process group (image and settings together), taken from a
 * Machine that runs it. Stopped Machines are updated without starting them.
 */
/** The release an in-place repair brings every Machine to: the newest (finish) or the one before it (revert). */
function inPlaceTarget(ins, direction) {
    return direction === 'finish' ? repair_releaseOf(ins.newest[0]) : Math.max(...ins.older.map(repair_releaseOf));
}
function movingInPlace(ins, direction) {
    if (!ins.older.length)
        return [];
    const targetRelease = inPlaceTarget(ins, direction);
    return ins.fleet.filter((m) => repair_releaseOf(m) !== targetRelease);
}
function inPlaceSteps(ins, direction) {
    const targetRelease = inPlaceTarget(ins, direction);
    const target = ins.fleet.filter((m) => repair_releaseOf(m) === targetRelease);
    const moving = movingInPlace(ins, direction);
    return moving.map((m) => {
        const source = target.find((t) => repair_groupOf(t) === repair_groupOf(m));
        return {
            text: `${direction === 'finish' ? 'update' : 'restore'} ${describeMachine(m)} to release v${targetRelease}${source ? ` (${source.config?.image})` : ''}`,
            run: async ({ api, leases, waitTimeoutMs, log }) => {
                if (!source?.config)
                    throw new Error(`no Machine of group ${repair_groupOf(m)} runs release v${targetRelease} to copy from`);
                const nonce = await leases.acquire(m.id);
                const current = await api.get(m.id);
                const warm = running(current);
                const since = Date.now();
                if (warm && !current.cordoned)
                    await api.cordon(m.id, nonce);
                const updated = await api.update(m.id, {
                    config: source.config,
                    region: m.region,
                    skip_launch: !warm,
                    current_version: (0,client/* versionOf */.E4)(current),
                }, nonce, m.region);
                if (warm) {
                    await (0,health/* waitHealthy */.hq)(api, m.id, {
                        version: (0,client/* versionOf */.E4)(updated),
                        config: source.config,
                        deadline: Date.now() + waitTimeoutMs,
                        sinceMs: since,
                        log,
                    });
                }
                if (warm || current.cordoned)
                    await api.uncordon(m.id, nonce);
            },
        };
    });
}

;// CONCATENATED MODULE: ./src/fly/doctor/index.ts







const DOCTOR_FIXES = ['none', 'auto', 'finish', 'revert'];
/**
 * Inspects an app for what a failed or cancelled rollout left behind, prints the repair plan first and,
 * when asked, carries it out step by step (stopping at the first failure), then inspects again.
 */
async function runDoctor(options) {
    (0,secrets/* registerSecret */.cl)(options.apiToken);
    const log = options.log ?? (() => { });
    const api = new client/* FlyApi */.ke({ apiUrl: options.apiUrl, token: options.apiToken, app: options.app, log });
    const inspection = await inspectApp(api, options.declared);
    const report = {
        app: options.app,
        before: inspection.findings,
        plan: [],
        applied: false,
        after: inspection.findings,
    };
    if (!inspection.findings.length) {
        log(`doctor: ${options.app} is clean (${inspection.fleet.length} app Machine(s), one release)`);
        return report;
    }
    for (const f of inspection.findings)
        log(`doctor: found ${f.text}: ${f.machines.join(', ')}`);
    const direction = options.fix === 'finish' || options.fix === 'revert' ? options.fix : chooseDirection(inspection);
    const plan = planRepair(inspection, direction);
    report.direction = direction;
    report.plan = plan.steps.map((s) => s.text);
    report.refused = plan.refused;
    log(`doctor: plan (${direction}):`);
    for (const [i, text] of report.plan.entries())
        log(`  ${i + 1}. ${text}`);
    if (plan.refused) {
        log(`doctor: will not act: ${plan.refused}`);
        return report;
    }
    if (options.fix === 'none') {
        log('doctor: fix is none, so nothing was changed');
        return report;
    }
    const leases = new fly_leases/* LeaseKeeper */.Z(api, 13, `runway doctor ${options.app}`, log);
    try {
        for (const step of plan.steps) {
            log(`doctor: ${step.text}`);
            await step.run({ api, leases, waitTimeoutMs: options.waitTimeoutMs, log });
        }
        report.applied = true;
    }
    catch (error) {
        report.failure = (0,errors/* errorMessage */.gJ)(error);
        log(`doctor: stopped: ${report.failure}`);
    }
    finally {
        await leases.releaseAll();
    }
    report.after = (await inspectApp(api, options.declared)).findings;
    return report;
}
/**
 * The step's verdict: `failed` when a repair was asked for and something is still left, so a deploy
 * never starts on a mess; `needs-repair` when the doctor only printed the plan.
 */
function doctorVerdict(report, fix) {
    if (!report.before.length)
        return { status: 'clean' };
    if (!report.after.length)
        return { status: 'repaired' };
    if (fix === 'none')
        return {
            status: 'needs-repair',
            message: `${report.app}: an unfinished rollout left ${report.before.map((f) => f.kind).join(', ')}; run again with doctor-fix: auto (or finish / revert) to repair it.`,
        };
    return {
        status: 'failed',
        message: `the doctor could not repair ${report.app}: ${report.refused ?? report.failure ?? report.after.map((f) => f.text).join('; ')}`,
    };
}
/** The job summary (and the CLI's closing table): findings before and after, and the plan. */
function renderDoctorSummary(report) {
    const s = new summary/* Summary */.BD();
    const clean = report.before.length === 0;
    s.heading(`🩺 Doctor: ${report.app}${clean ? ' is clean' : ''}`, 2);
    if (clean)
        return s.toString();
    s.table(['Left behind', 'Machines', 'After the doctor'], report.before.map((f) => [
        (0,summary/* escapeCell */.kq)(f.text),
        f.machines.join(', '),
        report.after.some((a) => a.kind === f.kind) ? 'still there' : 'fixed',
    ]));
    s.heading(`Plan (${report.direction ?? '-'})`, 3);
    s.raw(`${report.plan.map((p, i) => `${i + 1}. ${(0,summary/* escapeCell */.kq)(p)}`).join('\n')}\n`);
    if (report.refused)
        s.paragraph(`**Not done:** ${(0,summary/* escapeCell */.kq)(report.refused)}`);
    else if (report.failure)
        s.paragraph(`**Stopped at a failed step:** ${(0,summary/* escapeCell */.kq)(report.failure)}`);
    else if (!report.applied)
        s.paragraph('Nothing was changed (`doctor-fix: none`).');
    return s.toString();
}


/***/ })

};
