import { registerSecret } from '../core/secrets.js';
import { checkInputs, envInputs } from '../core/step.js';
import { readCutoverOptions } from '../dns/options.js';

// Inputs first, before the toolkit, the providers and the AWS SDK load: a bad one fails fast.
const checked = checkInputs('dns-cutover', () => {
  const inputs = envInputs();
  registerSecret(inputs.optional('api-token'));
  return readCutoverOptions(inputs);
});
if (checked) await cutoverStep(checked);

async function cutoverStep(options: ReturnType<typeof readCutoverOptions>) {
  const core = await import('@actions/core');
  const { runAction, setOutputs, writeSummary } = await import('../core/action.js');
  const { planJson } = await import('../dns/plan.js');
  await runAction('dns-cutover', async () => {
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
}
