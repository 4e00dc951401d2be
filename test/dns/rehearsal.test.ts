import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import { dnsCutoverSection } from '../../src/rehearsal/dns.js';
import { runBundle } from '../../src/harness/run-bundle.js';
import type { RehearsalContext } from '../../src/rehearsal/types.js';

/** The rehearsal section end to end, with a production app from an "earlier section" behind the Fly edge. */
describe('rehearsal: DNS cutover section', () => {
  let app: http.Server;
  const seen: string[] = [];
  const cleanups: (() => unknown)[] = [];

  beforeAll(async () => {
    app = http.createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const fn of cleanups.reverse()) await fn();
    await new Promise((resolve) => app.close(resolve));
  });

  it('lowers the TTL, plans, reverts a failed cutover, then cuts over to the app', async () => {
    const ctx: RehearsalContext = {
      workDir: '/tmp',
      log: () => undefined,
      endpoints: { 'app:voice-bot': `http://127.0.0.1:${(app.address() as { port: number }).port}` },
      shared: {},
      runnerEnv: {},
      onCleanup: (fn) => cleanups.push(fn),
      runAction: (name, options) => runBundle(name, options),
    };
    const steps = await dnsCutoverSection(ctx);
    expect(steps.map((s) => [s.step, s.ok, Boolean(s.drill)])).toEqual([
      ['DNS: lower the TTL ahead of the switch', true, false],
      ['DNS: plan the cutover', true, false],
      ['DNS drill: app fails right after the switch', true, true],
      ['DNS: cut api.voicebot.example over to Fly', true, false],
    ]);
    expect(steps[3].detail).toMatch(/answers voice-bot\.fly\.dev/);
    // The health checks of the real cutover reached the app through the edge.
    expect(seen.filter((u) => u === '/health').length).toBeGreaterThanOrEqual(2);
    expect(ctx.endpoints.cloudflareApi).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/client\/v4$/);
    expect(ctx.endpoints.cloudflareDns).toMatch(/^127\.0\.0\.1:\d+$/);
  });
});
