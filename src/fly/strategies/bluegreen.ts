import { errorMessage } from '../../core/errors.js';
import { formatDuration } from '../../core/duration.js';
import { sleep } from '../../core/retry.js';
import { versionOf } from '../client.js';
import { isWarm } from '../app-machines.js';
import { newId, type Deployment } from '../deployment.js';
import { inPool, settleAll } from '../../core/pool.js';
import { META, type Machine, type MachineConfig } from '../types.js';

interface Blue {
  m: Machine;
  group: string;
}

/**
 * Blue-green as flyctl runs it: green Machines created without service registration, all started and
 * passing, then uncordoned; only then is blue cordoned, stopped and destroyed. Until green is
 * uncordoned a failure just destroys green, and blue never stopped serving.
 */
export async function blueGreen(d: Deployment, groups: Map<string, Machine[]>): Promise<void> {
  const blue = [...groups].flatMap(([group, machines]) => machines.map((m) => ({ m, group })));
  await inPool(blue, 16, ({ m }) => d.leases.acquire(m.id));
  const greens = await createGreen(d, blue);
  d.mark(`all ${greens.length} green Machine(s) started and passing; uncordoning green`);
  await inPool(greens, 16, async (id) => d.api.uncordon(id, d.leases.nonce(id)));
  // From here green serves: failures below leave the new release running and are reported, not undone.
  d.created.clear();
  for (const { m } of blue) d.report.blue(m);
  await retireBlue(d, blue);
}

/** One green Machine per blue one, in its region, each gated; returns the green ids. */
async function createGreen(d: Deployment, blue: Blue[]): Promise<string[]> {
  const tag = String(Math.floor(Date.now() / 1000));
  d.mark(`creating ${blue.length} green Machine(s)`);
  const greens: string[] = [];
  await inPool(blue, Math.min(16, Math.max(1, blue.length)), async ({ m, group }) => {
    const config: MachineConfig = d.configFor(group, m.config);
    const since = Date.now();
    const green = await d.createMachine(group, m.region, config, {
      skipServiceRegistration: true,
      metadata: { [META.bluegreenTag]: tag, [META.bluegreenLaunchId]: newId() },
    });
    d.report.role(green.id, { replaces: m });
    greens.push(green.id);
    await d.gate(green.id, versionOf(green), config, since);
  });
  return greens;
}

/**
 * Blue is tagged safe to destroy, cordoned, stopped and destroyed, with a pause for the proxy between
 * steps. A blue Machine a step fails on is skipped from then on and named with the command to remove it.
 */
async function retireBlue(d: Deployment, blue: Blue[]): Promise<void> {
  const leftovers = new Set<string>();
  const step = async (label: string, fn: (m: Machine) => Promise<void>) => {
    const pending = blue.filter(({ m }) => !leftovers.has(m.id));
    const failures = await settleAll(pending, 16, async ({ m }) => fn(m));
    for (const { item, error } of failures) {
      leftovers.add(item.m.id);
      d.warn(
        `blue Machine ${item.m.id}: ${label} failed: ${errorMessage(error)}; remove it with \`fly machines destroy --force ${item.m.id} -a ${d.o.app}\``,
      );
    }
  };
  const settle = async () => {
    if (d.o.proxySettleMs) await sleep(d.o.proxySettleMs);
  };
  await step('tagging', (m) =>
    d.api.setMetadata(m.id, META.bluegreenTag, 'safe_to_destroy', d.leases.nonce(m.id)),
  );
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

async function stopBlue(d: Deployment, m: Machine): Promise<void> {
  if (!isWarm(m)) return;
  await d.api.stop(m.id, d.leases.nonce(m.id), {
    signal: d.o.toml.killSignal ?? 'SIGINT',
    timeout: d.o.toml.killTimeout,
  });
  const stopped = await d.api.wait(m.id, 'stopped', {
    version: versionOf(m),
    timeoutMs: d.o.waitTimeoutMs,
    missingOk: true,
  });
  if (!stopped.ok && stopped.timedOut)
    throw new Error(`did not stop within ${formatDuration(d.o.waitTimeoutMs)}`);
}
