import { errorMessage, UserError } from '../core/errors.js';
import { groupOf } from './app-machines.js';
import { versionOf } from './client.js';
import { machineChecksFor, testMachineConfig } from './config/special-machines.js';
import { newId, type Deployment } from './deployment.js';
import { runOneOff } from './release-command.js';
import { META, type Machine, type MachineConfig } from './types.js';

type Table = Record<string, unknown>;

/** Where a group's checks run beside: a Machine of the new release that takes no traffic. */
interface Tested {
  group: string;
  machine: Machine;
  config: MachineConfig;
}

/**
 * `machine_checks` ([http_service], [[services]] and top-level), as flyctl's runTestMachines runs them:
 * each in a throwaway Machine on the check's image (or the tested Machine's), with the tested Machine's
 * env, `FLY_TEST_COMMAND=1` and `FLY_TEST_MACHINE_IP` set to its private address; a check passes when
 * its Machine exits 0. flyctl tests the Machine it has just updated (a canary, with that strategy); here
 * every group gets one Machine of the new release beside the app, without service registration (it
 * takes no traffic), before any app Machine changes, so a failing check leaves the app as it was. The
 * tested Machine and every check Machine are destroyed on every path.
 */
export async function runMachineChecks(d: Deployment, before: Machine[]): Promise<void> {
  let passed = 0;
  for (const group of Object.keys(d.o.toml.processes)) {
    const checks = machineChecksFor(d.o.toml, group);
    if (!checks.length) continue;
    const tested = await startTestedMachine(d, group, before);
    try {
      for (const [i, check] of checks.entries()) await runOneCheck(d, tested, check, i);
    } catch (error) {
      // The check's failure is the news; a Machine that will not go is left to the rollback, which
      // destroys every Machine this deploy created.
      await dropTestedMachine(d, tested).catch((e) =>
        d.warn(`could not destroy ${tested.machine.id}: ${errorMessage(e)}`),
      );
      throw error;
    }
    await dropTestedMachine(d, tested);
    passed += checks.length;
  }
  if (passed) d.mark(`${passed} machine check(s) passed`);
}

/**
 * The group's new config beside an existing Machine of the group (its region, its config as the base),
 * or in the primary region on a first deploy. Gated like any new Machine (started, then its health
 * checks) so a check that probes it does not race its boot. A group with [[mounts]] gets a new, empty
 * scratch volume, deleted with it: Fly attaches the app's volume to one Machine only.
 */
async function startTestedMachine(d: Deployment, group: string, before: Machine[]): Promise<Tested> {
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
    metadata: { [META.canary]: 'true' },
    scratchVolume: true,
  });
  const tested = { group, machine, config };
  try {
    await d.gate(machine.id, versionOf(machine), config, since);
  } catch (error) {
    await dropTestedMachine(d, tested).catch(() => undefined);
    throw error;
  }
  return tested;
}

/** One check in its own throwaway Machine; a non-zero exit stops the deploy (flyctl's machineTestErr). */
async function runOneCheck(d: Deployment, tested: Tested, check: Table, index: number): Promise<void> {
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
    throw new UserError(
      `test command machine ${run.machineId} exited with non-zero status of ${run.exitCode}: ${label} failed against ${tested.machine.id}; the deploy stopped before any app Machine changed.`,
      {
        fix: `fix what the check found, or the check itself; \`fly logs -i ${run.machineId}\` shows its output.`,
      },
    );
}

/**
 * flyctl's launchInputForTestMachine: ToTestMachineConfig against the tested Machine, the group's guest
 * (inferCanaryGuest), this release's metadata (setMachineReleaseData) and the host dedication.
 */
function checkMachineConfig(d: Deployment, tested: Tested, check: Table): MachineConfig {
  const source = { config: { ...tested.config, image: d.o.image }, private_ip: tested.machine.private_ip };
  const config = testMachineConfig(d.o.toml, check, source);
  if (tested.config.guest) config.guest = { ...tested.config.guest };
  if (config.guest && d.o.toml.hostDedicationId) config.guest.host_dedication_id = d.o.toml.hostDedicationId;
  config.metadata = {
    ...config.metadata,
    [META.releaseId]: d.releaseId,
    [META.releaseVersion]: String(d.releaseVersion),
  };
  return config;
}

/** Destroys the tested Machine and waits until it is gone (with its scratch volume, if any). */
async function dropTestedMachine(d: Deployment, tested: Tested): Promise<void> {
  await d.destroyCreated(tested.machine.id);
  await d.api.wait(tested.machine.id, 'destroyed', { timeoutMs: d.o.waitTimeoutMs, missingOk: true });
  d.report.destroyed(tested.machine.id, 'tested by machine_checks, destroyed');
  await d.dropScratch(tested.machine.id);
}
