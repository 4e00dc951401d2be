export const id = 541;
export const ids = [541];
export const modules = {

/***/ 541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   imageToDeploy: () => (/* binding */ imageToDeploy)
/* harmony export */ });
/* unused harmony exports parsePushedImage, buildAndPush */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1260);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


/** The image line `flyctl deploy --build-only --push` prints: `image: registry.fly.io/app:deployment-…`. */
function parsePushedImage(output) {
    const matches = [...output.matchAll(/^\s*image:\s*(\S+)\s*$/gim)];
    return matches.at(-1)?.[1];
}
/**
 * Builds and pushes with the real flyctl (it owns the remote builder and registry auth), then deploys
 * what it pushed through the Machines API like any other image.
 */
async function buildAndPush(options) {
    let result;
    try {
        result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)('flyctl', ['deploy', '--build-only', '--push', '--app', options.app, '--config', options.configPath], {
            cwd: options.cwd,
            env: { ...process.env, FLY_API_TOKEN: options.apiToken },
            ignoreReturnCode: true,
        });
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`build: true needs flyctl on PATH, and it was not found (${error.message}).`, {
            input: 'build',
            fix: 'add `- uses: superfly/flyctl-actions/setup-flyctl@master` before this step, or pass a prebuilt `image`.',
        });
    }
    if (result.exitCode !== 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`flyctl deploy --build-only --push exited with ${result.exitCode}: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' / ')}`, {
            input: 'build',
            fix: 'fix the build (see the flyctl output above) or pass a prebuilt `image`.',
        });
    }
    const image = parsePushedImage(`${result.stdout}\n${result.stderr}`);
    if (!image)
        throw new Error('flyctl finished but printed no "image: …" line, so the pushed image is unknown');
    options.log(`built and pushed ${image}`);
    return image;
}
/** The image a deploy ships: the one given, or (with `build: true`) the one flyctl builds and pushes. */
async function imageToDeploy(inputs, log) {
    return (inputs.image ??
        (await buildAndPush({ app: inputs.app, configPath: inputs.configPath, apiToken: inputs.apiToken, log })));
}


/***/ })

};
