import * as core from '@actions/core';
import { actionInputs, runAction, setOutputs, writeSummary } from '../core/action.js';
import { registerSecret } from '../core/secrets.js';
import { readCutoverOptions } from '../dns/options.js';
import { planJson } from '../dns/plan.js';

await runAction('dns-cutover', async () => {
  const inputs = actionInputs();
  registerSecret(inputs.optional('api-token'));
  const options = readCutoverOptions(inputs);
  // Loaded after validation so a bad input fails before the providers (and the AWS SDK) load.
  const { cutover } = await import('../dns/cutover.js');
  const { renderCutoverSummary } = await import('../dns/summary.js');
  // Written as soon as known, so a run that stops on an error still leaves what rollback mode needs.
  const onState = (state: { changed: boolean; previous?: unknown }) =>
    setOutputs({
      changed: state.changed,
      previous: state.previous === undefined ? undefined : JSON.stringify(state.previous),
    });
  const result = await cutover({ ...options, log: (line) => core.info(line), onState });
  setOutputs({
    status: result.status,
    changed: result.changed,
    previous: JSON.stringify(result.previous),
    plan: planJson(result.plan),
    propagated: result.verify?.ok ?? false,
    'propagation-ms': result.verify?.ok ? result.verify.elapsedMs : undefined,
    'wait-seconds': result.waitSeconds,
  });
  await writeSummary(renderCutoverSummary(result));
  if (!result.ok) {
    core.setFailed(result.failure ?? `dns-cutover ${result.status}`);
  }
});
