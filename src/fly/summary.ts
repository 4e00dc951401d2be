import { formatDuration } from '../core/duration.js';
import { escapeCell, mermaidBarChart, Summary } from '../core/summary.js';
import type { DeployResult } from './deploy.js';

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

/** The job summary: what shipped where, each Machine's old → new version and health, and the timeline. */
export function renderDeploySummary(result: DeployResult): string {
  const s = new Summary();
  const env = result.environment ? ` (${result.environment})` : '';
  s.heading(`${HEADLINE[result.status]}: ${result.app}${env}, release v${result.releaseVersion}`, 2);
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
  s.table(
    ['', ''],
    facts.map(([k, v]) => [k, v]),
  );
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
  if (result.report.length) {
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
  if (result.timeline.length) {
    s.heading('Timeline', 3);
    s.table(
      ['t+', 'Event'],
      result.timeline.map((t) => [formatDuration(t.atMs), t.text]),
      ['right', 'left'],
    );
  }
  if (result.warnings.length) {
    s.heading('Warnings', 3);
    s.raw(result.warnings.map((w) => `- ${escapeCell(w)}`).join('\n') + '\n');
  }
  return s.toString();
}
