import { errorMessage } from '../core/errors.js';
import { deploy, rollbackTo, type DeployOptions, type DeployResult } from '../fly/deploy.js';
import type { MachineConfig } from '../fly/types.js';
import { successfulDeployments } from '../github/deployments.js';
import { gatePassed, judge, type Verdict } from '../probe/judge.js';
import { probe } from '../probe/probe.js';
import { probeFromRegion, type RemoteRun } from '../probe/remote.js';
import type { RemoteSettings } from '../probe/remote-settings.js';
import type { Threshold } from '../probe/thresholds.js';
import type { ProbeOptions, ProbeReport } from '../probe/types.js';
import { DeploymentRecorder, type RecordTarget } from './record.js';

export type ReleaseStatus = 'deployed' | 'rolled-back' | 'failed';

export interface ReleaseOptions {
  deploy: DeployOptions;
  /** The probe's targets; when empty the deployed app's public URL is probed. */
  probe: ProbeOptions;
  thresholds: Threshold[];
  /** Roll back when the SLO gate does not pass (breach or inconclusive), not only on failed health. */
  rollbackOnBreach: boolean;
  /**
   * `schema-backward-compatible`: the previous release runs on the schema this release's release_command
   * migrated to, so the SLO rollback may put it back.
   */
  schemaBackwardCompatible?: boolean;
  record?: RecordTarget;
  /** `probe-region`: measure from a short-lived Machine there instead of from the runner. */
  remote?: RemoteProbe;
  log: (line: string) => void;
  warn: (line: string) => void;
}

/** What a probe from a Fly region needs (latency-probe's `region` and the bundle that measures there). */
export interface RemoteProbe {
  settings: RemoteSettings;
  /** The latency-probe bundle delivered to the Machine. */
  bundlePath: string;
  /** latency-probe's inputs as written (url, targets, requests…), re-read and checked inside the Machine. */
  inputs: Record<string, string>;
  track: { created(machineId: string): void; destroyed(machineId: string, machineSeconds: number): void };
}

export interface ReleaseOutcome {
  status: ReleaseStatus;
  deploy: DeployResult;
  /** The redeploy of the previous image after a breach. */
  rollback?: DeployResult;
  probe?: ProbeReport;
  /** Where the probe measured from: the Fly region code, or `runner`. */
  measuredFrom: string;
  /** The probe Machine's run, when measured from a region. */
  remote?: RemoteRun;
  /** The rollback put the previous release's recorded config back, not only its image. */
  restoredConfig?: boolean;
  verdicts: Verdict[];
  gatePassed?: boolean;
  reason?: string;
  deploymentId?: number;
}

/**
 * The root action's flow, in-process: deploy, measure the new release against the SLOs (from the runner
 * or from a Fly region), and put the previous release back when it breaches them — then record what
 * happened as a GitHub deployment. The deploy's own health gate already rolls back a release that never
 * becomes healthy; this adds the gate a healthy-but-slow release must pass.
 */
export async function release(options: ReleaseOptions): Promise<ReleaseOutcome> {
  const recorder = options.record ? new DeploymentRecorder(options.record, options.warn) : undefined;
  await recorder?.begin(options.deploy.image);
  const deployed = await deploy(options.deploy);
  const measuredFrom = options.remote?.settings.region ?? 'runner';
  if (deployed.status !== 'deployed') {
    await recorder?.finish(deployed);
    return {
      status: deployed.status,
      deploy: deployed,
      measuredFrom,
      verdicts: [],
      reason: deployed.reason,
      deploymentId: recorder?.deploymentId,
    };
  }

  const gate = await measureRelease(options, deployed);
  const measured = {
    deploy: deployed,
    measuredFrom,
    probe: gate.report,
    remote: gate.remote,
    verdicts: gate.verdicts,
  };
  if (gate.error === undefined && gatePassed(gate.verdicts)) {
    await recorder?.finish(deployed);
    return { status: 'deployed', ...measured, gatePassed: true, deploymentId: recorder?.deploymentId };
  }

  const reason = gate.error ?? `SLO gate not passed: ${failedThresholds(gate.verdicts)}`;
  if (!options.rollbackOnBreach || !deployed.previousImage) {
    const why = !deployed.previousImage ? 'there is no previous release to return to' : 'rollback is off';
    options.warn(`${reason}; the new release stays because ${why}.`);
    await recorder?.finish({ ...deployed, status: 'failed', reason }, reason);
    return { status: 'failed', ...measured, gatePassed: false, reason, deploymentId: recorder?.deploymentId };
  }
  const migrated = migrationBlocksRollback(options);
  if (migrated) {
    const stays = `${reason}; the new release stays: ${migrated}`;
    options.warn(stays);
    await recorder?.finish({ ...deployed, status: 'failed', reason: stays }, reason);
    return {
      status: 'failed',
      ...measured,
      gatePassed: false,
      reason: stays,
      deploymentId: recorder?.deploymentId,
    };
  }
  const previousImage = deployed.previousImage;
  options.log(`${reason}; rolling back to ${previousImage}`);
  const restoreConfig = await recordedConfig(options, previousImage, deployed.image);
  const rolledBack = await rollbackTo(previousImage, { ...options.deploy, restoreConfig });
  await recorder?.finish({ ...deployed, status: 'rolled-back', reason }, `Rolled back: ${reason}`);
  const rollback = { ...measured, rollback: rolledBack, restoredConfig: restoreConfig !== undefined };
  if (rolledBack.status !== 'deployed') {
    return {
      status: 'failed',
      ...rollback,
      gatePassed: false,
      reason: `${reason}; the rollback to ${previousImage} also failed: ${rolledBack.reason ?? rolledBack.status}`,
      deploymentId: recorder?.deploymentId,
    };
  }
  return {
    status: 'rolled-back',
    ...rollback,
    gatePassed: false,
    reason,
    deploymentId: recorder?.deploymentId,
  };
}

/**
 * Why the SLO rollback must not put the previous image back, if it must not: this release ran a
 * release_command (it may have migrated the database, which no image rollback undoes) and the user has
 * not said the previous release runs on the new schema.
 */
function migrationBlocksRollback(options: ReleaseOptions): string | undefined {
  const command = options.deploy.toml.deploy.releaseCommand;
  if (!command || options.deploy.skipReleaseCommand || options.schemaBackwardCompatible) return undefined;
  return (
    `it ran release_command \`${command}\`, and the previous release may not run on the schema it migrated to. ` +
    'Set schema-backward-compatible: true when it does, or restore the database first (see the rollback plan).'
  );
}

const failedThresholds = (verdicts: Verdict[]) =>
  verdicts
    .filter((v) => v.outcome !== 'pass')
    .map((v) => `${v.threshold} (${v.outcome})`)
    .join(', ');

interface Gate {
  report?: ProbeReport;
  remote?: RemoteRun;
  verdicts: Verdict[];
  /** The probe could not measure (its Machine failed): the gate is not passed. */
  error?: string;
}

/**
 * Probes the new release: in-process from the runner, or through latency-probe's bundle in a Machine in
 * `probe-region`. A probe from a region that cannot measure (no Machine, exec failed) leaves the release
 * unverified, which the gate treats like an inconclusive verdict.
 */
async function measureRelease(options: ReleaseOptions, deployed: DeployResult): Promise<Gate> {
  const count = `${options.thresholds.length} threshold(s)`;
  if (!options.remote) {
    const targets = options.probe.urls.length ? options.probe.urls : [new URL(deployed.url)];
    options.log(`probing ${targets.map((u) => u.href).join(', ')} from the runner against ${count}`);
    const report = await probe({ ...options.probe, urls: targets, log: options.log });
    return { report, verdicts: judge(report, options.thresholds) };
  }
  const { settings, bundlePath, inputs, track } = options.remote;
  options.log(`probing the release from a Machine in ${settings.region} against ${count}`);
  try {
    const remote = await probeFromRegion(settings, bundlePath, inputs, track, options.log);
    return { report: remote.report, remote, verdicts: judge(remote.report, options.thresholds) };
  } catch (error) {
    return {
      verdicts: [],
      error: `the probe from ${settings.region} could not measure: ${errorMessage(error)}`,
    };
  }
}

/**
 * The config the previous release recorded on its GitHub deployment (fly-deploy's `restore-config`), so the
 * rollback restores config and image together. Undefined — an image-only rollback, as before recording
 * existed — when nothing is recorded for that image or GitHub cannot be read (said in a warning).
 */
async function recordedConfig(
  options: ReleaseOptions,
  previousImage: string,
  newImage: string,
): Promise<Record<string, MachineConfig> | undefined> {
  const record = options.record;
  if (!record) return undefined;
  try {
    const found = await successfulDeployments({
      token: record.token,
      repository: record.repository,
      apiUrl: record.apiUrl,
      environment: record.environment,
      excludeImage: newImage,
      limit: 5,
      scan: 50,
    });
    const configs = found.find((d) => d.payload.app === record.app && d.payload.image === previousImage)
      ?.payload.release?.configs;
    if (configs) return configs as Record<string, MachineConfig>;
    options.warn(
      `no recorded config for ${previousImage} in ${record.environment}: rolling back the image only.`,
    );
  } catch (error) {
    options.warn(
      `could not read the recorded config of ${previousImage}: ${errorMessage(error)}; rolling back the image only.`,
    );
  }
  return undefined;
}
