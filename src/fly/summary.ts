import { formatDuration } from '../core/duration.js';
import { escapeCell, mermaidBarChart, Summary } from '../core/summary.js';
import type { DeployResult } from './deploy.js';
import type { MachineReport } from './report.js';

const short = (version: string | undefined) => (version ? version.slice(-8) : '–');
const shortImage = (image: string | undefined) => {
  if (!image) return '–';
  const at = image.indexOf('@sha256:');
  return at >= 0 ? `${image.slice(0, at)}@${image.slice(at + 8, at + 8 + 12)}` : image;
};

const HEADLINE: Record<DeployResult['status'], string> = {
  deployed: '✅ Deployed',
  'rolled-back': '↩️ Rolled back',
  failed: '❌ Deploy failed',
};

/**
 * The job summary: what shipped where, how the new release was checked (which Machines were verified,
 * which took it while stopped), each Machine's old → new version and health, and the timeline.
 */
export function renderDeploySummary(result: DeployResult): string {
  const s = new Summary();
  const env = result.environment ? ` (${result.environment})` : '';
  s.heading(`${HEADLINE[result.status]}: ${result.app}${env}, release v${result.releaseVersion}`, 2);
  writeFacts(s, result);
  writeOutcome(s, result);
  writeVerification(s, result);
  writeMachines(s, result);
  writeTimeline(s, result);
  if (result.warnings.length) {
    s.heading('Warnings', 3);
    s.raw(result.warnings.map((w) => `- ${escapeCell(w)}`).join('\n') + '\n');
  }
  return s.toString();
}

function writeFacts(s: Summary, result: DeployResult): void {
  const facts: [string, string][] = [
    ['Image', `\`${result.status === 'deployed' ? result.image : result.requestedImage}\``],
    ['Previous image', result.previousImage ? `\`${result.previousImage}\`` : 'none (first deploy)'],
    [
      'Strategy',
      result.firstDeploy ? `${result.strategy} (first deploy: Machines created)` : result.strategy,
    ],
    ['URL', result.url],
    ['Duration', formatDuration(result.durationMs)],
    ['Machines API calls', String(result.apiCalls)],
  ];
  s.table(['', ''], facts);
}

/** Why it failed or rolled back, and what a failed rollback left for a human. */
function writeOutcome(s: Summary, result: DeployResult): void {
  if (result.reason) {
    const verb =
      result.status === 'rolled-back'
        ? 'Rolled back because'
        : result.status === 'failed'
          ? 'Failed because'
          : 'Note';
    s.paragraph(`**${verb}:** ${escapeCell(result.reason)}`);
  }
  if (result.status === 'rolled-back') {
    s.paragraph(
      result.firstDeploy
        ? 'The Machines this deploy created were destroyed; the app is as it was before.'
        : `Every Machine is back on \`${result.previousImage ?? 'the previous image'}\`; the app never stopped serving it.`,
    );
  }
  if (result.rollbackFailure) {
    s.heading('❌ Rollback failed: fix by hand', 3);
    s.paragraph(escapeCell(result.rollbackFailure.message));
    s.raw(['```sh', ...result.rollbackFailure.commands, '```', ''].join('\n'));
  }
}

/**
 * On a deployed release: the Machines where it was health-checked while started, and those that took it
 * while stopped (auto-stop), which have not run it yet and start on it with the next request.
 */
function writeVerification(s: Summary, result: DeployResult): void {
  if (result.status !== 'deployed') return;
  const kept = result.report.filter((m) => m.state !== 'destroyed' && m.action !== 'destroyed');
  const verified = kept.filter((m) => m.check === 'verified');
  const stopped = kept.filter((m) => m.check === 'stopped');
  if (!verified.length && !stopped.length) return;
  const list = (ms: MachineReport[]) =>
    ms.length ? ms.map((m) => `\`${m.id}\` (${m.region}, ${m.group})`).join(', ') : 'none';
  s.heading('How the new release was checked', 3);
  s.table(
    ['', 'Machines'],
    [
      [`Verified: health-checked while started (${verified.length})`, list(verified)],
      [`Updated while stopped: not run yet (${stopped.length})`, list(stopped)],
    ],
  );
}

function writeMachines(s: Summary, result: DeployResult): void {
  if (!result.report.length) return;
  s.heading('Machines', 3);
  s.table(
    ['Machine', 'Region', 'Group', 'Version (old → new)', 'Image (old → new)', 'Health', 'Time', 'Action'],
    result.report.map((m) => [
      m.id,
      m.region,
      m.group,
      `${short(m.oldVersion)} → ${short(m.newVersion)}`,
      `${shortImage(m.oldImage)} → ${shortImage(m.newImage)}`,
      m.health,
      m.ms === undefined ? '–' : formatDuration(m.ms),
      m.note ? `${m.action} (${m.note})` : m.action,
    ]),
    ['left', 'left', 'left', 'left', 'left', 'left', 'right', 'left'],
  );
}

/** Seconds from change to healthy per Machine (a chart when there are several), then the event log. */
function writeTimeline(s: Summary, result: DeployResult): void {
  const timed = result.report.filter((m) => m.ms !== undefined && m.action !== 'destroyed');
  if (timed.length > 1) {
    s.raw(
      mermaidBarChart({
        title: 'Seconds from change to healthy, per Machine',
        xLabel: 'Machine',
        yLabel: 'seconds',
        labels: timed.map((m) => m.id.slice(0, 6)),
        values: timed.map((m) => Math.round((m.ms ?? 0) / 100) / 10),
      }),
    );
  }
  if (!result.timeline.length) return;
  s.heading('Timeline', 3);
  s.table(
    ['t+', 'Event'],
    result.timeline.map((t) => [formatDuration(t.atMs), t.text]),
    ['right', 'left'],
  );
}
