/**
 * rehearsal/report.html is looked at in a browser: rendered here by headless Chromium (Debian's
 * `chromium`), its four inline-SVG charts must be drawn — each sized, with marks inside, labelled —
 * with nothing fetched from the network. The figures are the shape the rehearsal's sections hand in.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { renderHtmlReport } from '../../src/rehearsal/report.js';
import type { ChartData, StepResult } from '../../src/rehearsal/types.js';

const CHROMIUM = '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'runway-report-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spreadMs = (n: number, from: number, to: number) =>
  Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1));
const t0 = Date.parse('2026-12-02T03:00:00Z');

function charts(): ChartData {
  const day = (n: number) =>
    new Date(Date.parse('2026-11-01T00:00:00Z') + n * 86_400_000).toISOString().slice(0, 10);
  return {
    latency: {
      series: [
        { label: 'Fly (staging)', url: 'http://127.0.0.1:1/', sortedMs: spreadMs(300, 20, 40), p95: 39 },
        { label: 'old AWS', url: 'http://127.0.0.1:2/', sortedMs: spreadMs(300, 60, 90), p95: 88.5 },
      ],
    },
    deploy: {
      app: 'voice-bot',
      strategy: 'blue-green',
      startedAt: t0,
      endedAt: t0 + 6000,
      trafficMovedAt: t0 + 3500,
      marks: [{ at: t0 + 3500, text: 'cordoning blue' }],
      machines: [
        {
          id: 'blue0000000001',
          region: 'sin',
          spans: [
            { from: t0, to: t0 + 4000, state: 'started' },
            { from: t0 + 4000, to: t0 + 5000, state: 'stopping' },
            { from: t0 + 5000, to: t0 + 6000, state: 'destroyed' },
          ],
        },
        {
          id: 'green000000001',
          region: 'sin',
          spans: [
            { from: t0 + 500, to: t0 + 1500, state: 'created' },
            { from: t0 + 1500, to: t0 + 6000, state: 'started' },
          ],
        },
      ],
    },
    backups: {
      prefix: 'db/',
      days: Array.from({ length: 40 }, (_, n) => ({
        date: day(n),
        status: n === 12 ? ('failed' as const) : n === 20 ? ('missing' as const) : ('verified' as const),
        key: n === 20 ? undefined : `db/voice-bot-${day(n)}.dump`,
      })),
    },
    dns: {
      name: 'api.voicebot.example',
      target: 'voice-bot.fly.dev',
      totalMs: 296,
      servers: [
        { server: '127.0.0.1:35322', answer: 'CNAME voice-bot.fly.dev (60s)', matchedAfterMs: 282 },
        {
          server: 'http://127.0.0.1:44879/dns-query',
          answer: 'CNAME voice-bot.fly.dev (60s)',
          matchedAfterMs: 292,
        },
      ],
    },
  };
}

const steps: StepResult[] = [
  { step: 'Latency gate', ok: true, detail: 'p95 39 ms vs AWS 88.5 ms', ms: 3000 },
];

/** Appends a script that measures each chart as laid out, and reads the result back from --dump-dom. */
function measure(
  html: string,
): Record<string, { width: number; height: number; marks: number; labels: string[] }> {
  const probe = `<script>
    const out = {};
    for (const svg of document.querySelectorAll('svg[data-chart]')) {
      const box = svg.getBoundingClientRect();
      const marks = [...svg.querySelectorAll('rect,line')].filter((e) => { const b = e.getBBox(); return b.width > 0 && b.height >= 0 && (b.width * Math.max(b.height, 1)) > 0; });
      const labels = [...svg.querySelectorAll(':scope > text')].filter((e) => e.getBBox().width > 0).map((e) => e.textContent);
      out[svg.dataset.chart] = { width: box.width, height: box.height, marks: marks.length, labels };
    }
    const pre = document.createElement('pre'); pre.id = 'measured'; pre.textContent = JSON.stringify(out);
    document.body.append(pre);
  </script>`;
  const file = join(dir, 'measure.html');
  writeFileSync(file, html.replace('</body>', `${probe}</body>`));
  const run = spawnSync(
    CHROMIUM,
    ['--headless', '--no-sandbox', '--disable-gpu', '--dump-dom', `file://${file}`],
    {
      encoding: 'utf8',
      timeout: 90_000,
    },
  );
  const json = /<pre id="measured">(.*?)<\/pre>/s.exec(run.stdout)?.[1];
  if (!json)
    throw new Error(`chromium printed no measurement (exit ${run.status}): ${run.stderr.slice(-500)}`);
  return JSON.parse(
    json
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>'),
  );
}

function screenshot(html: string): PNG {
  const file = join(dir, 'report.html');
  const png = join(dir, 'report.png');
  writeFileSync(file, html);
  const run = spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--window-size=1000,2200',
      `--screenshot=${png}`,
      `file://${file}`,
    ],
    { encoding: 'utf8', timeout: 90_000 },
  );
  if (run.status !== 0) throw new Error(`chromium exited ${run.status}: ${run.stderr.slice(-500)}`);
  return PNG.sync.read(readFileSync(png));
}

/** How many pixels are exactly this colour (the charts' fills are flat, so they survive rendering). */
function pixels(png: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if (png.data[i] === r && png.data[i + 1] === g && png.data[i + 2] === b) n++;
  return n;
}

describe('the rehearsal report in a browser', () => {
  const html = renderHtmlReport(steps, 60_000, new Date(t0), charts());

  it('is self-contained: no script, no stylesheet or image from anywhere else', () => {
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html.match(/(?:src|href)=/g) ?? []).toEqual([]);
    expect(html.match(/<svg data-chart="(\w+)"/g)).toEqual([
      '<svg data-chart="latency"',
      '<svg data-chart="deploy"',
      '<svg data-chart="backups"',
      '<svg data-chart="dns"',
    ]);
  });

  it('draws four sized, labelled charts with their marks (measured in Chromium)', () => {
    const measured = measure(html);
    expect(Object.keys(measured)).toEqual(['latency', 'deploy', 'backups', 'dns']);
    for (const [name, chart] of Object.entries(measured)) {
      expect([name, chart.width > 300, chart.height > 50]).toEqual([name, true, true]);
    }
    // Bars of both series (≥ 20 bins with data), p95 lines, axes.
    expect(measured.latency.marks).toBeGreaterThan(20);
    expect(measured.latency.labels.join(' ')).toMatch(/p95 Fly \(staging\) 39\.0 ms.*p95 old AWS 88\.5 ms/);
    expect(measured.latency.labels).toContain('response time (ms)');
    // Five spans on two lanes plus the traffic line.
    expect(measured.deploy.marks).toBeGreaterThanOrEqual(6);
    expect(measured.deploy.labels.join(' ')).toMatch(
      /blue0000000001 \(sin\).*green000000001 \(sin\).*traffic moved at 3\.5 s/,
    );
    // 40 day squares + the legend's three.
    expect(measured.backups.marks).toBe(43);
    expect(measured.backups.labels.join(' ')).toMatch(/verified \(38\).*failed \(1\).*missing \(1\)/);
    expect(measured.dns.labels.join(' ')).toMatch(
      /api\.voicebot\.example → voice-bot\.fly\.dev.*282 ms.*292 ms/,
    );
  });

  it('shows the charts on screen: each chart colour is painted', () => {
    const png = screenshot(html);
    expect(png.width).toBe(1000);
    expect({
      fly: pixels(png, '#0969da') > 500, // Fly bars and DNS bars
      aws: pixels(png, '#bc4c00') > 500, // AWS bars
      verified: pixels(png, '#2da44e') > 2000, // verified days, running Machines
      failedOrTraffic: pixels(png, '#cf222e') > 100, // the failed day, the traffic line
      missing: pixels(png, '#d0d7de') > 100, // the missing day
    }).toEqual({ fly: true, aws: true, verified: true, failedOrTraffic: true, missing: true });
  });

  it('a section that reported nothing leaves a chart that says so', () => {
    const empty = renderHtmlReport(steps, 1000, new Date(t0), {});
    expect(empty).toContain('the latency gate did not report');
    expect(empty).toContain('no Machine events were recorded');
    expect(empty.match(/<svg data-chart=/g)).toHaveLength(4);
  });
});
