import { deploy, rollbackTo, type DeployOptions, type DeployResult } from '../fly/deploy.js';
import { gatePassed, judge, type Verdict } from '../probe/judge.js';
import { probe } from '../probe/probe.js';
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
  record?: RecordTarget;
  log: (line: string) => void;
  warn: (line: string) => void;
}

export interface ReleaseOutcome {
  status: ReleaseStatus;
  deploy: DeployResult;
  /** The redeploy of the previous image after a breach. */
  rollback?: DeployResult;
  probe?: ProbeReport;
  verdicts: Verdict[];
  gatePassed?: boolean;
  reason?: string;
  deploymentId?: number;
}

/**
 * The root action's flow, in-process: deploy, measure the new release against the SLOs, and put the
 * previous release back when it breaches them — then record what happened as a GitHub deployment. The
 * deploy's own health gate already rolls back a release that never becomes healthy; this adds the
 * gate a healthy-but-slow release must pass.
 */
export async function release(options: ReleaseOptions): Promise<ReleaseOutcome> {
  const recorder = options.record ? new DeploymentRecorder(options.record, options.warn) : undefined;
  await recorder?.begin(options.deploy.image);
  const deployed = await deploy(options.deploy);
  if (deployed.status !== 'deployed') {
    await recorder?.finish(deployed);
    return {
      status: deployed.status,
      deploy: deployed,
      verdicts: [],
      reason: deployed.reason,
      deploymentId: recorder?.deploymentId,
    };
  }

  const targets = options.probe.urls.length ? options.probe.urls : [new URL(deployed.url)];
  options.log(
    `probing ${targets.map((u) => u.href).join(', ')} against ${options.thresholds.length} threshold(s)`,
  );
  const report = await probe({ ...options.probe, urls: targets, log: options.log });
  const verdicts = judge(report, options.thresholds);
  const passed = gatePassed(verdicts);
  if (passed) {
    await recorder?.finish(deployed);
    return {
      status: 'deployed',
      deploy: deployed,
      probe: report,
      verdicts,
      gatePassed: true,
      deploymentId: recorder?.deploymentId,
    };
  }

  const failedThresholds = verdicts
    .filter((v) => v.outcome !== 'pass')
    .map((v) => `${v.threshold} (${v.outcome})`);
  const reason = `SLO gate not passed: ${failedThresholds.join(', ')}`;
  if (!options.rollbackOnBreach || !deployed.previousImage) {
    const why = !deployed.previousImage ? 'there is no previous release to return to' : 'rollback is off';
    options.warn(`${reason}; the new release stays because ${why}.`);
    await recorder?.finish({ ...deployed, status: 'failed', reason }, reason);
    return {
      status: 'failed',
      deploy: deployed,
      probe: report,
      verdicts,
      gatePassed: false,
      reason,
      deploymentId: recorder?.deploymentId,
    };
  }
  options.log(`${reason}; rolling back to ${deployed.previousImage}`);
  const rolledBack = await rollbackTo(deployed.previousImage, options.deploy);
  await recorder?.finish({ ...deployed, status: 'rolled-back', reason }, `Rolled back: ${reason}`);
  if (rolledBack.status !== 'deployed') {
    return {
      status: 'failed',
      deploy: deployed,
      rollback: rolledBack,
      probe: report,
      verdicts,
      gatePassed: false,
      reason: `${reason}; the rollback to ${deployed.previousImage} also failed: ${rolledBack.reason ?? rolledBack.status}`,
      deploymentId: recorder?.deploymentId,
    };
  }
  return {
    status: 'rolled-back',
    deploy: deployed,
    rollback: rolledBack,
    probe: report,
    verdicts,
    gatePassed: false,
    reason,
    deploymentId: recorder?.deploymentId,
  };
}
