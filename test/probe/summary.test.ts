import { describe, expect, it } from '@jest/globals';
import { seeded } from '../../src/sim/http/delay-server.js';
import { buckets, summarise } from '../../src/probe/figures.js';
import { judge } from '../../src/probe/judge.js';
import { renderProbeSummary } from '../../src/probe/summary.js';
import { parseThresholds } from '../../src/probe/thresholds.js';
import type { ProbeReport, RequestSample } from '../../src/probe/types.js';

function samples(n: number, from: number, to: number, seed: number): RequestSample[] {
  const random = seeded(seed);
  return Array.from({ length: n }, () => {
    const ms = from + random() * (to - from);
    return { totalMs: ms, serviceMs: ms, queueMs: 0, ttfbMs: ms - 1, status: 200 };
  });
}

function report(withBaseline: boolean): ProbeReport {
  return {
    version: 1,
    startedAt: '',
    finishedAt: '',
    settings: {
      requests: 300,
      rate: 10,
      model: 'open',
      concurrency: 10,
      warmup: 10,
      timeoutMs: 10_000,
      method: 'GET',
      headers: {},
      expectStatus: '200-399',
    },
    targets: [
      summarise(
        'https://voice-bot.fly.dev/health',
        'target',
        samples(300, 20, 40, 1),
        [{ connectMs: 3, tlsMs: 8, dnsMs: 1 }],
        30_000,
      ),
    ],
    baseline: withBaseline
      ? summarise('https://aws.example.com/health', 'baseline', samples(300, 60, 90, 2), [], 30_000)
      : undefined,
  };
}

describe('histogram buckets', () => {
  it('cover every sample in readable equal widths, with a last bucket for the far tail', () => {
    const sorted = [...Array.from({ length: 999 }, (_, i) => 20 + (i % 20)), 1000].sort((a, b) => a - b);
    const b = buckets(sorted);
    expect(b.reduce((a, x) => a + x.count, 0)).toBe(1000);
    expect(b.at(-1)).toEqual({ fromMs: b.at(-2)!.toMs, toMs: Number.POSITIVE_INFINITY, count: 1 });
    const widths = new Set(b.slice(0, -1).map((x) => +(x.toMs - x.fromMs).toFixed(6)));
    expect(widths.size).toBe(1);
    expect(b.length).toBeLessThanOrEqual(13);
  });
});

describe('renderProbeSummary', () => {
  it('shows the verdict, thresholds, phases, a chart of the histogram and the baseline comparison', () => {
    const r = report(true);
    const verdicts = judge(r, parseThresholds('p95 < 200ms\np95 < baseline * 1.10'));
    const md = renderProbeSummary(r, verdicts);
    expect(md).toMatch(/^## ✅ Latency gate passed/);
    expect(md).toMatch(/\| p95 &lt; 200ms \| [\d.]+ ms \| [\d.]+ ms – [\d.]+ ms \| ✅ pass \|/);
    expect(md).toMatch(/\| TLS handshake \| 1 \| 8 \|/);
    const chart = /bar \[([\d, ]+)\]/.exec(md)!;
    expect(chart[1].split(', ').map(Number)).toEqual(r.targets[0].histogram.map((b) => b.count));
    expect(md).toContain('voice-bot.fly.dev compared with the baseline aws.example.com');
    expect(md).toMatch(/\| p95 \| [\d.]+ \| [\d.]+ \| 0\.\d\d× \| 0\.\d\d× – 0\.\d\d× \| faster \|/);
    expect(md.match(/```mermaid\nxychart-beta/g)).toHaveLength(2);
  });

  it('says inconclusive or failed in the title, and measure-only without thresholds', () => {
    const r = report(false);
    // A limit at the estimate itself always lies inside its interval.
    const onTheLimit = `p95 < ${r.targets[0].latency.p95}ms`;
    expect(renderProbeSummary(r, judge(r, parseThresholds(onTheLimit)))).toMatch(
      /^## ⚠️ Latency gate inconclusive/,
    );
    expect(renderProbeSummary(r, judge(r, parseThresholds(`${onTheLimit}\np50 < 10ms`)))).toMatch(
      /^## ❌ Latency gate failed/,
    );
    expect(renderProbeSummary(r, [])).toMatch(/^## ℹ️ Latency probe \(no thresholds\)/);
  });
});
