import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rehearse } from '../../src/rehearsal/index.js';

describe('npm start: the full rehearsal', () => {
  it('runs the whole pipeline and every drill behaves, writing Markdown and HTML reports', async () => {
    const reportDir = mkdtempSync(join(tmpdir(), 'rehearsal-report-'));
    const lines: string[] = [];
    const code = await rehearse({ reportDir, log: (line) => lines.push(line) });
    const markdown = readFileSync(join(reportDir, 'report.md'), 'utf8');
    if (code !== 0) console.log(lines.join('\n'));
    expect(code).toBe(0);
    // The pipeline's order and each drill, as the issue names them.
    for (const step of [
      'first deploy of a healthy image to staging',
      'never gets healthy is rolled back',
      'Latency gate: staging',
      'verify all 40',
      'a corrupted backup',
      'find the last successful staging digest',
      'backup freshness gate',
      'the staging digest to production, blue-green',
      'healthy but slow production release breaches the SLO and is rolled back',
      'app fails right after the switch',
      'cut api.voicebot.example over to Fly',
    ]) {
      expect(markdown).toContain(step);
    }
    expect(markdown).not.toContain('❌');
    const html = readFileSync(join(reportDir, 'report.html'), 'utf8');
    expect(html).toContain('<table>');
    // Every chart got its figures from the run (report.test.ts checks that Chromium draws them).
    for (const chart of ['latency', 'deploy', 'backups', 'dns'])
      expect(html).toContain(`data-chart="${chart}"`);
    expect(html).not.toMatch(/did not report|no Machine events were recorded/);
    expect(html).toMatch(/verified \(\d+\)/);
    expect(html).toMatch(/traffic moved at/);
    // What a runner would show: no workflow commands, no HTML entities in the terminal lines.
    expect(lines.join('\n')).not.toMatch(/^::|&lt;|&gt;|&amp;/m);
  });
});
