export const id = 93;
export const ids = [93];
export const modules = {

/***/ 7093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   syncFailureIssue: () => (/* binding */ syncFailureIssue)
/* harmony export */ });
/* unused harmony exports ISSUE_LABEL, storeMarker, issueBody, issueTitle */
/** Every backup-verify issue carries this label so a human can list them all in one place. */
const ISSUE_LABEL = 'backup-verify';
/**
 * One repo may run several backup-verify jobs (prefix `db/` and `uploads/`), so the label alone cannot
 * say which store an issue is about. The hidden marker in the body can: it is what the next run matches,
 * so a passing `db/` run never closes the `uploads/` alarm. The title is free for a human to edit.
 */
const MARKER_PREFIX = '<!-- runway:backup-verify store=';
function storeMarker(report) {
    const key = `${report.bucket}/${report.prefix}`.replace(/--/g, '-\u200b-');
    return `${MARKER_PREFIX}${JSON.stringify(key)} -->`;
}
/** The body of the tracking issue (or its follow-up comment): what failed, then the full summary. */
function issueBody(report, summary, runUrl) {
    const head = `Backup verification of \`${report.store}\` prefix \`${report.prefix}\` failed at ${report.checkedAt}${runUrl ? ` ([run](${runUrl}))` : ''}.`;
    const list = report.failures
        .slice(0, 20)
        .map((f) => `- ${f}`)
        .join('\n');
    const body = `${head}\n\n${list}\n\n<details><summary>Full report</summary>\n\n${summary}\n</details>\n`;
    // GitHub caps an issue body at 65,536 characters.
    return body.length > 60_000
        ? `${body.slice(0, 60_000)}\n\n…(truncated; the JSON report is in the run's log)\n`
        : body;
}
function issueTitle(report) {
    return `Backup verification failing: ${report.bucket}/${report.prefix}`;
}
/**
 * Keeps one issue per store (label + body marker): opened on the first failing run, commented on each
 * repeat, closed by the next passing run of the same store. A failure to reach GitHub is reported but
 * does not change the verification verdict.
 */
async function syncFailureIssue(report, summary, target) {
    if (!target.repository)
        return { line: 'issue-on-failure: GITHUB_REPOSITORY is not set; no issue updated.', ok: false };
    const gh = await Promise.all(/* import() */[__webpack_require__.e(368), __webpack_require__.e(656)]).then(__webpack_require__.bind(__webpack_require__, 3656));
    try {
        const client = gh.githubClient({
            token: target.token,
            repository: target.repository,
            apiUrl: target.apiUrl,
        });
        const session = { gh, client, repo: { owner: client.owner, repo: client.repo } };
        const open = await openIssuesOf(session, report);
        return report.passed
            ? await closeRecovered(session, report, open, target.runUrl)
            : await reportFailure(session, report, open, issueBody(report, summary, target.runUrl));
    }
    catch (error) {
        return {
            line: `Could not update the backup-verify issue: ${error instanceof Error ? error.message : String(error)}`,
            ok: false,
        };
    }
}
/**
 * This store's open issues, oldest first: the oldest is the thread everyone already watches. PRs
 * carrying the label are not ours. An issue opened before the marker existed is matched by the title
 * it was opened with, so it is still closed by its own store's next passing run.
 */
async function openIssuesOf({ gh, client, repo }, report) {
    const marker = storeMarker(report);
    const listed = await gh.idempotent(client, () => client.octokit.paginate(client.octokit.rest.issues.listForRepo, {
        ...repo,
        labels: ISSUE_LABEL,
        state: 'open',
        sort: 'created',
        direction: 'asc',
        per_page: 100,
    }));
    return listed.filter((issue) => {
        if (issue.pull_request)
            return false;
        const body = issue.body ?? '';
        if (body.includes(marker))
            return true;
        return !body.includes(MARKER_PREFIX) && issue.title === issueTitle(report);
    });
}
/** A comment on the open issue, or a new issue (with the label made first when it does not exist). */
async function reportFailure(session, report, open, body) {
    const { client, repo } = session;
    const [existing] = open;
    if (existing) {
        await client.octokit.rest.issues.createComment({ ...repo, issue_number: existing.number, body });
        return {
            line: `Commented on the open issue #${existing.number} (${existing.html_url}): still failing.`,
            ok: true,
        };
    }
    await ensureLabel(session);
    // Not retried: a 502 after GitHub stored the issue would open a duplicate.
    const { data } = await client.octokit.rest.issues.create({
        ...repo,
        title: issueTitle(report),
        body: `${storeMarker(report)}\n${body}`,
        labels: [ISSUE_LABEL],
    });
    return { line: `Opened issue #${data.number} (${data.html_url}) with the report.`, ok: true };
}
async function ensureLabel({ gh, client, repo }) {
    try {
        await gh.idempotent(client, () => client.octokit.rest.issues.getLabel({ ...repo, name: ISSUE_LABEL }));
    }
    catch (error) {
        if (gh.statusOf(error) !== 404)
            throw error;
        try {
            await client.octokit.rest.issues.createLabel({
                ...repo,
                name: ISSUE_LABEL,
                color: 'b60205',
                description: 'Opened and closed automatically by Runway backup-verify',
            });
        }
        catch (createError) {
            // 422 already_exists: another job created it between our read and write.
            if (gh.statusOf(createError) !== 422)
                throw createError;
        }
    }
}
/** Normally one issue; if a race opened two for this store, both are closed so no stale alarm stays. */
async function closeRecovered({ gh, client, repo }, report, open, runUrl) {
    if (open.length === 0)
        return { line: `No open backup-verify issue for ${report.bucket}/${report.prefix} to close.`, ok: true };
    const body = `Backups verified again at ${report.checkedAt}: ${report.counts.verified} ok, newest \`${report.latestKey}\` ${report.latestAgeHours} h old${runUrl ? ` ([run](${runUrl}))` : ''}. Closing.`;
    for (const issue of open) {
        await client.octokit.rest.issues.createComment({ ...repo, issue_number: issue.number, body });
        await gh.idempotent(client, () => client.octokit.rest.issues.update({
            ...repo,
            issue_number: issue.number,
            state: 'closed',
            state_reason: 'completed',
        }));
    }
    return {
        line: `Closed issue #${open.map((i) => i.number).join(', #')}: the backups pass again.`,
        ok: true,
    };
}


/***/ })

};
