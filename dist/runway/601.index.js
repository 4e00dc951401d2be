export const id = 601;
export const ids = [601];
export const modules = {

/***/ 3601:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  release: () => (/* binding */ release)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/secrets.ts
var secrets = __webpack_require__(8198);
// EXTERNAL MODULE: ./src/fly/client.ts + 3 modules
var client = __webpack_require__(3285);
// EXTERNAL MODULE: ./src/fly/types.ts
var types = __webpack_require__(252);
;// CONCATENATED MODULE: ./src/fly/app-machines.ts

/** States a Machine passes through; an update sent then is refused as "concurrent update in progress". */
const TRANSIENT = new Set([
    'creating',
    'starting',
    'stopping',
    'restarting',
    'suspending',
    'updating',
    'replacing',
    'launch_failed',
]);
/** A warm Machine serves (or is meant to): it is started, not left stopped, on update. */
const isWarm = (m) => ['started', 'starting', 'failed'].includes(m.state);
const isGone = (m) => ['destroyed', 'destroying'].includes(m.state);
const groupOf = (m) => m.config?.metadata?.[types/* META */.Ge.processGroup] ?? m.config?.metadata?.process_group ?? 'app';
/** `repo:tag` or `repo:tag@sha256:…` → `repo@sha256:…`, the form that pins exactly what ran. */
function pinnedReference(image, digest) {
    if (!digest)
        return image;
    const base = image.split('@')[0];
    const slash = base.lastIndexOf('/');
    const colon = base.lastIndexOf(':');
    const repo = colon > slash ? base.slice(0, colon) : base;
    return `${repo}@${digest}`;
}
function imageOfMachine(m) {
    const image = m.config?.image ?? m.incomplete_config?.image;
    if (!image)
        return undefined;
    return image.includes('@') ? image : pinnedReference(image, m.image_ref?.digest);
}
/** The Machines a flyctl deploy manages: Fly Launch (v2) app Machines, not release or console ones. */
function managedMachines(all) {
    return all.filter((m) => m.config?.metadata?.[types/* META */.Ge.platformVersion] === types/* PLATFORM_VERSION */.PZ &&
        !isGone(m) &&
        ![types/* RELEASE_COMMAND_GROUP */.EL, 'fly_app_console', 'fly_app_test_machine_command'].includes(groupOf(m)) &&
        m.config?.metadata?.[types/* META */.Ge.canary] !== 'true');
}
function groupMachines(machines) {
    const groups = new Map();
    for (const m of machines) {
        const group = groupOf(m);
        groups.set(group, [...(groups.get(group) ?? []), m]);
    }
    return groups;
}
function mostCommon(values) {
    const counts = new Map();
    for (const v of values)
        if (v)
            counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/deadline.ts

/**
 * The one clock an action runs against: every request timeout is clamped to what is left, and retries stop
 * when the next wait would pass it. Derived from the action's inputs (each action documents how), so a
 * server that never answers costs at most this long.
 */
class Deadline {
    budgetMs;
    label;
    at;
    constructor(budgetMs, 
    /** What the budget is called in messages, e.g. "dns-cutover's timeout (2m)". */
    label = `the ${(0,duration/* formatDuration */.a3)(budgetMs)} deadline`, now = Date.now()) {
        this.budgetMs = budgetMs;
        this.label = label;
        this.at = now + budgetMs;
    }
    remainingMs(now = Date.now()) {
        return Math.max(0, this.at - now);
    }
    expired(now = Date.now()) {
        return now >= this.at;
    }
    /**
     * Moves the deadline to `ms` from now (never earlier): a restore after a late failure must still be
     * sent, so it gets its own budget, named in any message about it.
     */
    extend(ms, label) {
        this.at = Math.max(this.at, Date.now() + ms);
        this.label = label;
    }
    /** A wait of `ms` clamped so it ends by the deadline (at least 1 ms, so timers still fire). */
    clamp(ms, now = Date.now()) {
        return Math.max(1, Math.min(ms, this.remainingMs(now)));
    }
    /** A deadline inside this one: the smaller of `ms` from now and what is left. */
    within(ms, label) {
        return new Deadline(Math.min(ms, this.remainingMs()), label ?? this.label);
    }
    static none() {
        return new Deadline(365 * 24 * 3_600_000, 'no deadline');
    }
}

// EXTERNAL MODULE: ./src/fly/errors.ts
var fly_errors = __webpack_require__(5074);
// EXTERNAL MODULE: ./src/core/retry.ts
var retry = __webpack_require__(7253);
// EXTERNAL MODULE: ./src/fly/machine-config.ts + 3 modules
var machine_config = __webpack_require__(2721);
;// CONCATENATED MODULE: ./src/fly/health.ts



/** A Machine did not come up healthy on the new version: the deploy stops and (by default) rolls back. */
class MachineFailure extends Error {
    machineId;
    constructor(machineId, message) {
        super(message);
        this.machineId = machineId;
        this.name = 'MachineFailure';
    }
}
function exitCodeOf(event) {
    return event.request?.MonitorEvent?.exit_event?.exit_code ?? event.request?.exit_event?.exit_code;
}
/**
 * The new version is crash-looping: flyctl's smoke check ("the app appears to be crashing") — a
 * non-zero exit since `sinceMs` that the platform is restarting for at least the second time, or that it
 * will not restart. A single restart after boot is tolerated, as flyctl does.
 */
function crashSince(machine, sinceMs) {
    const exits = (machine.events ?? [])
        .filter((e) => e.type === 'exit' &&
        e.timestamp >= sinceMs &&
        (exitCodeOf(e) ?? 1) !== 0 &&
        !e.request?.exit_event?.requested_stop)
        .sort((a, b) => b.timestamp - a.timestamp);
    const last = exits[0];
    if (!last)
        return undefined;
    const restarting = last.request?.exit_event?.restarting ?? last.request?.MonitorEvent?.exit_event?.restarting;
    if (restarting === false)
        return last;
    if ((last.request?.restart_count ?? 0) >= 1 || exits.length >= 2)
        return last;
    return undefined;
}
const DOWN_STATES = new Set(['stopped', 'failed', 'destroyed', 'destroying', 'suspended', 'replaced']);
/**
 * flyctl's per-Machine gate: `/wait` until `started` on the new version, then poll the Machine until
 * `checks` is non-empty and every one passes (an empty list right after boot is "not yet"), failing
 * fast when the new version exits non-zero; then confirm the Machine still runs the version we made,
 * because Fly can silently revert an update.
 */
async function waitHealthy(api, id, options) {
    const started = await api.wait(id, 'started', {
        version: options.version,
        timeoutMs: Math.max(1000, options.deadline - Date.now()),
        // Short long-polls, so a version Fly silently reverted (it reads `replaced`) is seen within
        // seconds rather than at the end of wait-timeout.
        sliceSeconds: 10,
    });
    if (!started.ok) {
        const machine = await api.find(id);
        const crash = machine && crashSince(machine, options.sinceMs);
        if (crash)
            throw new MachineFailure(id, `Machine ${id} crashed on boot (exit code ${exitCodeOf(crash) ?? '?'}).`);
        if (started.missing || !machine)
            throw new MachineFailure(id, `Machine ${id} disappeared while starting.`);
        // The new version never started because flyd reverted it: the old version may be running and
        // healthy, which must not read as a slow boot (and must never pass for a deploy).
        verifyVersion(machine, options.version, options.config.image);
        throw new MachineFailure(id, `Machine ${id} did not reach started within the wait timeout (state ${machine.state}).`);
    }
    const expected = (0,machine_config/* countChecks */.ls)(options.config);
    const { graceMs, intervalMs } = (0,machine_config/* checkTiming */.l0)(options.config);
    // No check can pass inside its grace period (flyctl's blue-green sleeps it too): polling then only
    // spends the Machine's GET budget.
    if (expected > 0 && graceMs > 0)
        await (0,retry/* sleep */.yy)(Math.min(graceMs * 0.8, Math.max(0, options.deadline - Date.now())));
    const pollMs = Math.min(1000, Math.max(300, Math.round(intervalMs / 4)));
    let machine;
    for (;;) {
        machine = await api.get(id);
        const crash = crashSince(machine, options.sinceMs);
        if (crash)
            throw new MachineFailure(id, `Machine ${id} is crashing: the new version exited with code ${exitCodeOf(crash) ?? '?'}.`);
        if (DOWN_STATES.has(machine.state))
            throw new MachineFailure(id, `Machine ${id} went ${machine.state} after starting.`);
        if (options.version && (0,client/* versionOf */.E4)(machine) && (0,client/* versionOf */.E4)(machine) !== options.version)
            break;
        const checks = (machine.checks ?? []).filter((c) => !c.name.startsWith('bg_deployments_compat'));
        if (expected === 0)
            break;
        if (checks.length > 0 && checks.every((c) => c.status === 'passing'))
            break;
        if (Date.now() >= options.deadline) {
            const failing = checks.filter((c) => c.status !== 'passing');
            const detail = checks.length
                ? failing
                    .map((c) => `${c.name} ${c.status}${c.output ? ` (${c.output.slice(0, 80)})` : ''}`)
                    .join(', ')
                : 'no check results yet';
            throw new MachineFailure(id, `Machine ${id} health checks did not pass within the wait timeout: ${detail}.`);
        }
        await (0,retry/* sleep */.yy)(Math.min(pollMs, Math.max(0, options.deadline - Date.now())));
    }
    verifyVersion(machine, options.version, options.config.image);
    const passing = (machine.checks ?? []).filter((c) => c.status === 'passing').length;
    return {
        machine,
        health: expected === 0 ? 'no checks' : `${passing}/${Math.max(expected, machine.checks?.length ?? 0)} passing`,
    };
}
/** Fly can revert an update (failed pull) and the old version then passes checks: refuse to call that a deploy. */
function verifyVersion(machine, version, image) {
    const actual = (0,client/* versionOf */.E4)(machine);
    if (version && actual && actual !== version) {
        throw new MachineFailure(machine.id, `Fly reverted Machine ${machine.id}: it runs version ${actual}, not the deployed ${version}.`);
    }
    if (machine.config?.image && machine.config.image !== image) {
        throw new MachineFailure(machine.id, `Machine ${machine.id} runs image ${machine.config.image}, not the deployed ${image}.`);
    }
}

// EXTERNAL MODULE: ./src/fly/inputs.ts + 10 modules
var inputs = __webpack_require__(1317);
;// CONCATENATED MODULE: ./src/fly/leases.ts

/**
 * The leases a deploy holds. Acquired before the first mutation, refreshed in the background every
 * (ttl − 1 s)/3 as flyctl does so a long health wait never outlives the TTL, and released on every path.
 */
class LeaseKeeper {
    api;
    ttlSeconds;
    description;
    warn;
    nonces = new Map();
    timer;
    refreshing;
    constructor(api, ttlSeconds, description, warn) {
        this.api = api;
        this.ttlSeconds = ttlSeconds;
        this.description = description;
        this.warn = warn;
    }
    nonce(id) {
        return this.nonces.get(id);
    }
    held() {
        return [...this.nonces.keys()];
    }
    async acquire(id) {
        const existing = this.nonces.get(id);
        if (existing)
            return existing;
        const lease = await this.api.acquireLease(id, this.ttlSeconds, this.description);
        this.nonces.set(id, lease.nonce);
        this.startRefreshing();
        return lease.nonce;
    }
    /** The Machine was destroyed: its lease went with it. */
    forget(id) {
        this.nonces.delete(id);
    }
    startRefreshing() {
        if (this.timer)
            return;
        const everyMs = Math.max(500, ((this.ttlSeconds - 1) * 1000) / 3);
        this.timer = setInterval(() => void this.refreshAll(), everyMs);
        this.timer.unref();
    }
    refreshAll() {
        if (this.refreshing)
            return this.refreshing;
        this.refreshing = Promise.all([...this.nonces].map(async ([id, nonce]) => {
            try {
                await this.api.refreshLease(id, nonce, this.ttlSeconds);
            }
            catch (error) {
                // A 404 is a Machine destroyed a moment ago (its lease went with it).
                if (this.nonces.has(id) && !(error instanceof fly_errors/* FlyApiError */.mo && error.status === 404))
                    this.warn(`could not refresh the lease on ${id}: ${error.message}`);
            }
        })).then(() => {
            this.refreshing = undefined;
        }, () => {
            this.refreshing = undefined;
        });
        return this.refreshing;
    }
    async releaseAll() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = undefined;
        // A refresh still in flight could land after the release and hold the Machine for another TTL.
        await this.refreshing;
        const entries = [...this.nonces];
        this.nonces.clear();
        await Promise.all(entries.map(async ([id, nonce]) => {
            try {
                await this.api.releaseLease(id, nonce);
            }
            catch (error) {
                this.warn(`could not release the lease on ${id} (it expires by itself in ${this.ttlSeconds}s): ${error.message}`);
            }
        }));
    }
}

// EXTERNAL MODULE: ./src/fly/release-record.ts
var release_record = __webpack_require__(328);
;// CONCATENATED MODULE: ./src/fly/report.ts


const report_short = (version) => version.slice(-8);
/**
 * The summary's per-Machine table, one row per Machine the deploy saw or made. Each step of the
 * per-Machine path records what it did through one method here, so a row always tells the whole story.
 */
class DeployReport {
    rows = new Map();
    all() {
        return [...this.rows.values()];
    }
    edit(id, change) {
        const row = this.rows.get(id);
        if (row)
            change(row);
    }
    /** A Machine as the deploy found it. */
    found(m) {
        this.rows.set(m.id, {
            id: m.id,
            region: m.region,
            group: groupOf(m),
            action: 'unchanged',
            oldVersion: (0,client/* versionOf */.E4)(m),
            oldImage: imageOfMachine(m),
            state: m.state,
            health: '-',
        });
    }
    created(machine, group, region, image) {
        this.rows.set(machine.id, {
            id: machine.id,
            region: machine.region ?? region,
            group,
            action: 'created',
            newVersion: (0,client/* versionOf */.E4)(machine),
            newImage: image,
            health: 'pending',
        });
    }
    /** Adds a fact to a Machine's note (its volume, where it was placed instead). */
    note(id, text) {
        this.edit(id, (row) => (row.note = row.note ? `${row.note}; ${text}` : text));
    }
    /** A created Machine's role: a canary, or green standing in for a blue Machine. */
    role(id, change) {
        const row = this.rows.get(id);
        if (!row)
            return;
        if (change.action)
            row.action = change.action;
        if (change.replaces) {
            row.oldVersion = (0,client/* versionOf */.E4)(change.replaces);
            row.oldImage = imageOfMachine(change.replaces);
            row.note = `green for ${change.replaces.id}`;
        }
    }
    updating(machine, group, image) {
        this.rows.set(machine.id, {
            id: machine.id,
            region: machine.region,
            group,
            action: 'updated',
            oldVersion: (0,client/* versionOf */.E4)(machine),
            oldImage: imageOfMachine(machine),
            newImage: image,
            health: 'pending',
        });
    }
    /** Fly accepted the update (or create) with this version. */
    version(id, version) {
        const row = this.rows.get(id);
        if (row)
            row.newVersion = version;
    }
    /** The health gate passed. */
    healthy(id, outcome, sinceMs) {
        const row = this.rows.get(id);
        if (!row)
            return;
        row.health = outcome.health;
        row.check = 'verified';
        row.state = outcome.machine.state;
        row.newVersion = (0,client/* versionOf */.E4)(outcome.machine) ?? row.newVersion;
        row.ms = Date.now() - sinceMs;
    }
    /** A stopped Machine took the new version without being started (`skip_launch`). */
    leftStopped(id, sinceMs) {
        const row = this.rows.get(id);
        if (!row)
            return;
        row.health = 'stopped (not started)';
        row.check = 'stopped';
        row.state = 'stopped';
        row.ms = Date.now() - sinceMs;
    }
    /** A Machine this deploy created was destroyed again (rollback), with why. */
    destroyed(id, reason) {
        this.edit(id, (row) => Object.assign(row, { action: 'destroyed', note: reason, state: 'destroyed' }));
    }
    canaryPassed(id) {
        this.edit(id, (row) => Object.assign(row, { state: 'destroyed', note: 'canary passed, destroyed' }));
    }
    /** Removed by `count`: the app asked for fewer Machines in its region. */
    scaledDown(id) {
        this.edit(id, (row) => Object.assign(row, { action: 'destroyed', state: 'destroyed', note: 'scaled down (count)' }));
    }
    blueDestroyed(id) {
        this.edit(id, (row) => Object.assign(row, { state: 'destroyed', health: 'blue, destroyed' }));
    }
    /** Blue-green: the old Machine green replaced, about to be stopped and destroyed. */
    blue(m) {
        this.rows.set(m.id, {
            id: m.id,
            region: m.region,
            group: groupOf(m),
            action: 'replaced',
            oldVersion: (0,client/* versionOf */.E4)(m),
            oldImage: imageOfMachine(m),
            health: 'blue',
            state: m.state,
        });
    }
    /** Rollback found the update never landed, or Fly reverted it: the Machine is as it was. */
    untouched(id) {
        const row = this.rows.get(id);
        if (!row)
            return;
        row.action = 'unchanged';
        // An update Fly accepted (it answered with a new version) and then reverted is not "never applied".
        row.note = row.newVersion
            ? `Fly reverted the update to …${report_short(row.newVersion)}; still on the previous version`
            : 'update never applied';
        row.newVersion = undefined;
        row.newImage = undefined;
        row.health = '-';
    }
    /** Rollback put the previous config back. */
    restored(id, previous, version, warm, sinceMs) {
        const row = this.rows.get(id);
        if (!row)
            return;
        const failed = row.newVersion ? `new version …${report_short(row.newVersion)} failed; ` : '';
        row.action = 'restored';
        row.note = `${failed}back on ${imageOfMachine(previous) ?? 'the previous image'}`;
        row.newVersion = version;
        row.newImage = imageOfMachine(previous);
        row.health = warm ? 'passing (restored)' : 'stopped (restored)';
        row.ms = Date.now() - sinceMs;
    }
    /** The state each Machine ended in, from the final listing. */
    finalStates(after) {
        for (const m of after) {
            const row = this.rows.get(m.id);
            if (row)
                row.state = m.state;
        }
    }
}

;// CONCATENATED MODULE: ./src/fly/volumes.ts

/** flyctl's default `initial_size` (deploy.DefaultVolumeInitialSizeGB). */
const DEFAULT_INITIAL_SIZE_GB = 1;
const sizeGb = (value) => {
    if (value === undefined)
        return undefined;
    if (typeof value === 'number')
        return value;
    const match = /^(\d+)\s*(gb?|g)?$/i.exec(String(value).trim());
    return match ? Number(match[1]) : undefined;
};
/** The mount a process group declares (a `[mounts]` with `processes` applies only to those groups). */
function mountFor(toml, group) {
    const table = toml.mounts.find((m) => {
        const processes = m.processes;
        return !Array.isArray(processes) || processes.length === 0 || processes.includes(group);
    });
    if (!table)
        return undefined;
    const percent = table.auto_extend_size_threshold;
    return {
        source: String(table.source ?? ''),
        destination: String(table.destination ?? ''),
        initialSizeGb: sizeGb(table.initial_size) ?? DEFAULT_INITIAL_SIZE_GB,
        extendThresholdPercent: percent === undefined ? undefined : Number(percent),
        addSizeGb: sizeGb(table.auto_extend_size_increment),
        sizeGbLimit: sizeGb(table.auto_extend_size_limit),
    };
}
/** The Machine config's `mounts` for a spec, on a given volume (flyctl appconfig mount conversion). */
function mountConfig(spec, volumeId) {
    return [
        {
            volume: volumeId,
            path: spec.destination,
            name: spec.source,
            ...(spec.extendThresholdPercent !== undefined
                ? { extend_threshold_percent: spec.extendThresholdPercent }
                : {}),
            ...(spec.addSizeGb !== undefined ? { add_size_gb: spec.addSizeGb } : {}),
            ...(spec.sizeGbLimit !== undefined ? { size_gb_limit: spec.sizeGbLimit } : {}),
        },
    ];
}
function mountedVolume(config) {
    return config?.mounts?.[0];
}
/**
 * The app's volumes for one deploy, as flyctl keeps them: unattached ones by name, handed out per region
 * to new Machines; where none is left in a region a new one is created with `initial_size`.
 */
class VolumePool {
    api;
    unattached = new Map();
    known = new Set();
    /** Volumes this deploy created, for the summary (and left in place on a rollback: they may hold data). */
    created = [];
    constructor(api) {
        this.api = api;
    }
    path(id) {
        const base = `apps/${encodeURIComponent(this.api.app)}/volumes`;
        return id ? `${base}/${encodeURIComponent(id)}` : base;
    }
    /** Lists the app's volumes; the unattached, healthy ones are kept by name (flyctl `setVolumes`). */
    async load() {
        const response = await this.api.send('GET', this.path());
        if (!Array.isArray(response.body))
            throw new Error(`Fly API GET /${this.path()} answered ${typeof response.body}, not a list of volumes`);
        const volumes = response.body.filter((v) => v && typeof v.id === 'string' && typeof v.name === 'string');
        this.known = new Set(volumes.map((v) => v.id));
        this.unattached = new Map();
        for (const v of volumes) {
            const free = !v.attached_machine_id && !v.attached_alloc_id && (v.host_status ?? 'ok') === 'ok';
            if (free && v.state !== 'destroyed' && v.state !== 'pending_destroy')
                this.unattached.set(v.name, [...(this.unattached.get(v.name) ?? []), v]);
        }
        return volumes;
    }
    /** An unattached volume of that name in the region, else a new one; `fresh` says which. */
    async take(spec, region) {
        const free = this.unattached.get(spec.source) ?? [];
        const index = free.findIndex((v) => v.region === region);
        if (index >= 0)
            return { volume: free.splice(index, 1)[0], fresh: false };
        return { volume: await this.create(spec, region), fresh: true };
    }
    /** Returns a volume a Machine could not use after all (its create failed) to the unattached pool. */
    giveBack(volume) {
        this.unattached.set(volume.name, [...(this.unattached.get(volume.name) ?? []), volume]);
    }
    /**
     * Creates a volume. Not idempotent: after a timeout or 5xx the app's volumes are listed and one of
     * that name and region this deploy has not seen before is taken as the result, not made twice.
     */
    async create(spec, region) {
        const response = await this.api.send('POST', this.path(), {
            body: { name: spec.source, region, size_gb: spec.initialSizeGb },
            idempotent: false,
            reconcile: async () => {
                const listed = await this.api.send('GET', this.path());
                const found = (Array.isArray(listed.body) ? listed.body : []).find((v) => v.name === spec.source && v.region === region && !this.known.has(v.id));
                return found ? { status: 200, headers: {}, body: found } : undefined;
            },
        });
        const volume = response.body;
        if (!volume || typeof volume.id !== 'string')
            throw new Error(`Fly API POST /${this.path()} answered without a volume id`);
        this.known.add(volume.id);
        this.created.push(volume);
        return volume;
    }
    async destroy(id) {
        await this.api.send('DELETE', this.path(id), { accept: [404] });
    }
}
/**
 * flyctl's `validateVolumeConfig`, without its prompt: a Machine whose volume fly.toml no longer
 * mounts, or mounts under another name, or a Machine fly.toml now wants a volume on, cannot be
 * updated in place without losing or stranding data, so the deploy stops before changing anything.
 */
function checkVolumes(toml, app, groups) {
    for (const [group, machines] of groups) {
        const spec = mountFor(toml, group);
        for (const m of machines) {
            const mounted = mountedVolume(m.config);
            if (mounted && !spec)
                throw new errors/* UserError */.yo(`Machine ${m.id} (${group}) has volume ${mounted.volume ?? '?'} mounted at ${mounted.path ?? '?'}, but ${toml.file} has no [mounts] for group "${group}"; a deploy would detach it.`, {
                    input: 'config',
                    fix: `add [mounts] source = "${mounted.name ?? 'data'}", destination = "${mounted.path ?? '/data'}" back to ${toml.file}, or move the data and destroy the Machine first (\`fly machine destroy ${m.id} -a ${app}\`).`,
                });
            if (spec && !mounted)
                throw new errors/* UserError */.yo(`Machine ${m.id} (${group}) has no volume, but ${toml.file} mounts "${spec.source}" at ${spec.destination}; Fly cannot attach a volume to an existing Machine.`, {
                    input: 'config',
                    fix: `destroy that Machine (\`fly machine destroy ${m.id} -a ${app}\`) so the next deploy creates it with a volume, or remove [mounts] for group "${group}".`,
                });
            if (spec && mounted?.name && mounted.name !== spec.source)
                throw new errors/* UserError */.yo(`Machine ${m.id} (${group}) mounts volume "${mounted.name}", but ${toml.file} names "${spec.source}"; a Machine's volume cannot be swapped.`, { input: 'config', fix: `set [mounts] source = "${mounted.name}" in ${toml.file}.` });
        }
    }
}

;// CONCATENATED MODULE: ./src/fly/restart-after-restore.ts


/**
 * States from which flyd boots a Machine after an update. From any other (a crash-looping Machine that
 * flyd gave up restarting is `stopped`) the update leaves the new version stopped (fly.md §1.5).
 */
const BOOTS_AFTER_UPDATE = new Set(['started', 'starting', 'restarting', 'created', 'failed']);
function updateLeavesStopped(state) {
    return !BOOTS_AFTER_UPDATE.has(state ?? '');
}
/**
 * Starts a Machine whose update left it stopped, when it must run: a rollback restoring a Machine that
 * served before the deploy (the crashing release left it stopped), or a stopped Machine started to verify
 * the release. Waits until the new version has settled and starts it if it settled stopped, so the health gate that
 * follows sees it running.
 */
async function startRestoredMachine(api, id, version, nonce, timeoutMs) {
    // Settled, not stopped: the proxy may have auto-started it meanwhile, and then it boots by itself.
    const settled = await api.wait(id, 'settled', { version, timeoutMs });
    if (!settled.ok)
        throw new MachineFailure(id, `Machine ${id}: the updated version did not settle within ${(0,duration/* formatDuration */.a3)(timeoutMs)} (state ${settled.state ?? 'unknown'}), so it could not be started.`);
    if (settled.state !== 'stopped' && settled.state !== 'suspended')
        return;
    await api.start(id, nonce);
}

;// CONCATENATED MODULE: ./src/fly/deployment.ts















const newId = () => (0,external_node_crypto_.randomBytes)(8).toString('hex');
/**
 * flyctl updates a clone of the Machine's config, so what fly.toml does not describe stays as it was:
 * a `schedule`, `auto_destroy` or `dns.skip_registration` set with `fly machine update` survives.
 */
function keepMachineSettings(config, existing) {
    if (!existing)
        return;
    if (config.schedule === undefined && existing.schedule !== undefined)
        config.schedule = existing.schedule;
    if (config.auto_destroy === undefined && existing.auto_destroy !== undefined)
        config.auto_destroy = existing.auto_destroy;
    if (config.dns === undefined && existing.dns !== undefined)
        config.dns = existing.dns;
}
/**
 * One deploy's state and its per-Machine path, shared by every strategy: create a Machine, update one
 * in place, gate it on start + health + version. What it changed and created is kept for a rollback,
 * and every step is written to the report.
 */
class Deployment {
    o;
    api;
    /** The whole deploy's clock (`timeout`): every call and retry stops at it; a rollback gets its own. */
    overall;
    leases;
    started = Date.now();
    timeline = [];
    warnings = [];
    report = new DeployReport();
    /** Machines changed in place, with what they were, for a rollback. */
    changed = new Map();
    /** Machines this deploy created (green, canary, first deploy), destroyed on a rollback. */
    created = new Map();
    apiCalls = 0;
    minSecretsVersion;
    releaseVersion = 1;
    deployId = newId();
    /** This release's id, written to every Machine as `fly_release_id` (flyctl `setMachineReleaseData`). */
    releaseId = newId();
    /** The new image's digest as Fly resolved it, kept even when the release is rolled back (for records). */
    newDigest;
    /** How many Machines the app should have once the deploy is done (the placement plan's total). */
    expectedMachines;
    /** The app's volumes, loaded when fly.toml mounts one. */
    volumes;
    /** Empty volumes made for a machine_checks Machine (Machine id → volume), deleted with it. */
    scratch = new Map();
    /** Every scratch volume this deploy made, deleted or not. */
    scratchIds = new Set();
    /** How long a one-off Machine (release_command, a machine check) may run: the input, fly.toml, else 5m. */
    get oneOffTimeoutMs() {
        return this.o.releaseCommandTimeoutMs ?? this.o.toml.deploy.releaseCommandTimeoutMs ?? 300_000;
    }
    constructor(o) {
        this.o = o;
        const budget = o.timeoutMs ?? (0,inputs/* deployTimeoutMs */.H5)(o.strategy, o.waitTimeoutMs, o.toml);
        this.overall = new Deadline(budget, `fly-deploy's timeout (${(0,duration/* formatDuration */.a3)(budget)})`);
        this.api = new client/* FlyApi */.ke({
            deadline: this.overall,
            apiUrl: o.apiUrl,
            token: o.apiToken,
            app: o.app,
            retry: o.retry,
            log: (line) => this.log(line),
            onCall: (call) => {
                this.apiCalls++;
                o.onCall?.(call);
            },
        });
        this.leases = new LeaseKeeper(this.api, o.leaseTtlSeconds ?? 13, `runway fly-deploy ${this.deployId}`, (line) => this.warn(line));
    }
    log(line) {
        this.o.log?.(line);
    }
    warn(line) {
        this.warnings.push(line);
        (this.o.warn ?? this.o.log)?.(line);
    }
    /** A timeline entry (the summary's "what happened when"), also logged. */
    mark(text) {
        this.timeline.push({ atMs: Date.now() - this.started, text });
        this.log(`[${(0,duration/* formatDuration */.a3)(Date.now() - this.started)}] ${text}`);
    }
    /**
     * The group's Machine config from fly.toml. An existing Machine keeps its volume (only the mount
     * path and auto-extend settings follow fly.toml); a new Machine's volume is chosen when it is created.
     * A rollback with a recorded release (`restoreConfig`) puts that release's config back instead.
     */
    configFor(group, existing) {
        const recorded = this.o.restoreConfig?.[group];
        const release = { image: this.o.image, releaseVersion: this.releaseVersion, deployId: this.deployId };
        const config = recorded
            ? (0,release_record/* restoredConfig */.X5)(recorded, existing, release)
            : (0,machine_config/* machineConfigFor */.Xg)(this.o.toml, { ...release, group, existing });
        config.metadata = { ...config.metadata, [types/* META */.Ge.releaseId]: this.releaseId };
        keepMachineSettings(config, existing);
        const spec = mountFor(this.o.toml, group);
        const volume = mountedVolume(existing)?.volume;
        if (spec && volume)
            config.mounts = mountConfig(spec, volume);
        else
            delete config.mounts;
        return config;
    }
    /** One Machine's wait: wait-timeout from now, never past the deploy's overall deadline. */
    deadline() {
        return Math.min(Date.now() + this.o.waitTimeoutMs, this.overall.at);
    }
    /**
     * Creates a Machine in `region`; when Fly has no capacity there, in the next `fallback-regions` entry
     * instead (said in the timeline and the Machine's note), until one takes it or the list runs out.
     */
    async createMachine(group, region, config, extra = {}) {
        const candidates = [region, ...(this.o.fallbackRegions ?? []).filter((r) => r !== region)];
        for (const [i, candidate] of candidates.entries()) {
            try {
                const machine = await this.createIn(group, candidate, config, extra);
                if (candidate !== region)
                    this.report.note(machine.id, `placed in ${candidate}: no capacity in ${region}`);
                return machine;
            }
            catch (error) {
                const next = candidates[i + 1];
                if (!(error instanceof fly_errors/* CapacityError */.hG) || !next)
                    throw error;
                this.mark(`no capacity for a ${group} Machine in ${candidate}; trying ${next} (fallback-regions)`);
            }
        }
        throw new Error('unreachable: no region to create a Machine in');
    }
    /** Creates a Machine with a launch id so a 408 "silent success" is found rather than duplicated. */
    async createIn(group, region, config, extra) {
        const launchId = newId();
        const volume = await this.volumeFor(group, region, config, extra.scratchVolume === true);
        const mounts = volume ? mountConfig(volume.spec, volume.volume.id) : config.mounts;
        const body = {
            config: {
                ...config,
                ...(mounts ? { mounts } : {}),
                metadata: { ...config.metadata, ...extra.metadata, [types/* META */.Ge.launchId]: launchId },
            },
            region,
            skip_service_registration: extra.skipServiceRegistration || undefined,
            min_secrets_version: this.minSecretsVersion,
        };
        // No `lease_ttl` on create: a create that timed out but happened would hold a lease whose nonce we
        // never saw, locking us out of our own Machine. The lease is taken right after instead.
        let machine;
        try {
            machine = await this.api.create(body, { key: types/* META */.Ge.launchId, id: launchId });
        }
        catch (error) {
            if (volume && extra.scratchVolume)
                await this.volumes?.destroy(volume.volume.id).catch(() => undefined);
            else if (volume)
                this.volumes?.giveBack(volume.volume);
            throw error;
        }
        this.newDigest ??= machine.image_ref?.digest;
        this.created.set(machine.id, machine);
        if (volume && extra.scratchVolume) {
            this.scratch.set(machine.id, volume.volume);
            this.scratchIds.add(volume.volume.id);
        }
        await this.leases.acquire(machine.id);
        this.report.created(machine, group, region, this.o.image);
        if (volume)
            this.report.note(machine.id, `volume ${volume.volume.id} (${volume.spec.source}${volume.fresh ? ', new' : ''}${extra.scratchVolume ? ', scratch' : ''})`);
        return machine;
    }
    /**
     * The volume a new Machine of a group that mounts one gets: an unattached one of that name in its
     * region, else a new one (`initial_size`), as flyctl does; the Machine that machine_checks test always
     * gets a new, empty one so it never touches data a Machine left behind.
     */
    async volumeFor(group, region, config, scratch) {
        const spec = mountFor(this.o.toml, group);
        if (!spec || !this.volumes || (config.mounts?.length ?? 0) > 0)
            return undefined;
        const taken = scratch
            ? { volume: await this.volumes.create(spec, region), fresh: true }
            : await this.volumes.take(spec, region);
        if (taken.fresh)
            this.mark(`created volume ${taken.volume.id} (${spec.source}, ${spec.initialSizeGb} GB) in ${region}`);
        return { spec, ...taken };
    }
    /** Deletes a scratch volume once its Machine is gone (a volume cannot go while attached). */
    async dropScratch(machineId) {
        const volume = this.scratch.get(machineId);
        if (!volume || !this.volumes)
            return;
        await this.api.wait(machineId, 'destroyed', { timeoutMs: this.o.waitTimeoutMs, missingOk: true });
        await this.volumes.destroy(volume.id);
        this.scratch.delete(machineId);
    }
    /** Creates a Machine and gates it: the whole path of a new Machine on the new release. */
    async launch(group, region, config) {
        const since = Date.now();
        const machine = await this.createMachine(group, region, config);
        await this.gate(machine.id, (0,client/* versionOf */.E4)(machine), config, since);
        return machine;
    }
    /**
     * A Machine mid-transition (`replacing` after an earlier update, `starting`, `stopping`) refuses
     * updates with "concurrent update in progress": wait for it to settle and use its fresh state.
     */
    async settled(machine) {
        if (!TRANSIENT.has(machine.state))
            return machine;
        this.log(`Machine ${machine.id} is ${machine.state}; waiting for it to settle`);
        await this.api.wait(machine.id, 'settled', { timeoutMs: this.o.waitTimeoutMs, missingOk: true });
        return (await this.api.find(machine.id)) ?? machine;
    }
    /** Start + health gate + version check for a Machine this deploy created or updated. */
    async gate(id, version, config, sinceMs) {
        const outcome = await waitHealthy(this.api, id, {
            version,
            config,
            deadline: this.deadline(),
            sinceMs,
            log: (l) => this.log(l),
        });
        this.report.healthy(id, outcome, sinceMs);
    }
    /** Destroys a Machine this deploy created (a passed canary, a rolled-back new Machine). */
    async destroyCreated(id) {
        await this.api.destroy(id, this.leases.nonce(id));
        this.leases.forget(id);
        this.created.delete(id);
    }
    /**
     * Updates one existing Machine in place: cordoned first so the proxy drains it instead of sending
     * requests to a rebooting Machine, updated with the nonce (and `current_version`, so a retried update
     * cannot stack on top of another), gated, then uncordoned. Stopped Machines stay stopped (`skip_launch`).
     */
    async updateInPlace(original, group, options = {}) {
        const nonce = await this.leases.acquire(original.id);
        const machine = await this.settled(original);
        const warm = isWarm(machine) || options.forceStart === true;
        const config = this.configFor(group, machine.config);
        const serving = warm && (config.services?.length ?? 0) > 0;
        this.report.updating(machine, group, this.o.image);
        const since = Date.now();
        this.changed.set(machine.id, { machine, group, warm: isWarm(machine) });
        if (serving && !machine.cordoned)
            await this.api.cordon(machine.id, nonce);
        const updated = await this.api.update(machine.id, {
            config,
            region: machine.region,
            skip_launch: !warm,
            current_version: (0,client/* versionOf */.E4)(machine),
            min_secrets_version: this.minSecretsVersion,
        }, nonce, machine.region);
        const version = (0,client/* versionOf */.E4)(updated);
        this.newDigest ??= updated.image_ref?.digest;
        this.report.version(machine.id, version);
        // A stopped Machine started to verify the release stays stopped after the update unless started.
        if (options.forceStart && updateLeavesStopped(machine.state))
            await startRestoredMachine(this.api, machine.id, version, nonce, this.o.waitTimeoutMs);
        if (warm) {
            await this.gate(machine.id, version, config, since);
        }
        else {
            verifyVersion(await this.api.get(machine.id), version, this.o.image);
            this.report.leftStopped(machine.id, since);
        }
        if (serving && !machine.cordoned)
            await this.api.uncordon(machine.id, nonce);
        this.log(`Machine ${machine.id} (${machine.region}) now runs version ${version ?? '?'}`);
    }
    /** Puts one changed Machine back on its previous config (and so its previous image). */
    async restore(snap) {
        const { machine } = snap;
        const nonce = this.leases.nonce(machine.id) ?? (await this.leases.acquire(machine.id));
        const found = await this.api.find(machine.id);
        const current = found ? await this.settled(found) : undefined;
        if (current &&
            (0,client/* versionOf */.E4)(current) === (0,client/* versionOf */.E4)(machine) &&
            current.config?.image === machine.config?.image) {
            // The update never landed (it failed before Fly applied it): only the cordon needs undoing.
            if (!machine.cordoned && current.cordoned)
                await this.api.uncordon(machine.id, nonce);
            this.report.untouched(machine.id);
            this.changed.delete(machine.id);
            return;
        }
        const since = Date.now();
        const previous = machine.config;
        const restored = await this.api.update(machine.id, { config: previous, region: machine.region, skip_launch: !snap.warm }, nonce, machine.region);
        const version = (0,client/* versionOf */.E4)(restored);
        // A release that crashed until flyd gave up left the Machine stopped; the restore must start it.
        if (snap.warm && updateLeavesStopped(current?.state))
            await startRestoredMachine(this.api, machine.id, version, nonce, this.o.waitTimeoutMs);
        if (snap.warm) {
            await waitHealthy(this.api, machine.id, {
                version,
                config: previous,
                deadline: this.deadline(),
                sinceMs: since,
            });
        }
        else {
            verifyVersion(await this.api.get(machine.id), version, previous.image);
        }
        if (!machine.cordoned)
            await this.api.uncordon(machine.id, nonce);
        this.report.restored(machine.id, machine, version, snap.warm, since);
        this.changed.delete(machine.id);
    }
}

// EXTERNAL MODULE: ./src/fly/config/special-machines.ts
var special_machines = __webpack_require__(6794);
;// CONCATENATED MODULE: ./src/fly/release-command.ts





class ReleaseCommandError extends errors/* UserError */.yo {
    constructor(message, fix) {
        super(message, { fix });
        this.name = 'ReleaseCommandError';
    }
}
/**
 * flyctl's one-off Machine sequence (release_command, machine_checks): a throwaway Machine created stopped
 * (`skip_launch`), started (412 while it is still `created` is retried), waited on until it is destroyed
 * (`auto_destroy`), then its exit code read from the `exit` event. It never touches an app Machine, so
 * the caller decides what a non-zero exit means; a run that does not finish or leaves no exit code throws.
 */
async function runOneOff(api, options) {
    const started = Date.now();
    const config = {
        ...options.config,
        metadata: { ...options.config.metadata, [types/* META */.Ge.launchId]: options.launchId },
    };
    const machine = await api.create({ config, region: options.region, skip_launch: true, min_secrets_version: options.minSecretsVersion }, { key: types/* META */.Ge.launchId, id: options.launchId });
    options.log(`${options.label}: Machine ${machine.id} created in ${options.region}`);
    try {
        const ready = await api.wait(machine.id, 'stopped', {
            version: (0,client/* versionOf */.E4)(machine),
            timeoutMs: options.waitTimeoutMs,
            missingOk: true,
        });
        if (!ready.ok && ready.timedOut)
            options.log(`${options.label}: ${machine.id} still ${ready.state ?? 'preparing'}; starting anyway`);
        await api.start(machine.id, machine.nonce);
        const done = await api.wait(machine.id, 'destroyed', { timeoutMs: options.timeoutMs, missingOk: true });
        if (!done.ok && done.timedOut) {
            throw new ReleaseCommandError(`${options.label} did not finish within ${(0,duration/* formatDuration */.a3)(options.timeoutMs)}; the deploy was stopped before any app Machine changed.`, 'make the command faster or raise [deploy] release_command_timeout.');
        }
        const exitCode = await readExitCode(api, machine.id);
        if (exitCode === undefined) {
            throw new ReleaseCommandError(`${options.label}: Machine ${machine.id} ended without an exit event; the deploy was stopped before any app Machine changed.`, `check \`fly logs -i ${machine.id}\` for its output.`);
        }
        return { machineId: machine.id, exitCode, ms: Date.now() - started };
    }
    finally {
        // auto_destroy normally removes it; after a timeout or error make sure it does not linger.
        await api.destroy(machine.id, machine.nonce).catch(() => undefined);
    }
}
/** `[deploy] release_command` in a one-off Machine; a non-zero exit stops the deploy before any change. */
async function runReleaseCommand(api, options) {
    const run = await runOneOff(api, { ...options, label: `release_command \`${options.command}\`` });
    if (run.exitCode !== 0) {
        throw new ReleaseCommandError(`release command failed - aborting deployment: \`${options.command}\` exited with non-zero status of ${run.exitCode}; no app Machine was changed.`, 'fix the command or its environment (secrets) and deploy again; `fly logs -i ' +
            run.machineId +
            '` shows its output.');
    }
    return run;
}
async function readExitCode(api, id) {
    const fromEvents = (events) => {
        const exits = (events ?? []).filter((e) => e.type === 'exit').sort((a, b) => b.timestamp - a.timestamp);
        return exits.length ? exitCodeOf(exits[0]) : undefined;
    };
    const direct = await api.find(id).catch(() => undefined);
    let code = fromEvents(direct?.events);
    if (code !== undefined)
        return code;
    code = fromEvents(await api.events(id).catch(() => []));
    if (code !== undefined)
        return code;
    const deleted = await api.list({ include_deleted: true }).catch(() => []);
    return fromEvents(deleted.find((m) => m.id === id)?.events);
}

;// CONCATENATED MODULE: ./src/fly/machine-checks.ts







/**
 * `machine_checks` ([http_service], [[services]] and top-level), as flyctl's runTestMachines runs them:
 * each in a throwaway Machine on the check's image (or the tested Machine's), with the tested Machine's
 * env, `FLY_TEST_COMMAND=1` and `FLY_TEST_MACHINE_IP` set to its private address; a check passes when
 * its Machine exits 0. flyctl tests the Machine it has just updated (a canary, with that strategy); here
 * every group gets one Machine of the new release beside the app, without service registration (it
 * takes no traffic), before any app Machine changes, so a failing check leaves the app as it was. The
 * tested Machine and every check Machine are destroyed on every path.
 */
async function runMachineChecks(d, before) {
    let passed = 0;
    for (const group of Object.keys(d.o.toml.processes)) {
        const checks = (0,special_machines/* machineChecksFor */.QI)(d.o.toml, group);
        if (!checks.length)
            continue;
        const tested = await startTestedMachine(d, group, before);
        try {
            for (const [i, check] of checks.entries())
                await runOneCheck(d, tested, check, i);
        }
        catch (error) {
            // The check's failure is the news; a Machine that will not go is left to the rollback, which
            // destroys every Machine this deploy created.
            await dropTestedMachine(d, tested).catch((e) => d.warn(`could not destroy ${tested.machine.id}: ${(0,errors/* errorMessage */.gJ)(e)}`));
            throw error;
        }
        await dropTestedMachine(d, tested);
        passed += checks.length;
    }
    if (passed)
        d.mark(`${passed} machine check(s) passed`);
}
/**
 * The group's new config beside an existing Machine of the group (its region, its config as the base),
 * or in the primary region on a first deploy. Gated like any new Machine (started, then its health
 * checks) so a check that probes it does not race its boot. A group with [[mounts]] gets a new, empty
 * scratch volume, deleted with it: Fly attaches the app's volume to one Machine only.
 */
async function startTestedMachine(d, group, before) {
    const existing = before.find((m) => groupOf(m) === group);
    const region = existing?.region ?? d.o.toml.primaryRegion ?? d.o.regions[0];
    const config = d.configFor(group, existing?.config);
    delete config.mounts;
    d.mark(`group ${group}: starting a Machine of the new release in ${region} for its machine checks`);
    const since = Date.now();
    // Tagged as flyctl tags a canary (which it also runs the checks beside), so `mode: doctor` finds one a
    // killed run left behind.
    const machine = await d.createMachine(group, region, config, {
        skipServiceRegistration: true,
        metadata: { [types/* META */.Ge.canary]: 'true' },
        scratchVolume: true,
    });
    const tested = { group, machine, config };
    try {
        await d.gate(machine.id, (0,client/* versionOf */.E4)(machine), config, since);
    }
    catch (error) {
        await dropTestedMachine(d, tested).catch(() => undefined);
        throw error;
    }
    return tested;
}
/** One check in its own throwaway Machine; a non-zero exit stops the deploy (flyctl's machineTestErr). */
async function runOneCheck(d, tested, check, index) {
    const config = checkMachineConfig(d, tested, check);
    const command = (config.init?.cmd ?? []).join(' ');
    const label = `machine check \`${command}\` (${tested.group} #${index + 1})`;
    d.mark(`running ${label} beside ${tested.machine.id}`);
    const run = await runOneOff(d.api, {
        config,
        region: tested.machine.region,
        label,
        timeoutMs: d.oneOffTimeoutMs,
        waitTimeoutMs: d.o.waitTimeoutMs,
        minSecretsVersion: d.minSecretsVersion,
        launchId: newId(),
        log: (line) => d.log(line),
    });
    if (run.exitCode !== 0)
        throw new errors/* UserError */.yo(`test command machine ${run.machineId} exited with non-zero status of ${run.exitCode}: ${label} failed against ${tested.machine.id}; the deploy stopped before any app Machine changed.`, {
            fix: `fix what the check found, or the check itself; \`fly logs -i ${run.machineId}\` shows its output.`,
        });
}
/**
 * flyctl's launchInputForTestMachine: ToTestMachineConfig against the tested Machine, the group's guest
 * (inferCanaryGuest), this release's metadata (setMachineReleaseData) and the host dedication.
 */
function checkMachineConfig(d, tested, check) {
    const source = { config: { ...tested.config, image: d.o.image }, private_ip: tested.machine.private_ip };
    const config = (0,special_machines/* testMachineConfig */.yG)(d.o.toml, check, source);
    if (tested.config.guest)
        config.guest = { ...tested.config.guest };
    if (config.guest && d.o.toml.hostDedicationId)
        config.guest.host_dedication_id = d.o.toml.hostDedicationId;
    config.metadata = {
        ...config.metadata,
        [types/* META */.Ge.releaseId]: d.releaseId,
        [types/* META */.Ge.releaseVersion]: String(d.releaseVersion),
    };
    return config;
}
/** Destroys the tested Machine and waits until it is gone (with its scratch volume, if any). */
async function dropTestedMachine(d, tested) {
    await d.destroyCreated(tested.machine.id);
    await d.api.wait(tested.machine.id, 'destroyed', { timeoutMs: d.o.waitTimeoutMs, missingOk: true });
    d.report.destroyed(tested.machine.id, 'tested by machine_checks, destroyed');
    await d.dropScratch(tested.machine.id);
}

// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
;// CONCATENATED MODULE: ./src/core/pool.ts

/**
 * Runs `fn` over `items`, at most `limit` at a time, in order of `items`. Once one fails no further item
 * starts (a deploy stops changing Machines at the first failure); the first failure is the one thrown.
 */
async function inPool(items, limit, fn) {
    const limiter = (0,p_limit/* default */.A)(Math.max(1, limit));
    let failure;
    const results = await Promise.all(items.map((item) => limiter(async () => {
        if (failure)
            return undefined;
        try {
            return await fn(item);
        }
        catch (error) {
            failure ??= { error };
            return undefined;
        }
    })));
    if (failure)
        throw failure.error;
    return results;
}
/** Like Promise.allSettled over inPool, for cleanup that must try every item: returns what failed. */
async function settleAll(items, limit, fn) {
    const limiter = (0,p_limit/* default */.A)(Math.max(1, limit));
    const failures = [];
    await Promise.all(items.map((item) => limiter(async () => {
        try {
            await fn(item);
        }
        catch (error) {
            failures.push({ item, error });
        }
    })));
    return failures;
}

;// CONCATENATED MODULE: ./src/fly/claim.ts



/**
 * Leases every Machine a deploy will touch, before its first change (secrets, release_command, updates).
 * The lowest Machine id is leased alone first: two deploys racing on one app both ask for that lease
 * first, so exactly one gets it and the other stops there, instead of each winning half the fleet and
 * both giving up. The rest follow in parallel; one held by someone else (a person with flyctl) still
 * stops the deploy before it changes anything, and the caller releases what it took.
 */
async function claimFleet(leases, machines) {
    const [first, ...rest] = [...machines].sort((a, b) => a.id.localeCompare(b.id));
    if (!first)
        return;
    await leases.acquire(first.id);
    await inPool(rest, 16, (m) => leases.acquire(m.id));
}
/**
 * Fly has no lease on an app, only on Machines, so two first deploys of an empty app both see nothing to
 * lease. After creating its Machines a first deploy lists the app again: Machines it did not create mean a
 * rival created the same fleet, and this deploy gives way (its Machines are destroyed by the rollback, or
 * here when rollback is off), so the app never ends with two fleets. Of two deploys that overlap, the one
 * that lists first gives way; the other then finds the app as it created it and wins.
 */
async function confirmSoleFirstDeploy(d) {
    const rivals = managedMachines(await d.api.list()).filter((m) => !d.created.has(m.id));
    if (!rivals.length)
        return;
    const mine = d.created.size;
    if (!d.o.rollback)
        for (const id of [...d.created.keys()]) {
            await d.destroyCreated(id);
            d.report.destroyed(id, 'another deploy created the first fleet too');
        }
    throw new errors/* UserError */.yo(`another deploy created this app's first Machines at the same time (${rivals.map((m) => m.id).join(', ')}); this deploy gives way so the app keeps one fleet, and its ${mine} new Machine(s) are destroyed.`, { fix: 'run the deploy again once the other one has finished (it is no longer a first deploy then).' });
}

;// CONCATENATED MODULE: ./src/fly/rollback.ts


/**
 * After a failure: nothing touched is simply `failed`; with rollback off what changed is left and said;
 * otherwise the Machines this deploy created are destroyed and the changed ones restored, and whatever
 * could not be undone is handed to a human with the commands to run.
 */
async function recover(d, reason, context) {
    const touched = d.changed.size + d.created.size;
    if (touched === 0) {
        d.mark(`stopped before changing anything: ${reason}`);
        return { status: 'failed' };
    }
    const why = reason.replace(/\.$/, '');
    if (!d.o.rollback) {
        d.mark(`failed: ${why}; rollback is off, so ${touched} Machine(s) were left as they are`);
        return { status: 'failed' };
    }
    d.mark(`failed: ${why}; rolling back`);
    const broken = [...(await destroyNewMachines(d, 'rolled back')), ...(await restoreChanged(d))];
    await tidyVolumes(d);
    if (broken.length) {
        const rollbackFailure = {
            message: `ROLLBACK FAILED for ${broken.length} Machine(s): ${broken.map((b) => `${b.id} (${(0,errors/* errorMessage */.gJ)(b.error)})`).join('; ')}`,
            commands: manualCommands(d.o.app, context.previousImage, broken.map((b) => b.id)),
        };
        d.mark(rollbackFailure.message);
        return { status: 'failed', rollbackFailure };
    }
    d.mark(context.firstDeploy
        ? 'rolled back: the new Machines were destroyed'
        : `rolled back: the app runs ${context.previousImage ?? 'the previous release'} again`);
    return { status: 'rolled-back' };
}
/** Destroys every Machine this deploy created (green, canary, first-deploy, scale-up); returns what failed. */
async function destroyNewMachines(d, reason) {
    const machines = [...d.created.values()];
    const failures = await settleAll(machines, 8, async (m) => {
        await d.destroyCreated(m.id);
        d.report.destroyed(m.id, reason);
    });
    if (machines.length)
        d.mark(`destroyed ${machines.length - failures.length} of ${machines.length} new Machine(s) (${reason})`);
    return failures.map((f) => ({ id: f.item.id, error: f.error }));
}
/** Rolling/canary rollback: the previous config (and so the previous image) back on every changed Machine. */
async function restoreChanged(d) {
    const snapshots = [...d.changed.values()];
    if (!snapshots.length)
        return [];
    d.mark(`rolling back ${snapshots.length} Machine(s) to their previous image`);
    const failures = await settleAll(snapshots, 8, (snap) => d.restore(snap));
    return failures.map((f) => ({ id: f.item.machine.id, error: f.error }));
}
/**
 * Scratch volumes of destroyed canaries are deleted; volumes made for Machines that were rolled back are
 * left unattached (they may already hold data) and named, so the next deploy reuses them.
 */
async function tidyVolumes(d) {
    for (const id of [...d.scratch.keys()]) {
        await d
            .dropScratch(id)
            .catch((error) => d.warn(`could not delete a scratch volume (machine_checks): ${(0,errors/* errorMessage */.gJ)(error)}`));
    }
    const left = (d.volumes?.created ?? []).filter((v) => !d.scratchIds.has(v.id));
    if (left.length)
        d.warn(`volume(s) ${left.map((v) => `${v.id} (${v.name}, ${v.region})`).join(', ')} made for Machines that were rolled back are kept, unattached; the next deploy attaches them again (\`fly volumes destroy\` removes them).`);
}
function manualCommands(app, previousImage, ids) {
    const commands = ids.map((id) => `fly machine lease clear ${id} -a ${app}`);
    if (previousImage) {
        commands.push(`fly deploy -a ${app} --image ${previousImage} --strategy immediate`);
    }
    else {
        commands.push(...ids.map((id) => `fly machines destroy --force ${id} -a ${app}`));
    }
    commands.push(`fly status -a ${app}`);
    return commands;
}

;// CONCATENATED MODULE: ./src/fly/strategies/bluegreen.ts








/**
 * Blue-green as flyctl runs it: green Machines created without service registration, all started and
 * passing, then uncordoned; only then is blue cordoned, stopped and destroyed. Until green is
 * uncordoned a failure just destroys green, and blue never stopped serving.
 */
async function blueGreen(d, groups) {
    const blue = [...groups].flatMap(([group, machines]) => machines.map((m) => ({ m, group })));
    await inPool(blue, 16, ({ m }) => d.leases.acquire(m.id));
    const greens = await createGreen(d, blue);
    d.mark(`all ${greens.length} green Machine(s) started and passing; uncordoning green`);
    await inPool(greens, 16, async (id) => d.api.uncordon(id, d.leases.nonce(id)));
    // From here green serves: failures below leave the new release running and are reported, not undone.
    d.created.clear();
    for (const { m } of blue)
        d.report.blue(m);
    await retireBlue(d, blue);
}
/** One green Machine per blue one, in its region, each gated; returns the green ids. */
async function createGreen(d, blue) {
    const tag = String(Math.floor(Date.now() / 1000));
    d.mark(`creating ${blue.length} green Machine(s)`);
    const greens = [];
    await inPool(blue, Math.min(16, Math.max(1, blue.length)), async ({ m, group }) => {
        const config = d.configFor(group, m.config);
        const since = Date.now();
        const green = await d.createMachine(group, m.region, config, {
            skipServiceRegistration: true,
            metadata: { [types/* META */.Ge.bluegreenTag]: tag, [types/* META */.Ge.bluegreenLaunchId]: newId() },
        });
        d.report.role(green.id, { replaces: m });
        greens.push(green.id);
        await d.gate(green.id, (0,client/* versionOf */.E4)(green), config, since);
    });
    return greens;
}
/**
 * Blue is tagged safe to destroy, cordoned, stopped and destroyed, with a pause for the proxy between
 * steps. A blue Machine a step fails on is skipped from then on and named with the command to remove it.
 */
async function retireBlue(d, blue) {
    const leftovers = new Set();
    const step = async (label, fn) => {
        const pending = blue.filter(({ m }) => !leftovers.has(m.id));
        const failures = await settleAll(pending, 16, async ({ m }) => fn(m));
        for (const { item, error } of failures) {
            leftovers.add(item.m.id);
            d.warn(`blue Machine ${item.m.id}: ${label} failed: ${(0,errors/* errorMessage */.gJ)(error)}; remove it with \`fly machines destroy --force ${item.m.id} -a ${d.o.app}\``);
        }
    };
    const settle = async () => {
        if (d.o.proxySettleMs)
            await (0,retry/* sleep */.yy)(d.o.proxySettleMs);
    };
    await step('tagging', (m) => d.api.setMetadata(m.id, types/* META */.Ge.bluegreenTag, 'safe_to_destroy', d.leases.nonce(m.id)));
    await settle();
    d.mark('cordoning blue');
    await step('cordon', (m) => d.api.cordon(m.id, d.leases.nonce(m.id)));
    await settle();
    d.mark('stopping blue');
    await step('stop', (m) => stopBlue(d, m));
    d.mark('destroying blue');
    await step('destroy', async (m) => {
        await d.api.destroy(m.id, d.leases.nonce(m.id));
        d.leases.forget(m.id);
        d.report.blueDestroyed(m.id);
    });
}
async function stopBlue(d, m) {
    if (!isWarm(m))
        return;
    await d.api.stop(m.id, d.leases.nonce(m.id), {
        signal: d.o.toml.killSignal ?? 'SIGINT',
        timeout: d.o.toml.killTimeout,
    });
    const stopped = await d.api.wait(m.id, 'stopped', {
        version: (0,client/* versionOf */.E4)(m),
        timeoutMs: d.o.waitTimeoutMs,
        missingOk: true,
    });
    if (!stopped.ok && stopped.timedOut)
        throw new Error(`did not stop within ${(0,duration/* formatDuration */.a3)(d.o.waitTimeoutMs)}`);
}

;// CONCATENATED MODULE: ./src/fly/plan.ts
/**
 * How many Machines may be down at once: `max_unavailable` ≥ 1 is a count, below 1 a fraction of the
 * group rounded up (flyctl), capped so `min_machines_running` stay up, and never below 1.
 */
function batchSize(maxUnavailable, machines, minRunning = 0) {
    if (machines <= 0)
        return 0;
    let size = maxUnavailable >= 1 ? Math.floor(maxUnavailable) : Math.ceil(machines * maxUnavailable);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with minRunning ≤ 0 the cap is machines or more, which the clamp below already applies
    if (minRunning > 0)
        size = Math.min(size, machines - minRunning);
    return Math.max(1, Math.min(size, machines));
}
/**
 * Rolling order as flyctl runs it: Machines sorted by id, the first one alone as a spearhead (a bad
 * release then takes down one Machine, not a batch), the rest in batches. Stopped ("cold") Machines
 * serve no traffic, so they go in batches of up to 30 after the warm ones.
 */
function rollingBatches(machines, options) {
    const sorted = [...machines].sort((a, b) => a.id.localeCompare(b.id));
    const warm = sorted.filter(options.isWarm);
    const cold = sorted.filter((m) => !options.isWarm(m));
    const size = batchSize(options.maxUnavailable, warm.length, options.minRunning);
    // Without a warm Machine the first cold one is the spearhead.
    const [spearhead, ...rest] = warm.length ? warm : cold;
    if (!spearhead)
        return [];
    return [
        [spearhead],
        ...chunks(warm.length ? rest : [], size),
        ...chunks(warm.length ? cold : rest, COLD_BATCH),
    ];
}
/** Stopped Machines serve no traffic: flyctl starts them in batches of up to 30. */
const COLD_BATCH = 30;
/** `items` in runs of `size`, the last one shorter; the count is known up front, so it always ends. */
function chunks(items, size) {
    return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}
/** How many Machines a first deploy creates per region: two in the primary region for HA, as `fly deploy --ha`. */
function firstDeployCounts(regions, primary, options) {
    const counts = new Map();
    for (const region of regions) {
        const isPrimary = region === primary;
        counts.set(region, Math.max(1, isPrimary && options.ha ? 2 : 1, isPrimary ? options.minRunning : 0));
    }
    return counts;
}

;// CONCATENATED MODULE: ./src/fly/fleet-state.ts

/**
 * In an auto-stopped fleet a region of a process group may have no running Machine: its Machines would
 * take the new release without ever running it. One Machine per such region (the lowest id) is started
 * and gated instead, so the release is verified on at least one Machine per group and region; the rest
 * stay stopped, and the proxy's auto-stop puts the started one back to sleep once it is idle.
 */
function verificationProbes(machines) {
    const probes = new Set();
    const regions = new Set(machines.map((m) => m.region));
    for (const region of regions) {
        const here = machines.filter((m) => m.region === region).sort((a, b) => a.id.localeCompare(b.id));
        if (!here.some(isWarm))
            probes.add(here[0].id);
    }
    return probes;
}

;// CONCATENATED MODULE: ./src/fly/strategies/rolling.ts




/** The largest `min_machines_running` of a group's services: a rollout never takes more down. */
function minRunningOf(d, group) {
    return Math.max(0, ...(d.configFor(group).services?.map((s) => s.min_machines_running ?? 0) ?? [0]));
}
/**
 * Rolling, as flyctl runs it: process groups are independent and roll in parallel; each rolls in
 * batches sorted by id, a single spearhead first, updating every Machine in place.
 */
async function rolling(d, groups) {
    await Promise.all([...groups].map(([group, machines]) => rollGroup(d, group, machines)));
}
async function rollGroup(d, group, machines) {
    const batches = rollingBatches(machines, {
        maxUnavailable: d.o.maxUnavailable,
        minRunning: minRunningOf(d, group),
        isWarm: isWarm,
    });
    // A region of the group with every Machine stopped (auto-stopped) would otherwise take the new
    // release untested: one Machine there is started and gated so a bad release is still caught.
    const probes = verificationProbes(machines);
    if (probes.size)
        d.mark(`group ${group}: no running Machine in some region(s); starting ${[...probes].join(', ')} to check the release`);
    for (const [i, batch] of batches.entries()) {
        d.mark(`group ${group}: batch ${i + 1}/${batches.length} (${batch.map((m) => m.id).join(', ')})`);
        await inPool(batch, batch.length, (m) => d.updateInPlace(m, group, { forceStart: probes.has(m.id) }));
    }
}

;// CONCATENATED MODULE: ./src/fly/strategies/canary.ts



/**
 * Canary, as flyctl runs it: per group, one extra Machine on the new release, created without service
 * registration (it takes no traffic), gated, then destroyed; only then the rolling update. An app with
 * [[mounts]] never gets here: canary is refused before any call, as flyctl refuses it
 * (refuseCanaryWithMounts), since Fly attaches a volume to one Machine only.
 */
async function canary(d, groups) {
    for (const [group, machines] of groups)
        await canaryFor(d, group, machines);
    await rolling(d, groups);
}
async function canaryFor(d, group, machines) {
    const region = machines[0]?.region ?? d.o.regions[0];
    const config = d.configFor(group, machines[0]?.config);
    d.mark(`group ${group}: creating a canary Machine in ${region}`);
    const machine = await d.createMachine(group, region, config, {
        skipServiceRegistration: true,
        metadata: { [types/* META */.Ge.canary]: 'true' },
    });
    d.report.role(machine.id, { action: 'canary' });
    await d.gate(machine.id, (0,client/* versionOf */.E4)(machine), config, Date.now());
    d.mark(`canary ${machine.id} healthy; destroying it and rolling out`);
    await d.destroyCreated(machine.id);
    d.report.canaryPassed(machine.id);
}

;// CONCATENATED MODULE: ./src/fly/strategies/immediate.ts


/**
 * Every Machine at once, no batches and no spearhead. Unlike flyctl's immediate (which does not wait),
 * each Machine is still gated on start and health so a bad release is rolled back rather than left.
 */
async function immediate(d, groups) {
    const all = [...groups].flatMap(([group, machines]) => machines.map((m) => ({ m, group })));
    d.mark(`updating all ${all.length} Machine(s) at once (immediate)`);
    // Stopped Machines stay stopped, except one per group and region with none running (verificationProbes).
    const probes = new Set([...groups.values()].flatMap((machines) => [...verificationProbes(machines)]));
    await inPool(all, 16, ({ m, group }) => d.updateInPlace(m, group, { forceStart: probes.has(m.id) }));
}

;// CONCATENATED MODULE: ./src/fly/strategies/index.ts





/** Rolls the new release over the app's existing Machines (grouped by process group) with the chosen strategy. */
async function runStrategy(d, groups) {
    switch (d.o.strategy) {
        case 'bluegreen':
            return blueGreenKeepingVolumes(d, groups);
        case 'canary':
            return canary(d, groups);
        case 'immediate':
            return immediate(d, groups);
        default:
            return rolling(d, groups);
    }
}
/**
 * Blue-green needs a second Machine beside each old one, and Fly cannot attach a volume to two Machines
 * (flyctl fails there). So a group with a volume is updated in place, rolling, each Machine keeping its
 * volume, and said so; the other groups go blue-green.
 */
async function blueGreenKeepingVolumes(d, groups) {
    const withVolumes = new Map([...groups].filter(([group]) => mountFor(d.o.toml, group)));
    const without = new Map([...groups].filter(([group]) => !withVolumes.has(group)));
    if (withVolumes.size) {
        d.warn(`bluegreen: group(s) ${[...withVolumes.keys()].join(', ')} mount a volume, which Fly cannot attach to a green Machine beside the blue one; they are updated in place (rolling), each Machine keeping its volume.`);
        await rolling(d, withVolumes);
    }
    if (without.size)
        await blueGreen(d, without);
}

// EXTERNAL MODULE: ./src/fly/placement.ts
var placement = __webpack_require__(1234);
;// CONCATENATED MODULE: ./src/fly/strategies/scale.ts









/**
 * Where every process group's Machines should be after the deploy: the `count` input, else the
 * first-deploy layout for a group with none (new app or new process group, as flyctl creates them),
 * else one Machine for each listed region the group is not in yet. A serving group may not be planned
 * below its `min_machines_running`.
 */
function planPlacement(d, groups) {
    const configured = d.o.toml.primaryRegion;
    const primary = configured && d.o.regions.includes(configured) ? configured : d.o.regions[0];
    return Object.keys(d.o.toml.processes).map((group) => {
        const serves = (d.configFor(group).services?.length ?? 0) > 0;
        const minRunning = minRunningOf(d, group);
        const counts = d.o.counts && (0,placement/* countsFor */.iu)(d.o.counts, group);
        const plan = (0,placement/* planGroup */.v3)(group, groups.get(group) ?? [], {
            counts,
            regions: d.o.addRegions ? d.o.regions : [],
            firstLayout: () => firstDeployCounts(d.o.regions, primary, {
                ha: (d.o.ha ?? true) && serves && !mountFor(d.o.toml, group),
                minRunning,
            }),
        });
        const total = [...plan.target.values()].reduce((a, b) => a + b, 0);
        if (counts && serves && total < minRunning)
            throw new errors/* UserError */.yo(`count leaves process group "${group}" with ${total} Machine(s), below its min_machines_running = ${minRunning}.`, {
                input: 'count',
                fix: `ask for at least ${minRunning}, or lower min_machines_running in ${d.o.toml.file}.`,
            });
        return plan;
    });
}
/** Creates the Machines the plan adds, on the new release, each gated like any new Machine. */
async function scaleUp(d, plans, firstDeploy) {
    const creations = plans.flatMap((p) => [...p.add].flatMap(([region, n]) => Array.from({ length: n }, () => ({ group: p.group, region }))));
    if (!creations.length)
        return;
    const where = [...new Set(creations.map((c) => c.region))].join(', ');
    d.mark(firstDeploy
        ? `first deploy: creating ${creations.length} Machine(s) in ${where}`
        : `creating ${creations.length} Machine(s) (${plans
            .filter((p) => p.add.size)
            .map((p) => `${p.group}: ${(0,placement/* describePlacement */.BJ)(p.add)}`)
            .join('; ')})`);
    await inPool(creations, 8, ({ group, region }) => d.launch(group, region, d.configFor(group)));
}
/**
 * Removes the Machines the plan drops, after the new release is live: stopped ones first, each
 * cordoned, stopped and destroyed in turn so the proxy drains it and the group never has fewer running
 * Machines than its target. A failure here leaves the release running and is reported, not undone.
 */
async function scaleDown(d, plans) {
    const doomed = plans.flatMap((p) => p.remove);
    if (!doomed.length)
        return;
    d.mark(`removing ${doomed.length} Machine(s) for count: ${doomed.map((m) => `${m.id} (${m.region})`).join(', ')}`);
    for (const m of doomed) {
        try {
            await retire(d, m);
            d.report.scaledDown(m.id);
        }
        catch (error) {
            d.warn(`Machine ${m.id}: scaling down failed: ${(0,errors/* errorMessage */.gJ)(error)}; remove it with \`fly machines destroy --force ${m.id} -a ${d.o.app}\``);
        }
    }
}
async function retire(d, m) {
    const nonce = await d.leases.acquire(m.id);
    const current = (await d.api.find(m.id)) ?? m;
    if (isWarm(current)) {
        await d.api.cordon(m.id, nonce);
        await d.api.stop(m.id, nonce, { signal: d.o.toml.killSignal ?? 'SIGINT', timeout: d.o.toml.killTimeout });
        const stopped = await d.api.wait(m.id, 'stopped', {
            version: (0,client/* versionOf */.E4)(current),
            timeoutMs: d.o.waitTimeoutMs,
            missingOk: true,
        });
        if (!stopped.ok && stopped.timedOut)
            throw new Error(`did not stop within ${(0,duration/* formatDuration */.a3)(d.o.waitTimeoutMs)}`);
    }
    await d.api.destroy(m.id, nonce);
    d.leases.forget(m.id);
}
/** One entry per process group: where its Machines are, e.g. `app: sin×2, bom×1`. */
function describeLayout(machines) {
    const groups = new Map();
    for (const m of machines) {
        const regions = groups.get(groupOf(m)) ?? new Map();
        regions.set(m.region, (regions.get(m.region) ?? 0) + 1);
        groups.set(groupOf(m), regions);
    }
    return ([...groups].map(([group, regions]) => `${group}: ${(0,placement/* describePlacement */.BJ)(regions)}`).join('; ') || 'none');
}

// EXTERNAL MODULE: ./src/fly/preflight.ts
var preflight = __webpack_require__(6058);
;// CONCATENATED MODULE: ./src/fly/deploy.ts

















/**
 * Ships `image` to the app and never leaves it worse than it found it: on a bad release the previous
 * state is restored and the result says `rolled-back`; only a failed restore is left for a human, with
 * the commands to run. Never throws: every failure, including one found before anything changed (bad
 * token, a Machine leased by someone else, a process group fly.toml dropped), is in the result.
 */
async function deploy(options) {
    (0,secrets/* registerSecret */.cl)(options.apiToken);
    for (const value of Object.values(options.secrets ?? {}))
        (0,secrets/* registerSecret */.cl)(value);
    const d = new Deployment(options);
    let survey;
    let outcome = { status: 'deployed' };
    let failure;
    try {
        d.mark(`deploying ${options.image} to ${options.app} (${options.strategy})`);
        // Also for callers that skip readDeployInputs (the CLI, the rehearsal): refused before any call.
        (0,preflight/* preflight */.M)(options.toml, options.strategy);
        survey = await surveyApp(d);
        // Leases before secrets, release_command or any Machine: a racing deploy stops here, unchanged.
        if (!survey.firstDeploy)
            await leaseAll(d, survey.before);
        await setSecrets(d);
        await runRelease(d, survey);
        await runMachineChecks(d, survey.before);
        const groups = checkGroups(d, survey);
        const plans = planPlacement(d, groups);
        if (!survey.firstDeploy) {
            // The strategy goes first (a canary still gates the release before anything else changes), over
            // the Machines that stay; then the new ones are created, and only then are extra ones removed.
            const leaving = new Set(plans.flatMap((p) => p.remove.map((m) => m.id)));
            const staying = [...groups].map(([g, ms]) => [g, ms.filter((m) => !leaving.has(m.id))]);
            await runStrategy(d, new Map(staying.filter(([, ms]) => ms.length)));
        }
        await scaleUp(d, plans, survey.firstDeploy);
        if (survey.firstDeploy)
            await confirmSoleFirstDeploy(d);
        await scaleDown(d, plans);
        d.expectedMachines = plans.reduce((n, p) => n + [...p.target.values()].reduce((a, b) => a + b, 0), 0);
        d.mark('all Machines on the new release');
    }
    catch (error) {
        failure = overDeadline(d, error);
        outcome = await recover(d, (0,errors/* errorMessage */.gJ)(failure), {
            firstDeploy: survey?.firstDeploy ?? false,
            previousImage: survey?.previousImage,
        });
    }
    finally {
        await d.leases.releaseAll();
    }
    return finish(d, survey, outcome, failure);
}
/** What a rollback may take once the deploy's own timeout has passed (as dns-cutover's). */
const ROLLBACK_BUDGET_MS = 60_000;
/**
 * A failure at or past the deadline is reported as the timeout (naming the server that stopped answering),
 * and the rollback that follows gets its own small budget so it is still sent.
 */
function overDeadline(d, error) {
    const expired = d.overall.expired(Date.now() + 1000);
    const label = d.overall.label;
    d.overall.extend(ROLLBACK_BUDGET_MS, `the rollback's own ${(0,duration/* formatDuration */.a3)(ROLLBACK_BUDGET_MS)}`);
    if (!expired)
        return error;
    const touched = d.changed.size + d.created.size;
    const after = touched
        ? d.o.rollback
            ? `the rollback of ${touched} Machine(s) ran with its own ${(0,duration/* formatDuration */.a3)(ROLLBACK_BUDGET_MS)}`
            : `rollback is off, so ${touched} Machine(s) were left as they are`
        : 'nothing had been changed, so there was nothing to roll back';
    return new Error(`${label} passed: the Fly Machines API at ${d.o.apiUrl} stopped answering (${(0,errors/* errorMessage */.gJ)(error).replace(/\.$/, '')}); ${after}`, { cause: error });
}
/** Lists the app: which Machines it manages, which it leaves alone (and says so), the release number. */
async function surveyApp(d) {
    const all = await d.api.list();
    const before = managedMachines(all);
    // A Machine on an unreachable host comes back with only `incomplete_config`: it cannot be updated
    // or restored safely, so it is left alone (flyctl skips them too) and said so.
    const unreachable = all.filter((m) => m.host_status && m.host_status !== 'ok' && !m.config);
    if (unreachable.length)
        d.warn(`${unreachable.length} Machine(s) on unreachable hosts were skipped: ${unreachable.map((m) => m.id).join(', ')}`);
    const ignored = all.filter((m) => !before.includes(m) && !unreachable.includes(m) && !isGone(m) && groupOf(m) !== types/* RELEASE_COMMAND_GROUP */.EL);
    if (ignored.length)
        d.warn(`${ignored.length} Machine(s) not managed by Fly Launch (no fly_platform_version=v2) are left alone: ${ignored.map((m) => m.id).join(', ')}`);
    const releases = all
        .map((m) => Number(m.config?.metadata?.[types/* META */.Ge.releaseVersion] ?? 0))
        .filter(Number.isFinite);
    d.releaseVersion = 1 + Math.max(0, ...releases);
    for (const m of before)
        d.report.found(m);
    if (d.o.toml.mounts.length) {
        d.volumes = new VolumePool(d.api);
        const volumes = await d.volumes.load();
        d.log(`${volumes.length} volume(s) in the app`);
    }
    const survey = {
        all,
        before,
        previousImage: mostCommon(before.map(imageOfMachine)),
        firstDeploy: !before.length,
    };
    d.mark(survey.firstDeploy
        ? `no Machines yet: first deploy, release v${d.releaseVersion}`
        : `${before.length} Machine(s) on ${survey.previousImage ?? 'unknown image'}; release v${d.releaseVersion}`);
    return survey;
}
/** New secrets first; every Machine then pins the secrets version they made (`min_secrets_version`). */
async function setSecrets(d) {
    const secrets = d.o.secrets ?? {};
    if (!Object.keys(secrets).length)
        return;
    d.minSecretsVersion = await d.api.setSecrets(secrets);
    d.mark(`set ${Object.keys(secrets).length} secret(s); pinning min_secrets_version ${d.minSecretsVersion ?? '?'}`);
}
/** `[deploy] release_command` in a throwaway Machine, before any app Machine changes. */
async function runRelease(d, { all, before }) {
    const command = d.o.toml.deploy.releaseCommand;
    if (!command || d.o.skipReleaseCommand)
        return;
    // A leftover release Machine from an interrupted run would hold the Machine slot (flyctl destroys it).
    for (const old of all.filter((m) => groupOf(m) === types/* RELEASE_COMMAND_GROUP */.EL && !isGone(m))) {
        await d.api.destroy(old.id);
    }
    d.mark(`running release_command \`${command}\``);
    const largest = before
        .map((m) => m.config?.guest)
        .sort((a, b) => (b?.memory_mb ?? 0) - (a?.memory_mb ?? 0))[0];
    const run = await runReleaseCommand(d.api, {
        config: releaseConfig(d, largest),
        region: d.o.toml.primaryRegion ?? d.o.regions[0],
        command,
        timeoutMs: d.oneOffTimeoutMs,
        waitTimeoutMs: d.o.waitTimeoutMs,
        minSecretsVersion: d.minSecretsVersion,
        launchId: newId(),
        log: (line) => d.log(line),
    });
    d.mark(`release_command exited 0 in ${(0,duration/* formatDuration */.a3)(run.ms)}`);
}
/**
 * The release_command Machine's config, with what flyctl's `ToReleaseMachineConfig` and
 * `setMachineReleaseData` add: the file's kill_signal/kill_timeout as `stop_config`, and the release id.
 */
function releaseConfig(d, largest) {
    const config = (0,machine_config/* releaseCommandConfig */.N4)(d.o.toml, d.o.image, d.releaseVersion, largest);
    config.metadata = { ...config.metadata, [types/* META */.Ge.releaseId]: d.releaseId };
    const { killSignal, killTimeout } = d.o.toml;
    if (!config.stop_config && (killSignal || killTimeout))
        config.stop_config = {
            ...(killSignal ? { signal: killSignal } : {}),
            ...(killTimeout ? { timeout: killTimeout } : {}),
        };
    return config;
}
/** The app's Machines by process group; a group fly.toml no longer defines stops the deploy. */
function checkGroups(d, { before, firstDeploy }) {
    const groups = groupMachines(before);
    const processes = d.o.toml.processes;
    const missing = Object.keys(processes).filter((g) => !groups.has(g));
    if (!firstDeploy && missing.length)
        d.mark(`new process group(s) ${missing.join(', ')}: their Machines are created`);
    checkVolumes(d.o.toml, d.o.app, groups);
    const removed = [...groups.keys()].filter((g) => !(g in processes));
    if (removed.length) {
        throw new errors/* UserError */.yo(`the app has Machines in process group(s) ${removed.join(', ')} that ${d.o.toml.file} no longer defines.`, {
            input: 'config',
            fix: `add them back to [processes], or remove those Machines first (\`fly scale count ${removed[0]}=0 -a ${d.o.app}\`).`,
        });
    }
    return groups;
}
/**
 * Every lease up front, as flyctl does, and before secrets or release_command: a Machine leased by
 * someone else stops the deploy before its first change. The lowest id first (claimFleet), so of two
 * racing deploys exactly one wins.
 */
async function leaseAll(d, machines) {
    await claimFleet(d.leases, machines);
    d.mark(`leased ${machines.length} Machine(s) for ${d.o.leaseTtlSeconds ?? 13}s, refreshed while the deploy runs`);
}
/** Lists the app once more and builds the result the summary, outputs and records are made from. */
async function finish(d, survey, outcome, failure) {
    const o = d.o;
    let after = [];
    try {
        // When the first list failed (bad token, no such app) a second would only repeat the error.
        if (survey)
            after = managedMachines(await d.api.list());
    }
    catch (error) {
        d.warn(`could not list Machines after the deploy: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    const firstDeploy = survey?.firstDeploy ?? false;
    const expected = d.expectedMachines ?? survey?.before.length ?? 0;
    if (outcome.status === 'deployed' && after.length !== expected)
        d.warn(`the app had ${expected} Machine(s) before the deploy and has ${after.length} now; check \`fly status -a ${o.app}\`.`);
    d.report.finalStates(after);
    // Where everything landed, from the listing (a fallback region shows up here, not in the plan).
    if (survey && outcome.status === 'deployed')
        d.mark(`Machines now: ${describeLayout(after)}`);
    const onNew = after.find((m) => m.config?.image === o.image);
    // A release that was rolled back still has the digest Fly resolved for it: records name it exactly.
    const image = outcome.status === 'deployed' && onNew
        ? pinnedReference(o.image, onNew.image_ref?.digest)
        : pinnedReference(o.image, d.newDigest);
    return {
        status: outcome.status,
        app: o.app,
        environment: o.environment,
        strategy: o.strategy,
        image,
        requestedImage: o.image,
        previousImage: survey?.previousImage,
        releaseVersion: d.releaseVersion,
        firstDeploy,
        url: o.publicUrl,
        machines: after.map((m) => ({
            id: m.id,
            region: m.region,
            version: (0,client/* versionOf */.E4)(m),
            state: m.state,
            image: imageOfMachine(m),
        })),
        report: d.report.all(),
        reason: failure === undefined ? undefined : (0,errors/* errorMessage */.gJ)(failure),
        error: failure,
        rollbackFailure: outcome.rollbackFailure,
        warnings: d.warnings,
        timeline: d.timeline,
        apiCalls: d.apiCalls,
        durationMs: Date.now() - d.started,
    };
}
/**
 * Puts the previous release back: a redeploy of its image with the caller's strategy and settings, the
 * release_command skipped (the old image must not re-run migrations) and no secrets set.
 */
async function rollbackTo(previousImage, options) {
    return deploy({ ...options, image: previousImage, secrets: undefined, skipReleaseCommand: true });
}

// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(6887);
// EXTERNAL MODULE: ./src/probe/judge.ts
var judge = __webpack_require__(4353);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./src/probe/http1.ts
/**
 * Reads HTTP/1.1 responses off a byte stream, keeping only what a latency probe needs: the status, where
 * the message ends (RFC 9112 §6.3: no body, Content-Length, chunked, or until the connection closes),
 * whether the connection stays open, and the server's keep-alive timeout. The body is counted, never
 * copied, and headers are compared as bytes, so a response costs no strings: this is the probe's hot path.
 */
const CR = 13;
const LF = 10;
const COLON = 58;
const MAX_HEAD_BYTES = 80 * 1024;
/** Lower-case ASCII names compared byte by byte, case-insensitively. */
const NAMES = {
    contentLength: Buffer.from('content-length'),
    transferEncoding: Buffer.from('transfer-encoding'),
    connection: Buffer.from('connection'),
    keepAlive: Buffer.from('keep-alive'),
};
function nameIs(buf, from, to, name) {
    if (to - from !== name.length)
        return false;
    for (let i = 0; i < name.length; i++)
        if ((buf[from + i] | 0x20) !== name[i])
            return false;
    return true;
}
/** A decimal number between optional blanks, read from the bytes; −1 when it is not one. */
function decimal(buf, from, to) {
    while (from < to && (buf[from] === 32 || buf[from] === 9))
        from++;
    while (to > from && (buf[to - 1] === 32 || buf[to - 1] === 9))
        to--;
    if (from === to || to - from > 15)
        return -1;
    let value = 0;
    for (let i = from; i < to; i++) {
        const digit = buf[i] - 48;
        if (digit < 0 || digit > 9)
            return -1;
        value = value * 10 + digit;
    }
    return value;
}
/** "HTTP/1." as bytes. */
const VERSION = Buffer.from('HTTP/1.');
function trimmed(buf, from, to) {
    return buf.toString('latin1', from, to).trim().toLowerCase();
}
class ResponseReader {
    events;
    headRequest;
    state = 'head';
    head;
    remaining = 0;
    chunkSize = -1;
    /** Past a chunk size's digits, in its `;extension` (ignored). */
    inExtension = false;
    /** Bytes on the current trailer line: an empty line ends the message. */
    trailerLine = 0;
    /** `head`: the request was a HEAD, so the response announces a body it does not carry. */
    constructor(events, headRequest) {
        this.events = events;
        this.headRequest = headRequest;
    }
    /** Reads a chunk; returns an error message when the bytes are not an HTTP/1.x response. */
    feed(chunk) {
        let at = 0;
        while (at < chunk.length) {
            switch (this.state) {
                case 'head': {
                    const result = this.readHead(chunk, at);
                    if (typeof result === 'string')
                        return result;
                    if (result < 0)
                        return undefined;
                    at = result;
                    break;
                }
                case 'length': {
                    const take = Math.min(this.remaining, chunk.length - at);
                    this.remaining -= take;
                    at += take;
                    if (this.remaining === 0)
                        this.complete();
                    break;
                }
                case 'chunk-size': {
                    const result = this.readChunkSize(chunk, at);
                    if (typeof result === 'string')
                        return result;
                    at = result;
                    break;
                }
                case 'chunk-data': {
                    const take = Math.min(this.remaining, chunk.length - at);
                    this.remaining -= take;
                    at += take;
                    if (this.remaining === 0)
                        this.state = 'chunk-end';
                    break;
                }
                case 'chunk-end': {
                    // The CRLF after a chunk's data.
                    if (chunk[at] === LF)
                        this.state = 'chunk-size';
                    else if (chunk[at] !== CR)
                        return 'a chunk is not followed by CRLF';
                    at++;
                    break;
                }
                case 'trailers': {
                    const result = this.readTrailers(chunk, at);
                    if (typeof result === 'string')
                        return result;
                    at = result;
                    break;
                }
                case 'until-close':
                    return undefined;
                case 'done':
                    return 'bytes after the end of the response';
            }
        }
        return undefined;
    }
    /** The connection closed: ends a message delimited by the close; false when a message was cut short. */
    closed() {
        if (this.state === 'until-close') {
            this.complete();
            return true;
        }
        return this.state === 'done' || (this.state === 'head' && this.head === undefined);
    }
    /** Ready for the next response on the same connection. */
    reset() {
        this.state = 'head';
        this.head = undefined;
    }
    complete() {
        this.state = 'done';
        this.events.onComplete();
    }
    /** Collects the status line and headers; returns the offset after them, or −1 when more are needed. */
    readHead(chunk, at) {
        let buf = chunk;
        let start = at;
        if (this.head) {
            buf = Buffer.concat([this.head, chunk.subarray(at)]);
            start = 0;
        }
        const end = buf.indexOf('\r\n\r\n', start, 'latin1');
        if (end < 0) {
            if (buf.length - start > MAX_HEAD_BYTES)
                return 'headers larger than 80 KiB';
            this.head = Buffer.from(buf.subarray(start));
            return -1;
        }
        const consumed = this.head ? this.head.length : 0;
        this.head = undefined;
        const error = this.parseHead(buf, start, end);
        if (error)
            return error;
        // Offset in `chunk` just after the blank line.
        return at + (end + 4 - start) - consumed;
    }
    parseHead(buf, start, end) {
        // "HTTP/1.x NNN reason"
        if (end - start < 12 || buf.compare(VERSION, 0, 7, start, start + 7) !== 0)
            return 'no HTTP/1.x status line';
        const minor = buf[start + 7] - 48;
        const status = decimal(buf, start + 9, start + 12);
        if (status < 100 || buf[start + 8] !== 32 || buf[start + 9] === 32)
            return 'a malformed status line';
        let length;
        let chunked = false;
        let close = minor === 0;
        let keepAliveTimeoutS;
        let line = buf.indexOf(LF, start) + 1;
        while (line < end + 2) {
            const lineEnd = buf.indexOf(CR, line);
            const colon = buf.indexOf(COLON, line);
            if (colon < 0 || colon > lineEnd)
                return 'a header line without a colon';
            if (nameIs(buf, line, colon, NAMES.contentLength)) {
                const value = decimal(buf, colon + 1, lineEnd);
                if (value < 0)
                    return 'an invalid Content-Length';
                length = value;
            }
            else if (nameIs(buf, line, colon, NAMES.transferEncoding)) {
                chunked = /(?:^|,)\s*chunked\s*$/.test(trimmed(buf, colon + 1, lineEnd));
            }
            else if (nameIs(buf, line, colon, NAMES.connection)) {
                const tokens = trimmed(buf, colon + 1, lineEnd);
                if (/(?:^|,)\s*close\s*(?:,|$)/.test(tokens))
                    close = true;
                else if (/(?:^|,)\s*keep-alive\s*(?:,|$)/.test(tokens))
                    close = false;
            }
            else if (nameIs(buf, line, colon, NAMES.keepAlive)) {
                const timeout = /timeout\s*=\s*(\d+)/.exec(trimmed(buf, colon + 1, lineEnd));
                if (timeout)
                    keepAliveTimeoutS = Number(timeout[1]);
            }
            line = lineEnd + 2;
        }
        if (status < 200 && status !== 101) {
            // An interim response (100 Continue, 103 Early Hints): the final one follows.
            this.state = 'head';
            return undefined;
        }
        const noBody = this.headRequest || status === 204 || status === 304 || status === 101;
        const untilClose = !noBody && !chunked && length === undefined;
        this.events.onHead(status, !close && !untilClose, keepAliveTimeoutS);
        if (noBody || (!chunked && length === 0))
            this.complete();
        else if (chunked)
            this.state = 'chunk-size';
        else if (length !== undefined) {
            this.remaining = length;
            this.state = 'length';
        }
        else
            this.state = 'until-close';
        return undefined;
    }
    /** Reads a chunk-size line (hex digits, optional extensions, CRLF). */
    readChunkSize(chunk, at) {
        while (at < chunk.length) {
            const byte = chunk[at++];
            if (byte === LF) {
                if (this.chunkSize < 0)
                    return 'a chunk without a size';
                if (this.chunkSize === 0)
                    this.state = 'trailers';
                else {
                    this.remaining = this.chunkSize;
                    this.state = 'chunk-data';
                }
                this.chunkSize = -1;
                this.trailerLine = 0;
                this.inExtension = false;
                return at;
            }
            if (this.inExtension || byte === CR)
                continue;
            const digit = byte >= 48 && byte <= 57
                ? byte - 48
                : (byte | 0x20) >= 97 && (byte | 0x20) <= 102
                    ? (byte | 0x20) - 87
                    : -1;
            if (digit >= 0) {
                this.chunkSize = (this.chunkSize < 0 ? 0 : this.chunkSize) * 16 + digit;
                if (this.chunkSize > Number.MAX_SAFE_INTEGER / 16)
                    return 'a chunk size too large';
            }
            else if (byte === 59 /* ; */ || byte === 32 || byte === 9)
                this.inExtension = this.chunkSize >= 0;
            else
                return 'an invalid chunk size';
        }
        return at;
    }
    readTrailers(chunk, at) {
        while (at < chunk.length) {
            const byte = chunk[at++];
            if (byte === LF) {
                if (this.trailerLine === 0) {
                    this.complete();
                    return at;
                }
                this.trailerLine = 0;
            }
            else if (byte !== CR)
                this.trailerLine++;
        }
        return at;
    }
}

;// CONCATENATED MODULE: ./src/probe/connection.ts



/** With no `Keep-Alive: timeout=` from the server, an idle connection is reused for this long. */
const DEFAULT_IDLE_MS = 30_000;
class ProbeTimeout extends Error {
    constructor(ms) {
        super(`no complete response before the timeout (${Math.round(ms)} ms left of it)`);
        this.name = 'ProbeTimeout';
    }
}
/** The request as bytes: written as is for every exchange, so nothing is rebuilt per request. */
function serialiseRequest(url, spec) {
    const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
    const names = new Set(Object.keys(spec.headers).map((n) => n.toLowerCase()));
    let head = `${spec.method} ${spec.path} HTTP/1.1\r\n`;
    if (!names.has('host'))
        head += `host: ${url.host}\r\n`;
    for (const [name, value] of Object.entries(spec.headers))
        head += `${name}: ${value}\r\n`;
    if (body && !names.has('content-length'))
        head += `content-length: ${body.length}\r\n`;
    const request = Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), ...(body ? [body] : [])]);
    const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const tls = url.protocol === 'https:';
    return {
        host: hostname,
        port: Number(url.port || (tls ? 443 : 80)),
        tls,
        servername: tls && (0,external_node_net_.isIP)(hostname) === 0 ? hostname : undefined,
        request,
        head: spec.method === 'HEAD',
        accept: spec.accept,
    };
}
/**
 * One connection of the probe, carrying a single request at a time: a socket of its own, the request
 * written as prepared bytes, the response read by ResponseReader (http1.ts) without a string. Owning each
 * connection is what lets a request's DNS/connect/TLS time be charged to exactly the request that waited
 * for them, and doing no more per request than write, parse and time is what keeps the probe as fast as
 * a dedicated load generator.
 */
class ProbeConnection {
    wire;
    socket;
    reader;
    pending;
    idleMs = DEFAULT_IDLE_MS;
    keepAlive = true;
    lastDone = 0;
    /** One watchdog timer per connection, re-armed only when it would fire too late (see `watch`). */
    watchdog;
    watchdogAt = Number.POSITIVE_INFINITY;
    /** When the socket read being parsed arrived (undefined outside a 'data' event). */
    readAt;
    opened = 0;
    constructor(wire) {
        this.wire = wire;
        this.reader = this.createReader();
    }
    createReader() {
        return new ResponseReader({
            onHead: (status, keepAlive, keepAliveTimeoutS) => {
                if (this.pending)
                    this.pending.result.status = status;
                this.keepAlive = keepAlive;
                // Honour the server's idle limit (minus a second), so a request never races the close.
                if (keepAliveTimeoutS !== undefined)
                    this.idleMs = Math.max(0, keepAliveTimeoutS * 1000 - 1000);
            },
            onComplete: () => {
                // `Connection: close`: drop the socket now, so the next request cannot be written into it.
                if (!this.keepAlive)
                    this.drop();
                const status = this.pending?.result.status;
                if (status !== undefined && !this.wire.accept(status))
                    this.finish('status', `HTTP ${status}`);
                else
                    this.finish();
            },
        }, this.wire.head);
    }
    open(result) {
        const started = performance.now();
        let lookedUp;
        let connected;
        const { host, port, servername, ca } = this.wire;
        const socket = this.wire.tls
            ? (0,external_node_tls_.connect)({ host, port, servername, ...(ca ? { ca } : {}) })
            : (0,external_node_net_.connect)({ host, port });
        socket.setNoDelay(true);
        // `lookup` does not fire for an IP literal: then there was no DNS phase at all.
        socket.once('lookup', () => (lookedUp = performance.now()));
        socket.once('connect', () => {
            connected = performance.now();
            if (!this.wire.tls)
                ready();
        });
        const ready = () => {
            const done = performance.now();
            const tcpDone = connected ?? done;
            result.connect = {
                dnsMs: lookedUp === undefined ? undefined : lookedUp - started,
                connectMs: tcpDone - (lookedUp ?? started),
                tlsMs: this.wire.tls ? done - tcpDone : undefined,
            };
            this.opened++;
        };
        if (this.wire.tls)
            socket.once('secureConnect', ready);
        socket.on('data', (chunk) => {
            if (socket !== this.socket)
                return;
            // One timestamp per socket read, taken first: a response completed by this chunk ends here, not
            // after the parser (and whatever else this turn of the event loop ran) got to it.
            const at = performance.now();
            const pending = this.pending;
            if (pending && pending.result.ttfbAt === undefined)
                pending.result.ttfbAt = at;
            this.readAt = at;
            const problem = this.reader.feed(chunk);
            this.readAt = undefined;
            if (problem)
                this.fail('connection', `invalid HTTP response: ${problem}`);
        });
        socket.on('error', (error) => {
            if (socket === this.socket)
                this.fail('connection', describeNetworkError(error));
        });
        socket.on('close', () => {
            if (socket !== this.socket)
                return;
            // A body without a length ends with the connection.
            if (this.pending)
                this.reader.closed();
            this.fail('connection', 'the server closed the connection before a complete response');
        });
        return socket;
    }
    /** Forgets the socket (and its parser state), so the next exchange opens a fresh connection. */
    drop() {
        const socket = this.socket;
        this.socket = undefined;
        this.reader = this.createReader();
        this.keepAlive = true;
        socket?.destroy();
    }
    /** Ends the current exchange (if any) with an error and drops the socket. */
    fail(kind, message) {
        this.drop();
        this.finish(kind, message);
    }
    finish(error, message) {
        const pending = this.pending;
        if (!pending)
            return;
        this.pending = undefined;
        const result = pending.result;
        result.endAt = this.lastDone = this.readAt ?? performance.now();
        if (error) {
            result.error = error;
            result.errorMessage = message;
        }
        pending.resolve(result);
    }
    /**
     * Makes sure the watchdog fires by `deadline`. Back-to-back requests with the same timeout leave the
     * armed timer alone (it fires before their deadlines and re-arms for the one then in flight), so a
     * fast run creates about one timer per connection per timeout period instead of one per request.
     */
    watch(deadline) {
        if (this.watchdog && this.watchdogAt <= deadline + 1)
            return;
        if (this.watchdog)
            clearTimeout(this.watchdog);
        const delay = Math.max(0, Math.ceil(deadline - performance.now()) + 1);
        this.watchdogAt = performance.now() + delay;
        this.watchdog = setTimeout(() => this.onWatchdog(), delay);
    }
    onWatchdog() {
        this.watchdog = undefined;
        this.watchdogAt = Number.POSITIVE_INFINITY;
        const pending = this.pending;
        if (!pending)
            return;
        if (performance.now() >= pending.deadline)
            this.fail('timeout', new ProbeTimeout(pending.timeoutMs).message);
        else
            this.watch(pending.deadline);
    }
    /** Sends the request and settles (never rejects) when it has fully completed, failed or timed out. */
    exchange(timeoutMs) {
        return new Promise((resolve) => {
            const result = { sentAt: performance.now(), endAt: 0 };
            if (this.socket && result.sentAt - this.lastDone > this.idleMs)
                this.drop();
            const deadline = result.sentAt + timeoutMs;
            this.pending = { result, resolve, deadline, timeoutMs };
            this.reader.reset();
            this.watch(deadline);
            this.socket ??= this.open(result);
            // Written before the connection is up it waits in the socket's buffer, as any client's would.
            this.socket.write(this.wire.request);
        });
    }
    async close() {
        if (this.watchdog)
            clearTimeout(this.watchdog);
        this.watchdog = undefined;
        this.drop();
    }
}
function describeNetworkError(error) {
    if (!(error instanceof Error))
        return String(error);
    const code = error.code;
    const cause = error.cause;
    const detail = cause?.code ?? code;
    return detail && !error.message.includes(detail) ? `${error.message} (${detail})` : error.message;
}

// EXTERNAL MODULE: ./node_modules/hdr-histogram-js/dist/index.js
var dist = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/probe/order-statistics.ts
var order_statistics = __webpack_require__(6876);
;// CONCATENATED MODULE: ./src/probe/figures.ts


/** Microsecond resolution, 3 significant digits (0.1% error), up to an hour. */
function newHistogram() {
    return (0,dist/* build */.jq)({
        lowestDiscernibleValue: 1,
        highestTrackableValue: 3_600_000_000,
        numberOfSignificantValueDigits: 3,
        useWebAssembly: false,
    });
}
const toMicros = (ms) => Math.max(1, Math.round(ms * 1000));
const round = (ms) => Math.round(ms * 1000) / 1000;
/**
 * A phase's figures, exact: the values sorted as a Float64Array (a native numeric sort, far cheaper than
 * a histogram per phase for the tens of thousands of samples a fast run collects), read by nearest rank.
 */
function phase(values) {
    const n = values.length;
    if (n === 0)
        return { count: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 };
    values.sort();
    let sum = 0;
    for (let i = 0; i < n; i++)
        sum += values[i];
    const at = (p) => round((0,order_statistics/* nearestRank */.p3)(values, p));
    return {
        count: n,
        p50: at(0.5),
        p90: at(0.9),
        p95: at(0.95),
        p99: at(0.99),
        max: round(values[n - 1]),
        mean: round(sum / n),
    };
}
/** The defined values of one field of every sample (or connection), in a typed array for `phase`. */
function column(items, field) {
    const out = new Float64Array(items.length);
    let n = 0;
    for (const item of items) {
        const v = field(item);
        if (v !== undefined)
            out[n++] = v;
    }
    return out.subarray(0, n);
}
/**
 * Bars for the summary chart: equal-width buckets from 0 to about the p99.9 (rounded to a readable
 * width), with everything slower in a last "≥" bucket so one stall does not squash the chart.
 */
function buckets(sortedMs, count = 12) {
    if (sortedMs.length === 0)
        return [];
    const top = (0,order_statistics/* nearestRank */.p3)(sortedMs, 0.999);
    const lowest = sortedMs[0];
    const steps = [1, 2, 2.5, 5];
    let width = 1;
    outer: for (let scale = 0.001; scale < 1e7; scale *= 10) {
        for (const s of steps) {
            const w = s * scale;
            if (Math.floor(top / w) - Math.floor(lowest / w) + 1 <= count) {
                width = w;
                break outer;
            }
        }
    }
    const start = Math.floor(lowest / width) * width;
    const n = Math.max(1, Math.min(count, Math.floor(top / width) - Math.floor(lowest / width) + 1));
    const result = [];
    for (let i = 0; i < n; i++)
        result.push({ fromMs: round(start + i * width), toMs: round(start + (i + 1) * width), count: 0 });
    const last = result[n - 1].toMs;
    const overflow = { fromMs: last, toMs: Number.POSITIVE_INFINITY, count: 0 };
    for (const v of sortedMs) {
        if (v >= last)
            overflow.count++;
        else
            result[Math.min(n - 1, Math.floor((v - start) / width))].count++;
    }
    if (overflow.count > 0)
        result.push(overflow);
    return result;
}
/** Response-time figures from the sorted samples: percentiles by nearest rank, exact to the microsecond. */
function latencyFigures(sorted) {
    const n = sorted.length;
    if (n === 0)
        return { p50: 0, p90: 0, p95: 0, p99: 0, p999: 0, min: 0, max: 0, mean: 0, stddev: 0 };
    let sum = 0;
    for (let i = 0; i < n; i++)
        sum += sorted[i];
    const mean = sum / n;
    let squares = 0;
    for (let i = 0; i < n; i++)
        squares += (sorted[i] - mean) ** 2;
    const at = (p) => round((0,order_statistics/* nearestRank */.p3)(sorted, p));
    return {
        p50: at(0.5),
        p90: at(0.9),
        p95: at(0.95),
        p99: at(0.99),
        p999: at(0.999),
        min: sorted[0],
        max: sorted[n - 1],
        mean: round(mean),
        stddev: round(Math.sqrt(squares / n)),
    };
}
function summarise(url, role, samples, opened, durationMs) {
    const sorted = column(samples, (s) => round(s.totalMs)).sort();
    const latency = latencyFigures(sorted);
    // The HdrHistogram is only for tools that read its format; the figures come from the exact samples.
    const h = newHistogram();
    for (let i = 0; i < sorted.length; i++)
        h.recordValue(toMicros(sorted[i]));
    const hdr = samples.length ? (0,dist/* encodeIntoCompressedBase64 */.dH)(h) : '';
    h.destroy();
    const errorsByKind = { status: 0, timeout: 0, connection: 0 };
    const statusCounts = {};
    const examples = new Set();
    for (const s of samples) {
        if (s.error) {
            errorsByKind[s.error]++;
            if (s.errorMessage && examples.size < 5)
                examples.add(s.errorMessage);
        }
        const key = s.status === undefined ? (s.error ?? 'none') : String(s.status);
        statusCounts[key] = (statusCounts[key] ?? 0) + 1;
    }
    const errors = errorsByKind.status + errorsByKind.timeout + errorsByKind.connection;
    const sortedMs = Array.from(sorted);
    return {
        url,
        role,
        requests: samples.length,
        errors,
        errorRate: samples.length ? errors / samples.length : 0,
        errorsByKind,
        statusCounts,
        errorExamples: [...examples],
        latency,
        phases: {
            // Connection set-up is counted over every connection opened, the warm-up's included: that is
            // where most of them open, and a probe that hid them would never show a slow TLS handshake.
            dns: phase(column(opened, (c) => c.dnsMs)),
            connect: phase(column(opened, (c) => c.connectMs)),
            tls: phase(column(opened, (c) => c.tlsMs)),
            queue: phase(column(samples, (s) => s.queueMs)),
            ttfb: phase(column(samples, (s) => s.ttfbMs)),
            service: phase(column(samples, (s) => s.serviceMs)),
            total: phase(column(samples, (s) => s.totalMs)),
        },
        connections: opened.length,
        histogram: buckets(sortedMs),
        hdr,
        sortedMs,
        achievedRate: durationMs > 0 ? Math.round((samples.length / durationMs) * 1000 * 10) / 10 : 0,
        durationMs: Math.round(durationMs),
    };
}

// EXTERNAL MODULE: ./src/probe/status.ts
var probe_status = __webpack_require__(322);
;// CONCATENATED MODULE: ./src/probe/probe.ts



/** One probed URL with its own connections: targets and the baseline never share a socket. */
class Endpoint {
    url;
    role;
    spec;
    free = [];
    waiting = [];
    all = [];
    opened = [];
    samples = [];
    firstIntended = Number.POSITIVE_INFINITY;
    lastEnd = 0;
    sent = 0;
    constructor(url, role, spec, concurrency, ca) {
        this.url = url;
        this.role = role;
        this.spec = spec;
        const wire = { ...serialiseRequest(url, spec), ca };
        for (let i = 0; i < concurrency; i++) {
            const connection = new ProbeConnection(wire);
            this.all.push(connection);
            this.free.push(connection);
        }
    }
    /** Waits for a connection to come free; undefined when none did before `deadline` (performance.now()). */
    acquire(deadline) {
        return new Promise((resolve) => {
            const waiter = (c) => {
                clearTimeout(timer);
                resolve(c);
            };
            const timer = setTimeout(() => {
                const at = this.waiting.indexOf(waiter);
                if (at >= 0)
                    this.waiting.splice(at, 1);
                resolve(undefined);
            }, 
            // libuv timers run on a millisecond clock and can fire up to 1 ms early.
            Math.max(0, Math.ceil(deadline - performance.now()) + 1));
            this.waiting.push(waiter);
        });
    }
    release(connection) {
        const next = this.waiting.shift();
        if (next)
            next(connection);
        else
            this.free.push(connection);
    }
    /**
     * One request due at `intendedAt`. Its response time runs from that moment, not from when a
     * connection came free, so time spent queued behind a stalled server is counted (no coordinated
     * omission).
     */
    async request(scheduledAt) {
        // With a connection free, any delay between the schedule and now is the timer's own lateness (about
        // a millisecond), not the server's doing, so it is not charged; with every connection busy, the
        // wait counts from the schedule, which is what exposes a stalled server.
        const intendedAt = this.free.length > 0 ? Math.max(scheduledAt, performance.now()) : scheduledAt;
        // The timeout runs from there too, as a user's patience would, so a dead server cannot stretch the
        // run far beyond its schedule.
        const deadline = intendedAt + this.spec.timeoutMs;
        // A free connection is taken at once: no promise, no extra turn of the event loop.
        const connection = this.free.pop() ?? (await this.acquire(deadline));
        if (!connection) {
            const totalMs = performance.now() - intendedAt;
            return {
                totalMs,
                serviceMs: 0,
                queueMs: totalMs,
                error: 'timeout',
                errorMessage: `no connection came free within ${this.spec.timeoutMs} ms`,
            };
        }
        this.sent++;
        const exchange = await connection.exchange(Math.max(1, deadline - performance.now()));
        this.release(connection);
        if (exchange.connect)
            this.opened.push(exchange.connect);
        return {
            totalMs: exchange.endAt - intendedAt,
            serviceMs: exchange.endAt - exchange.sentAt,
            queueMs: Math.max(0, exchange.sentAt - intendedAt),
            ttfbMs: exchange.ttfbAt === undefined ? undefined : exchange.ttfbAt - exchange.sentAt,
            dnsMs: exchange.connect?.dnsMs,
            connectMs: exchange.connect?.connectMs,
            tlsMs: exchange.connect?.tlsMs,
            status: exchange.status,
            error: exchange.error,
            errorMessage: exchange.errorMessage,
        };
    }
    async closed(count, workers, record) {
        let next = 0;
        const worker = async () => {
            while (next < count) {
                next++;
                const intendedAt = performance.now();
                const sample = await this.request(intendedAt);
                if (record)
                    this.keep(intendedAt, sample);
            }
        };
        await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, count)) }, worker));
    }
    /** The open model: request i leaves at start + i/rate whether or not the earlier ones returned. */
    async open(count, rate, start) {
        const interval = 1000 / rate;
        const inFlight = [];
        let i = 0;
        await new Promise((done) => {
            const tick = () => {
                const now = performance.now();
                while (i < count && start + i * interval <= now) {
                    const intendedAt = start + i * interval;
                    i++;
                    inFlight.push(this.request(intendedAt).then((sample) => this.keep(intendedAt, sample)));
                }
                if (i < count)
                    setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
                else
                    done();
            };
            setTimeout(tick, Math.max(0, start - performance.now()));
        });
        await Promise.all(inFlight);
    }
    keep(intendedAt, sample) {
        this.firstIntended = Math.min(this.firstIntended, intendedAt);
        this.lastEnd = Math.max(this.lastEnd, performance.now());
        this.samples.push(sample);
    }
    async close() {
        await Promise.all(this.all.map((c) => c.close()));
    }
}
/** Credentials in the URL (https://user:pass@host) become Basic auth, as curl does, unless one was given. */
function withUrlCredentials(headers, url) {
    if (!url.username && !url.password)
        return headers;
    if (Object.keys(headers).some((k) => k.toLowerCase() === 'authorization'))
        return headers;
    const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    return { ...headers, authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
}
function redactHeaders(headers, secretNames = []) {
    const secret = new Set(secretNames.map((n) => n.toLowerCase()));
    return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, secret.has(k.toLowerCase()) ? '***' : v]));
}
/**
 * Probes every target (and the baseline, interleaved with them in the same run) and returns every
 * figure. Failed requests are samples too: a timeout counts at the time it was given up on, so an
 * outage raises the percentiles instead of vanishing from them.
 */
async function probe(options) {
    const startedAt = new Date();
    const endpoints = openEndpoints(options);
    let stopProgress = () => undefined;
    try {
        await warmUp(endpoints, options);
        stopProgress = reportProgress(endpoints, options);
        await measure(endpoints, options);
    }
    finally {
        stopProgress();
        await Promise.all(endpoints.map((e) => e.close()));
    }
    return reportOf(endpoints, options, startedAt);
}
/** One Endpoint per target, then the baseline, each with its own `concurrency` connections. */
function openEndpoints(options) {
    const headers = { 'user-agent': 'runway-latency-probe', ...options.headers };
    return [
        ...options.urls.map((url) => ({ url, role: 'target' })),
        ...(options.baseline ? [{ url: options.baseline, role: 'baseline' }] : []),
    ].map(({ url, role }) => new Endpoint(url, role, {
        path: `${url.pathname}${url.search}`,
        method: options.method.toUpperCase(),
        headers: withUrlCredentials(headers, url),
        body: options.body,
        timeoutMs: options.timeoutMs,
        accept: (status) => (0,probe_status/* statusAccepted */.Kt)(options.expectStatus, status),
    }, options.concurrency, options.ca));
}
/** Warm-up requests open the connections and warm caches; they are left out of the figures. */
async function warmUp(endpoints, options) {
    if (options.warmup > 0) {
        options.log?.(`Warm-up: ${options.warmup} request(s) per URL, not counted.`);
        await Promise.all(endpoints.map((e) => e.closed(options.warmup, options.concurrency, false)));
    }
    for (const e of endpoints)
        e.sent = 0;
}
/** The measured requests: on an open schedule when a rate is set, else a closed loop. */
async function measure(endpoints, options) {
    options.log?.(options.rate > 0
        ? `Probing ${endpoints.length} URL(s): ${options.requests} requests each at ${options.rate}/s (open model), at most ${options.concurrency} in flight.`
        : `Probing ${endpoints.length} URL(s): ${options.requests} requests each, closed loop over ${options.concurrency} connection(s).`);
    if (options.rate <= 0) {
        await Promise.all(endpoints.map((e) => e.closed(options.requests, options.concurrency, true)));
        return;
    }
    // Stagger the URLs across one interval so they take turns: same network, same minute, same load.
    const start = performance.now() + 5;
    const interval = 1000 / options.rate;
    await Promise.all(endpoints.map((e, k) => e.open(options.requests, options.rate, start + (k * interval) / endpoints.length)));
}
/** A progress line every few seconds while measuring; returns the function that stops it. */
function reportProgress(endpoints, options) {
    const log = options.log;
    if (!log)
        return () => undefined;
    const total = options.requests * endpoints.length;
    const progress = setInterval(() => {
        const done = endpoints.reduce((a, e) => a + e.samples.length, 0);
        log(`Probing: ${done} of ${total} requests done (${endpoints.map((e) => `${e.url.host} ${e.samples.length}`).join(', ')}).`);
    }, options.progressIntervalMs ?? 5000);
    progress.unref();
    return () => clearInterval(progress);
}
/** Every figure per endpoint, with the settings they were measured under (secret headers as ***). */
function reportOf(endpoints, options, startedAt) {
    const reports = endpoints.map((e, k) => {
        const report = summarise(e.url.href, e.role, e.samples, e.opened, e.lastEnd - e.firstIntended);
        if (e.role === 'target')
            report.name = options.names?.[k];
        return report;
    });
    return {
        version: 1,
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        settings: {
            requests: options.requests,
            rate: options.rate,
            model: options.rate > 0 ? 'open' : 'closed',
            concurrency: options.concurrency,
            warmup: options.warmup,
            timeoutMs: options.timeoutMs,
            method: options.method.toUpperCase(),
            headers: redactHeaders(options.headers, options.secretHeaders),
            expectStatus: (0,probe_status/* formatStatusRanges */.cO)(options.expectStatus),
        },
        targets: reports.filter((r) => r.role === 'target'),
        baseline: reports.find((r) => r.role === 'baseline'),
    };
}

// EXTERNAL MODULE: ./src/probe/remote.ts
var probe_remote = __webpack_require__(70);
// EXTERNAL MODULE: ./src/release/record.ts
var record = __webpack_require__(6776);
;// CONCATENATED MODULE: ./src/release/one-step.ts







/**
 * The root action's flow, in-process: deploy, measure the new release against the SLOs (from the runner
 * or from a Fly region), and put the previous release back when it breaches them — then record what
 * happened as a GitHub deployment. The deploy's own health gate already rolls back a release that never
 * becomes healthy; this adds the gate a healthy-but-slow release must pass.
 */
async function release(options) {
    const recorder = options.record ? new record/* DeploymentRecorder */.q(options.record, options.warn) : undefined;
    await recorder?.begin(options.deploy.image);
    const deployed = await deploy(options.deploy);
    const measuredFrom = options.remote?.settings.region ?? 'runner';
    if (deployed.status !== 'deployed') {
        await recorder?.finish(deployed);
        return {
            status: deployed.status,
            deploy: deployed,
            measuredFrom,
            verdicts: [],
            reason: deployed.reason,
            deploymentId: recorder?.deploymentId,
        };
    }
    const gate = await measureRelease(options, deployed);
    const measured = {
        deploy: deployed,
        measuredFrom,
        probe: gate.report,
        remote: gate.remote,
        verdicts: gate.verdicts,
    };
    if (gate.error === undefined && (0,judge/* gatePassed */.q5)(gate.verdicts)) {
        await recorder?.finish(deployed);
        return { status: 'deployed', ...measured, gatePassed: true, deploymentId: recorder?.deploymentId };
    }
    const reason = gate.error ?? `SLO gate not passed: ${failedThresholds(gate.verdicts)}`;
    if (!options.rollbackOnBreach || !deployed.previousImage) {
        const why = !deployed.previousImage ? 'there is no previous release to return to' : 'rollback is off';
        options.warn(`${reason}; the new release stays because ${why}.`);
        await recorder?.finish({ ...deployed, status: 'failed', reason }, reason);
        return { status: 'failed', ...measured, gatePassed: false, reason, deploymentId: recorder?.deploymentId };
    }
    const migrated = migrationBlocksRollback(options);
    if (migrated) {
        const stays = `${reason}; the new release stays: ${migrated}`;
        options.warn(stays);
        await recorder?.finish({ ...deployed, status: 'failed', reason: stays }, reason);
        return {
            status: 'failed',
            ...measured,
            gatePassed: false,
            reason: stays,
            deploymentId: recorder?.deploymentId,
        };
    }
    const previousImage = deployed.previousImage;
    options.log(`${reason}; rolling back to ${previousImage}`);
    const restoreConfig = await recordedConfig(options, previousImage, deployed.image);
    const rolledBack = await rollbackTo(previousImage, { ...options.deploy, restoreConfig });
    await recorder?.finish({ ...deployed, status: 'rolled-back', reason }, `Rolled back: ${reason}`);
    const rollback = { ...measured, rollback: rolledBack, restoredConfig: restoreConfig !== undefined };
    if (rolledBack.status !== 'deployed') {
        return {
            status: 'failed',
            ...rollback,
            gatePassed: false,
            reason: `${reason}; the rollback to ${previousImage} also failed: ${rolledBack.reason ?? rolledBack.status}`,
            deploymentId: recorder?.deploymentId,
        };
    }
    return {
        status: 'rolled-back',
        ...rollback,
        gatePassed: false,
        reason,
        deploymentId: recorder?.deploymentId,
    };
}
/**
 * Why the SLO rollback must not put the previous image back, if it must not: this release ran a
 * release_command (it may have migrated the database, which no image rollback undoes) and the user has
 * not said the previous release runs on the new schema.
 */
function migrationBlocksRollback(options) {
    const command = options.deploy.toml.deploy.releaseCommand;
    if (!command || options.deploy.skipReleaseCommand || options.schemaBackwardCompatible)
        return undefined;
    return (`it ran release_command \`${command}\`, and the previous release may not run on the schema it migrated to. ` +
        'Set schema-backward-compatible: true when it does, or restore the database first (see the rollback plan).');
}
const failedThresholds = (verdicts) => verdicts
    .filter((v) => v.outcome !== 'pass')
    .map((v) => `${v.threshold} (${v.outcome})`)
    .join(', ');
/**
 * Probes the new release: in-process from the runner, or through latency-probe's bundle in a Machine in
 * `probe-region`. A probe from a region that cannot measure (no Machine, exec failed) leaves the release
 * unverified, which the gate treats like an inconclusive verdict.
 */
async function measureRelease(options, deployed) {
    const count = `${options.thresholds.length} threshold(s)`;
    if (!options.remote) {
        const targets = options.probe.urls.length ? options.probe.urls : [new URL(deployed.url)];
        options.log(`probing ${targets.map((u) => u.href).join(', ')} from the runner against ${count}`);
        const report = await probe({ ...options.probe, urls: targets, log: options.log });
        return { report, verdicts: (0,judge/* judge */.S4)(report, options.thresholds) };
    }
    const { settings, bundlePath, inputs, track } = options.remote;
    options.log(`probing the release from a Machine in ${settings.region} against ${count}`);
    try {
        const remote = await (0,probe_remote/* probeFromRegion */.z)(settings, bundlePath, inputs, track, options.log);
        return { report: remote.report, remote, verdicts: (0,judge/* judge */.S4)(remote.report, options.thresholds) };
    }
    catch (error) {
        return {
            verdicts: [],
            error: `the probe from ${settings.region} could not measure: ${(0,errors/* errorMessage */.gJ)(error)}`,
        };
    }
}
/**
 * The config the previous release recorded on its GitHub deployment (fly-deploy's `restore-config`), so the
 * rollback restores config and image together. Undefined — an image-only rollback, as before recording
 * existed — when nothing is recorded for that image or GitHub cannot be read (said in a warning).
 */
async function recordedConfig(options, previousImage, newImage) {
    const record = options.record;
    if (!record)
        return undefined;
    try {
        const found = await (0,deployments/* successfulDeployments */.NK)({
            token: record.token,
            repository: record.repository,
            apiUrl: record.apiUrl,
            environment: record.environment,
            excludeImage: newImage,
            limit: 5,
            scan: 50,
        });
        const configs = found.find((d) => d.payload.app === record.app && d.payload.image === previousImage)
            ?.payload.release?.configs;
        if (configs)
            return configs;
        options.warn(`no recorded config for ${previousImage} in ${record.environment}: rolling back the image only.`);
    }
    catch (error) {
        options.warn(`could not read the recorded config of ${previousImage}: ${(0,errors/* errorMessage */.gJ)(error)}; rolling back the image only.`);
    }
    return undefined;
}


/***/ })

};
