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
/** Opens/comments on the failure issue, or closes it once a run passes. */
async function syncFailureIssue(report, summary, target) {
    void report;
    void summary;
    void target;
    throw new Error('issue-on-failure is not available in this build yet');
}


/***/ })

};
