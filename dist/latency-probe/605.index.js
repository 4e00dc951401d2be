export const id = 605;
export const ids = [605];
export const modules = {

/***/ 5605:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAction: () => (/* binding */ runAction),
/* harmony export */   setOutputs: () => (/* binding */ setOutputs),
/* harmony export */   writeSummary: () => (/* binding */ writeSummary)
/* harmony export */ });
/* unused harmony export actionInputs */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9114);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8198);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1757);




/** Inputs as the runner passes them (`INPUT_<NAME>` env vars, read by @actions/core). */
function actionInputs() {
    return new InputReader((name) => core.getInput(name));
}
/** Every output passes through the scrubber: a masked value in an output would be dropped by the runner. */
function setOutputs(outputs) {
    for (const [name, value] of Object.entries(outputs)) {
        if (value === undefined)
            continue;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(String(value)));
    }
}
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(markdown));
        return;
    }
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw((0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .scrub */ ._I)(markdown), true).write();
}
/**
 * The wrapper every action entry runs in (codeql-action's runWrapper idea): whatever escapes `main`
 * becomes a failed step. A user's mistake reads as one line that says what to change; an internal
 * fault says it is ours and keeps the stack in the debug log. Secrets are scrubbed from both, and from
 * every other line the step writes (installLogScrubber).
 */
async function runAction(name, main) {
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .installLogScrubber */ .gW)();
    try {
        await main();
    }
    catch (error) {
        (0,_step_js__WEBPACK_IMPORTED_MODULE_3__/* .failStep */ .vy)(name, error);
    }
}


/***/ })

};
