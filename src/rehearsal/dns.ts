import { createTestCa, startTlsTarget, type TlsTarget } from '../sim/tls.js';
import { queryDns, parseServer } from '../dns/query.js';
import { startCloudflareSim } from '../sim/cloudflare/index.js';
import { dnsTimelineFrom } from './charts-data.js';
import type { RehearsalContext, RehearsalSection, StepResult } from './types.js';

const ZONE = 'voicebot.example';
const NAME = `api.${ZONE}`;
const OLD_TARGET = 'voice-bot-prod-1234.us-east-1.elb.amazonaws.com';
const FLY_TARGET = 'voice-bot.fly.dev';

/**
 * The DNS switch from AWS to Fly on the Cloudflare stand-in: lower the TTL, plan, a drill in which the
 * app falls over right after the switch (the action puts the AWS records back by itself), then the
 * real cutover to the production app, verified over the stand-in's UDP DNS and DNS-over-HTTPS.
 */
export const dnsCutoverSection: RehearsalSection = async (ctx: RehearsalContext): Promise<StepResult[]> => {
  const steps: StepResult[] = [];
  const cf = await startCloudflareSim({
    zones: [
      {
        name: ZONE,
        records: [
          { type: 'CNAME', name: 'api', content: OLD_TARGET, ttl: 3600 },
          { type: 'A', name: '@', content: '198.51.100.10', ttl: 300 },
        ],
      },
    ],
    propagationDelayMs: 200,
  });
  ctx.onCleanup(() => cf.close());
  ctx.endpoints.cloudflareApi = cf.apiUrl;
  ctx.endpoints.cloudflareDns = cf.dnsAddress;
  ctx.endpoints.cloudflareDoh = cf.dohUrl;
  ctx.shared.cloudflareToken = cf.token;

  // The Fly edge: terminates TLS for the hostname (as after `fly certs add`) and hands requests to the
  // production app when an earlier section runs one.
  const ca = createTestCa();
  ctx.onCleanup(() => ca.cleanup());
  const app = ctx.endpoints['app:voice-bot'];
  const forward = app
    ? async (path: string) => {
        const res = await fetch(new URL(path, app), { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        return res.status;
      }
    : undefined;
  const edge: TlsTarget = await startTlsTarget(ca.issue([NAME]), {
    healthFrom: forward ? () => forward('/health') : undefined,
    handler: (req, res) => {
      if (!forward) return void res.writeHead(200).end('voice-bot on fly');
      forward(req.url ?? '/')
        .then((status) => res.writeHead(status).end())
        .catch(() => res.writeHead(502).end());
    },
  });
  ctx.onCleanup(() => edge.close());
  // A deployment that passes its pre-flight and then fails under real traffic.
  const broken = await startTlsTarget(ca.issue([NAME]), { healthSequence: [200], health: 503 });
  ctx.onCleanup(() => broken.close());
  ctx.endpoints['fly-edge:voice-bot'] = `https://127.0.0.1:${edge.port}`;

  const base = {
    provider: 'cloudflare',
    'api-url': cf.apiUrl,
    'api-token': cf.token,
    zone: ZONE,
    name: 'api',
    nameservers: cf.dnsAddress,
    resolvers: cf.dohUrl,
    'verify-timeout': '20s',
  };
  const env = { NODE_EXTRA_CA_CERTS: ca.caFile };
  const served = async () => {
    const answer = await queryDns(parseServer(cf.dnsAddress)!, NAME, 'CNAME');
    const record = answer.records.find((r) => r.name === NAME);
    return record ? `${record.data} (TTL ${record.ttl}s)` : 'nothing';
  };

  let started = Date.now();
  const lower = await ctx.runAction('dns-cutover', { inputs: { ...base, mode: 'lower-ttl', ttl: 60 }, env });
  steps.push({
    step: 'DNS: lower the TTL ahead of the switch',
    ok: lower.exitCode === 0 && lower.outputs.status === 'ttl-lowered',
    detail: `${NAME} TTL 3600s → 60s, verified; wait ${lower.outputs['wait-seconds']}s before switching (skipped here: the stand-in has no resolver caches)`,
    ms: Date.now() - started,
  });

  started = Date.now();
  const plan = await ctx.runAction('dns-cutover', {
    inputs: { ...base, mode: 'plan', target: FLY_TARGET },
    env,
  });
  const planned = plan.outputs.plan
    ? (JSON.parse(plan.outputs.plan) as { recordChanges: number })
    : undefined;
  steps.push({
    step: 'DNS: plan the cutover',
    ok: plan.exitCode === 0 && plan.outputs.status === 'planned',
    detail: `CNAME ${OLD_TARGET} → ${FLY_TARGET}: ${planned?.recordChanges ?? '?'} record change(s), nothing sent`,
    ms: Date.now() - started,
  });

  started = Date.now();
  const writesBefore = cf.calls().filter((c) => c.method !== 'GET').length;
  const drill = await ctx.runAction('dns-cutover', {
    inputs: {
      ...base,
      mode: 'apply',
      target: FLY_TARGET,
      'connect-to': `127.0.0.1:${broken.port}`,
      'health-url': `https://${NAME}/health`,
    },
    env,
  });
  const afterDrill = await served();
  const drillWrites = cf.calls().filter((c) => c.method !== 'GET').length - writesBefore;
  steps.push({
    step: 'DNS drill: app fails right after the switch',
    drill: true,
    ok: drill.exitCode !== 0 && drill.outputs.status === 'rolled-back' && afterDrill.startsWith(OLD_TARGET),
    detail: `switched, health answered 503 three times, AWS records restored and verified (${drillWrites} batch writes); ${NAME} answers ${afterDrill}`,
    ms: Date.now() - started,
  });

  started = Date.now();
  const apply = await ctx.runAction('dns-cutover', {
    inputs: {
      ...base,
      mode: 'apply',
      target: FLY_TARGET,
      'connect-to': `127.0.0.1:${edge.port}`,
      'health-url': `https://${NAME}/health`,
    },
    env,
  });
  const afterApply = await served();
  (ctx.charts ??= {}).dns = dnsTimelineFrom(apply, NAME, FLY_TARGET);
  steps.push({
    step: 'DNS: cut api.voicebot.example over to Fly',
    ok: apply.exitCode === 0 && apply.outputs.status === 'applied' && afterApply.startsWith(FLY_TARGET),
    detail:
      apply.exitCode === 0
        ? `TLS + health through the Fly edge${app ? ` (app at ${app})` : ''} ok; propagated to UDP and DoH in ${apply.outputs['propagation-ms']}ms; ${NAME} answers ${afterApply}`
        : `failed: ${apply.annotations.find((a) => a.level === 'error')?.message ?? `exit ${apply.exitCode}`}`,
    ms: Date.now() - started,
  });
  ctx.shared.dnsPrevious = apply.outputs.previous;
  ctx.shared.dnsBase = { inputs: base, env }; // the rollback section puts the records back
  return steps;
};
