export const id = 93;
export const ids = [93];
export const modules = {

/***/ 7093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   syncFailureIssue: () => (/* binding */ syncFailureIssue)
/* harmony export */ });
/* unused harmony exports ISSUE_LABEL, issueBody, issueTitle */
const ISSUE_LABEL = 'backup-verify';
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
 * Keeps one issue per failing store (found again by its label): opened on the first failing run,
 * commented on each repeat, closed by the next passing run. A failure to reach GitHub is reported but
 * does not change the verification verdict.
 */
async function syncFailureIssue(report, summary, target) {
    const { reportFailure, reportRecovery } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(233)]).then(__webpack_require__.bind(__webpack_require__, 1233));
    if (!target.repository)
        return { line: 'issue-on-failure: GITHUB_REPOSITORY is not set; no issue updated.', ok: false };
    const common = {
        token: target.token,
        repository: target.repository,
        apiUrl: target.apiUrl,
        label: ISSUE_LABEL,
    };
    try {
        if (!report.passed) {
            const outcome = await reportFailure({
                ...common,
                title: issueTitle(report),
                body: issueBody(report, summary, target.runUrl),
            });
            return {
                line: outcome.action === 'opened'
                    ? `Opened issue #${outcome.number} (${outcome.url}) with the report.`
                    : `Commented on the open issue #${outcome.number} (${outcome.url}): still failing.`,
                ok: true,
            };
        }
        const outcome = await reportRecovery({
            ...common,
            body: `Backups verified again at ${report.checkedAt}: ${report.counts.verified} ok, newest \`${report.latestKey}\` ${report.latestAgeHours} h old${target.runUrl ? ` ([run](${target.runUrl}))` : ''}. Closing.`,
        });
        return {
            line: outcome.action === 'closed'
                ? `Closed issue #${outcome.number}: the backups pass again.`
                : 'No open backup-verify issue to close.',
            ok: true,
        };
    }
    catch (error) {
        return {
            line: `Could not update the backup-verify issue: ${error instanceof Error ? error.message : String(error)}`,
            ok: false,
        };
    }
}


/***/ })

};
