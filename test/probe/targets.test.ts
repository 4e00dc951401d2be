import { afterAll, describe, expect, it } from '@jest/globals';
import { inputError, readerOf } from '../support/inputs.js';
import { readProbeInputs } from '../../src/probe/inputs.js';
import { gatePassed, judge } from '../../src/probe/judge.js';
import { probe } from '../../src/probe/probe.js';
import { probeOutputs } from '../../src/probe/report.js';
import { renderProbeSummary } from '../../src/probe/summary.js';
import { parseTargets } from '../../src/probe/targets.js';
import { fixed, startDelayServer, type DelayServer } from '../../src/sim/http/delay-server.js';

const read = (values: Record<string, string>) => readProbeInputs(readerOf(values));

describe('targets input', () => {
  it('reads name, URL and that target’s own thresholds, k6 or unit syntax', () => {
    const [api, db] = parseTargets([
      'api https://app.test/api/health p(95)<200, rate<0.01',
      'db   https://app.test/health/db   avg < 50ms',
    ]);
    expect(api.name).toBe('api');
    expect(api.url.href).toBe('https://app.test/api/health');
    expect(api.thresholds.map((t) => [t.target, t.metric.name, t.op, t.limit])).toEqual([
      ['api', 'p95', '<', { kind: 'absolute', value: 200 }],
      ['api', 'error-rate', '<', { kind: 'absolute', value: 0.01 }],
    ]);
    expect(db.thresholds.map((t) => [t.target, t.metric.name, t.limit])).toEqual([
      ['db', 'mean', { kind: 'absolute', value: 50 }],
    ]);
  });

  it.each([
    ['api', /"api" has no URL after the name/],
    ['api ftp://app.test/ p(95)<200', /ftp/],
    ['9lives https://app.test/', /"9lives" is not a target name/],
    ['api https://app.test/ p(95)=200', /target "api": "p\(95\)=200": the operator "=" is not supported/],
    ['api https://app.test/ error-rate < 150%', /target "api".*outside 0 % to 100 %/],
  ])('refuses %j naming the targets input', (line, message) => {
    const error = inputError(() => parseTargets([line]));
    expect(error.input).toBe('targets');
    expect(error.describe()).toMatch(message);
    expect(error.describe()).toMatch(/Fix:/);
  });

  it('refuses a name used twice, and needs url or targets', () => {
    expect(inputError(() => parseTargets(['a https://x.test/', 'a https://y.test/'])).describe()).toMatch(
      /"a" is used twice/,
    );
    expect(inputError(() => read({})).input).toBe('url');
    expect(inputError(() => read({ targets: 'api https://x.test/ p95 < baseline * 1.1' })).input).toBe(
      'targets',
    );
  });

  it('joins url lines and named targets: names in order, global thresholds plus each target’s own', () => {
    const { options, thresholds } = read({
      url: 'https://app.test/',
      targets: 'api https://app.test/api p(95)<200\nstatic https://app.test/logo.png p(95)<100',
      thresholds: 'rate<0.01',
    });
    expect(options.urls.map(String)).toEqual([
      'https://app.test/',
      'https://app.test/api',
      'https://app.test/logo.png',
    ]);
    expect(options.names).toEqual(['app.test', 'api', 'static']);
    expect(thresholds.map((t) => `${t.target ?? '*'} ${t.text}`)).toEqual([
      '* rate<0.01',
      'api p(95)<200',
      'static p(95)<100',
    ]);
  });
});

describe('several targets, one verdict (real servers)', () => {
  const servers: DelayServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('probes the plan’s four targets with their own thresholds: one table, one verdict, per-target outputs', async () => {
    const start = async (ms: number) => {
      const s = await startDelayServer({ behaviour: fixed(ms) });
      servers.push(s);
      return s.url;
    };
    const [api, asset, page, db] = await Promise.all([start(5), start(1), start(40), start(60)]);
    const { options, thresholds } = read({
      targets: [
        // Limits far above the servers' delays: a stall on a busy machine must not turn a pass into
        // "inconclusive" (this test is about one verdict over several targets, not about speed).
        `api ${api}api/health p(95)<1000`,
        `static ${asset}logo.png p(95)<900`,
        `e2e ${page} p(95)<1500`,
        `db ${db}health/db avg<50`,
      ].join('\n'),
      thresholds: 'rate<0.05',
      // Enough that the p95's upper bound is not the slowest request (a stall on a shared machine).
      requests: '200',
      rate: '0',
      concurrency: '4',
      warmup: '2',
    });
    const report = await probe(options);
    expect(report.targets.map((t) => t.name)).toEqual(['api', 'static', 'e2e', 'db']);
    const verdicts = judge(report, thresholds);
    // rate<0.05 for each of the four, plus each target's own threshold once.
    expect(verdicts.map((v) => `${v.target} ${v.threshold}`)).toEqual([
      'api rate<0.05',
      'api p(95)<1000',
      'static rate<0.05',
      'static p(95)<900',
      'e2e rate<0.05',
      'e2e p(95)<1500',
      'db rate<0.05',
      'db avg<50',
    ]);
    const byTarget = Object.fromEntries(
      verdicts.filter((v) => !v.threshold.startsWith('rate')).map((v) => [v.target, v.outcome]),
    );
    // The db endpoint takes 60 ms per query: its average breaches 50 ms, the other three pass.
    expect(byTarget).toEqual({ api: 'pass', static: 'pass', e2e: 'pass', db: 'breach' });
    expect(gatePassed(verdicts)).toBe(false);

    const outputs = probeOutputs(report, verdicts, '/tmp/report.json');
    expect(outputs.passed).toBe('false');
    const targets = JSON.parse(String(outputs.targets));
    expect(Object.keys(targets)).toEqual(['api', 'static', 'e2e', 'db']);
    expect(targets.db).toMatchObject({ passed: false, breached: ['avg<50'], requests: 200 });
    expect(targets.db['mean-ms']).toBeGreaterThanOrEqual(60);
    expect(targets.api).toMatchObject({ passed: true, breached: [], url: `${api}api/health` });

    const summary = renderProbeSummary(report, verdicts);
    expect(summary).toMatch(
      /\| Target \| URL \| p95 \(ms\) \| mean \(ms\) \| error rate \| thresholds passed \| Verdict \|/,
    );
    expect(summary).toMatch(/\| db \| http:\/\/[^|]+\/health\/db \|[^\n]*\| 1 of 2 \| ❌ breach \|/);
    expect(summary).toMatch(/\| api \| [^\n]*\| 2 of 2 \| ✅ pass \|/);
  });
});
