import { errorMessage, UserError } from '../core/errors.js';
import { formatDuration } from '../core/duration.js';
import { registerSecret } from '../core/secrets.js';
import { versionOf } from './client.js';
import {
  groupMachines,
  groupOf,
  imageOfMachine,
  isGone,
  managedMachines,
  mostCommon,
  pinnedReference,
} from './app-machines.js';
import type { DeployOptions, DeployResult } from './deploy-options.js';
import { Deployment, newId } from './deployment.js';
import { runMachineChecks } from './machine-checks.js';
import { releaseCommandConfig } from './machine-config.js';
import { claimFleet, confirmSoleFirstDeploy } from './claim.js';
import { runReleaseCommand } from './release-command.js';
import { recover, type Recovery } from './rollback.js';
import { runStrategy } from './strategies/index.js';
import { describeLayout, planPlacement, scaleDown, scaleUp } from './strategies/scale.js';
import { META, RELEASE_COMMAND_GROUP, type Machine, type MachineConfig, type MachineGuest } from './types.js';
import { checkVolumes, VolumePool } from './volumes.js';
import { preflight } from './preflight.js';

export type { DeployOptions, DeployResult, DeployStatus } from './deploy-options.js';
export type { MachineReport } from './report.js';
export { pinnedReference } from './app-machines.js';

/** What the deploy found before changing anything. */
interface Survey {
  /** Every Machine of the app, as listed. */
  all: Machine[];
  /** The Fly Launch Machines this deploy manages. */
  before: Machine[];
  previousImage?: string;
  firstDeploy: boolean;
}

/**
 * Ships `image` to the app and never leaves it worse than it found it: on a bad release the previous
 * state is restored and the result says `rolled-back`; only a failed restore is left for a human, with
 * the commands to run. Never throws: every failure, including one found before anything changed (bad
 * token, a Machine leased by someone else, a process group fly.toml dropped), is in the result.
 */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
  registerSecret(options.apiToken);
  for (const value of Object.values(options.secrets ?? {})) registerSecret(value);
  const d = new Deployment(options);
  let survey: Survey | undefined;
  let outcome: Recovery = { status: 'deployed' };
  let failure: unknown;
  try {
    d.mark(`deploying ${options.image} to ${options.app} (${options.strategy})`);
    // Also for callers that skip readDeployInputs (the CLI, the rehearsal): refused before any call.
    preflight(options.toml, options.strategy);
    survey = await surveyApp(d);
    // Leases before secrets, release_command or any Machine: a racing deploy stops here, unchanged.
    if (!survey.firstDeploy) await leaseAll(d, survey.before);
    await setSecrets(d);
    await runRelease(d, survey);
    await runMachineChecks(d, survey.before);
    const groups = checkGroups(d, survey);
    const plans = planPlacement(d, groups);
    if (!survey.firstDeploy) {
      // The strategy goes first (a canary still gates the release before anything else changes), over
      // the Machines that stay; then the new ones are created, and only then are extra ones removed.
      const leaving = new Set(plans.flatMap((p) => p.remove.map((m) => m.id)));
      const staying = [...groups].map(([g, ms]) => [g, ms.filter((m) => !leaving.has(m.id))] as const);
      await runStrategy(d, new Map(staying.filter(([, ms]) => ms.length)));
    }
    await scaleUp(d, plans, survey.firstDeploy);
    if (survey.firstDeploy) await confirmSoleFirstDeploy(d);
    await scaleDown(d, plans);
    d.expectedMachines = plans.reduce((n, p) => n + [...p.target.values()].reduce((a, b) => a + b, 0), 0);
    d.mark('all Machines on the new release');
  } catch (error) {
    failure = overDeadline(d, error);
    outcome = await recover(d, errorMessage(failure), {
      firstDeploy: survey?.firstDeploy ?? false,
      previousImage: survey?.previousImage,
    });
  } finally {
    await d.leases.releaseAll();
  }
  return finish(d, survey, outcome, failure);
}

/** What a rollback may take once the deploy's own timeout has passed (as dns-cutover's). */
export const ROLLBACK_BUDGET_MS = 60_000;

/**
 * A failure at or past the deadline is reported as the timeout (naming the server that stopped answering),
 * and the rollback that follows gets its own small budget so it is still sent.
 */
function overDeadline(d: Deployment, error: unknown): unknown {
  const expired = d.overall.expired(Date.now() + 1000);
  const label = d.overall.label;
  d.overall.extend(ROLLBACK_BUDGET_MS, `the rollback's own ${formatDuration(ROLLBACK_BUDGET_MS)}`);
  if (!expired) return error;
  const touched = d.changed.size + d.created.size;
  const after = touched
    ? d.o.rollback
      ? `the rollback of ${touched} Machine(s) ran with its own ${formatDuration(ROLLBACK_BUDGET_MS)}`
      : `rollback is off, so ${touched} Machine(s) were left as they are`
    : 'nothing had been changed, so there was nothing to roll back';
  return new Error(
    `${label} passed: the Fly Machines API at ${d.o.apiUrl} stopped answering (${errorMessage(error).replace(/\.$/, '')}); ${after}`,
    { cause: error },
  );
}

/** Lists the app: which Machines it manages, which it leaves alone (and says so), the release number. */
async function surveyApp(d: Deployment): Promise<Survey> {
  const all = await d.api.list();
  const before = managedMachines(all);
  // A Machine on an unreachable host comes back with only `incomplete_config`: it cannot be updated
  // or restored safely, so it is left alone (flyctl skips them too) and said so.
  const unreachable = all.filter((m) => m.host_status && m.host_status !== 'ok' && !m.config);
  if (unreachable.length)
    d.warn(
      `${unreachable.length} Machine(s) on unreachable hosts were skipped: ${unreachable.map((m) => m.id).join(', ')}`,
    );
  const ignored = all.filter(
    (m) =>
      !before.includes(m) && !unreachable.includes(m) && !isGone(m) && groupOf(m) !== RELEASE_COMMAND_GROUP,
  );
  if (ignored.length)
    d.warn(
      `${ignored.length} Machine(s) not managed by Fly Launch (no fly_platform_version=v2) are left alone: ${ignored.map((m) => m.id).join(', ')}`,
    );
  const releases = all
    .map((m) => Number(m.config?.metadata?.[META.releaseVersion] ?? 0))
    .filter(Number.isFinite);
  d.releaseVersion = 1 + Math.max(0, ...releases);
  for (const m of before) d.report.found(m);
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
  d.mark(
    survey.firstDeploy
      ? `no Machines yet: first deploy, release v${d.releaseVersion}`
      : `${before.length} Machine(s) on ${survey.previousImage ?? 'unknown image'}; release v${d.releaseVersion}`,
  );
  return survey;
}

/** New secrets first; every Machine then pins the secrets version they made (`min_secrets_version`). */
async function setSecrets(d: Deployment): Promise<void> {
  const secrets = d.o.secrets ?? {};
  if (!Object.keys(secrets).length) return;
  d.minSecretsVersion = await d.api.setSecrets(secrets);
  d.mark(
    `set ${Object.keys(secrets).length} secret(s); pinning min_secrets_version ${d.minSecretsVersion ?? '?'}`,
  );
}

/** `[deploy] release_command` in a throwaway Machine, before any app Machine changes. */
async function runRelease(d: Deployment, { all, before }: Survey): Promise<void> {
  const command = d.o.toml.deploy.releaseCommand;
  if (!command || d.o.skipReleaseCommand) return;
  // A leftover release Machine from an interrupted run would hold the Machine slot (flyctl destroys it).
  for (const old of all.filter((m) => groupOf(m) === RELEASE_COMMAND_GROUP && !isGone(m))) {
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
  d.mark(`release_command exited 0 in ${formatDuration(run.ms)}`);
}

/**
 * The release_command Machine's config, with what flyctl's `ToReleaseMachineConfig` and
 * `setMachineReleaseData` add: the file's kill_signal/kill_timeout as `stop_config`, and the release id.
 */
function releaseConfig(d: Deployment, largest: MachineGuest | undefined): MachineConfig {
  const config = releaseCommandConfig(d.o.toml, d.o.image, d.releaseVersion, largest);
  config.metadata = { ...config.metadata, [META.releaseId]: d.releaseId };
  const { killSignal, killTimeout } = d.o.toml;
  if (!config.stop_config && (killSignal || killTimeout))
    config.stop_config = {
      ...(killSignal ? { signal: killSignal } : {}),
      ...(killTimeout ? { timeout: killTimeout } : {}),
    };
  return config;
}

/** The app's Machines by process group; a group fly.toml no longer defines stops the deploy. */
function checkGroups(d: Deployment, { before, firstDeploy }: Survey): Map<string, Machine[]> {
  const groups = groupMachines(before);
  const processes = d.o.toml.processes;
  const missing = Object.keys(processes).filter((g) => !groups.has(g));
  if (!firstDeploy && missing.length)
    d.mark(`new process group(s) ${missing.join(', ')}: their Machines are created`);
  checkVolumes(d.o.toml, d.o.app, groups);
  const removed = [...groups.keys()].filter((g) => !(g in processes));
  if (removed.length) {
    throw new UserError(
      `the app has Machines in process group(s) ${removed.join(', ')} that ${d.o.toml.file} no longer defines.`,
      {
        input: 'config',
        fix: `add them back to [processes], or remove those Machines first (\`fly scale count ${removed[0]}=0 -a ${d.o.app}\`).`,
      },
    );
  }
  return groups;
}

/**
 * Every lease up front, as flyctl does, and before secrets or release_command: a Machine leased by
 * someone else stops the deploy before its first change. The lowest id first (claimFleet), so of two
 * racing deploys exactly one wins.
 */
async function leaseAll(d: Deployment, machines: Machine[]): Promise<void> {
  await claimFleet(d.leases, machines);
  d.mark(
    `leased ${machines.length} Machine(s) for ${d.o.leaseTtlSeconds ?? 13}s, refreshed while the deploy runs`,
  );
}

/** Lists the app once more and builds the result the summary, outputs and records are made from. */
async function finish(
  d: Deployment,
  survey: Survey | undefined,
  outcome: Recovery,
  failure: unknown,
): Promise<DeployResult> {
  const o = d.o;
  let after: Machine[] = [];
  try {
    // When the first list failed (bad token, no such app) a second would only repeat the error.
    if (survey) after = managedMachines(await d.api.list());
  } catch (error) {
    d.warn(`could not list Machines after the deploy: ${errorMessage(error)}`);
  }
  const firstDeploy = survey?.firstDeploy ?? false;
  const expected = d.expectedMachines ?? survey?.before.length ?? 0;
  if (outcome.status === 'deployed' && after.length !== expected)
    d.warn(
      `the app had ${expected} Machine(s) before the deploy and has ${after.length} now; check \`fly status -a ${o.app}\`.`,
    );
  d.report.finalStates(after);
  // Where everything landed, from the listing (a fallback region shows up here, not in the plan).
  if (survey && outcome.status === 'deployed') d.mark(`Machines now: ${describeLayout(after)}`);
  const onNew = after.find((m) => m.config?.image === o.image);
  // A release that was rolled back still has the digest Fly resolved for it: records name it exactly.
  const image =
    outcome.status === 'deployed' && onNew
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
      version: versionOf(m),
      state: m.state,
      image: imageOfMachine(m),
    })),
    report: d.report.all(),
    reason: failure === undefined ? undefined : errorMessage(failure),
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
export async function rollbackTo(previousImage: string, options: DeployOptions): Promise<DeployResult> {
  return deploy({ ...options, image: previousImage, secrets: undefined, skipReleaseCommand: true });
}
