import { createTestCa, startTlsTarget, type TlsTarget } from '../sim/tls.js';
import { queryDns, parseServer } from '../dns/query.js';
import { startCloudflareSim } from '../sim/cloudflare/index.js';
import { dnsTimelineFrom } from './charts-data.js';
import { timed, type StepOutcome } from './step.js';
import type { RehearsalContext, RehearsalSection, StepResult } from './types.js';

const ZONE = 'voicebot.example';
const NAME = `api.${ZONE}`;
const OLD_TARGET = 'voice-bot-prod-1234.us-east-1.elb.amazonaws.com';
const FLY_TARGET = 'voice-bot.fly.dev';

type Cloudflare = Awaited<ReturnType<typeof startCloudflareSim>>;
/** What every step shares: the DNS provider, the two TLS endpoints and dns-cutover's common inputs. */
interface Stage {
  ctx: RehearsalContext;
  cf: Cloudflare;
  /** The Fly edge in front of the production app (or a stand-in answer when there is none). */
  edge: TlsTarget;
  /** A deployment that passes its pre-flight and then fails under real traffic. */
  broken: TlsTarget;
  base: Record<string, string>;
  env: Record<string, string>;
}

/**
 * The DNS switch from AWS to Fly on the Cloudflare stand-in: lower the TTL, plan, a drill in which the
 * app falls over right after the switch (the action puts the AWS records back by itself), then the
 * real cutover to the production app, verified over the stand-in's UDP DNS and DNS-over-HTTPS.
 */
export const dnsCutoverSection: RehearsalSection = async (ctx: RehearsalContext): Promise<StepResult[]> => {
  const stage = await setUp(ctx);
  const steps = [
    await timed('DNS: lower the TTL ahead of the switch', () => lowerTtl(stage)),
    await timed('DNS: plan the cutover', () => planCutover(stage)),
    await timed('DNS drill: app fails right after the switch', () => failedSwitchDrill(stage), {
      drill: true,
    }),
    await timed('DNS: cut api.voicebot.example over to Fly', () => cutOver(stage)),
  ];
  return steps;
};

async function setUp(ctx: RehearsalContext): Promise<Stage> {
  const cf = await startDnsProvider(ctx);
  // The Fly edge: terminates TLS for the hostname (as after `fly certs add`) and hands requests to the
  // production app when an earlier section runs one.
  const ca = createTestCa();
  ctx.onCleanup(() => ca.cleanup());
  const edge = await startFlyEdge(ctx, ca.issue([NAME]));
  const broken = await startTlsTarget(ca.issue([NAME]), { healthSequence: [200], health: 503 });
  ctx.onCleanup(() => broken.close());
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
  return { ctx, cf, edge, broken, base, env: { NODE_EXTRA_CA_CERTS: ca.caFile } };
}

/** Cloudflare as the zone is today: api → the AWS load balancer, with the TTL it has had for years. */
async function startDnsProvider(ctx: RehearsalContext): Promise<Cloudflare> {
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
  return cf;
}

async function startFlyEdge(
  ctx: RehearsalContext,
  cert: Parameters<typeof startTlsTarget>[0],
): Promise<TlsTarget> {
  const app = ctx.endpoints['app:voice-bot'];
  const forward = app
    ? async (path: string) => {
        const res = await fetch(new URL(path, app), { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        return res.status;
      }
    : undefined;
  const edge = await startTlsTarget(cert, {
    healthFrom: forward ? () => forward('/health') : undefined,
    handler: (req, res) => {
      if (!forward) return void res.writeHead(200).end('voice-bot on fly');
      forward(req.url ?? '/')
        .then((status) => res.writeHead(status).end())
        .catch(() => res.writeHead(502).end());
    },
  });
  ctx.onCleanup(() => edge.close());
  ctx.endpoints['fly-edge:voice-bot'] = `https://127.0.0.1:${edge.port}`;
  return edge;
}

/** What the stand-in's UDP nameserver answers for the name now. */
async function served(stage: Stage): Promise<string> {
  const answer = await queryDns(parseServer(stage.cf.dnsAddress)!, NAME, 'CNAME');
  const record = answer.records.find((r) => r.name === NAME);
  return record ? `${record.data} (TTL ${record.ttl}s)` : 'nothing';
}

async function lowerTtl({ ctx, base, env }: Stage): Promise<StepOutcome> {
  const lower = await ctx.runAction('dns-cutover', { inputs: { ...base, mode: 'lower-ttl', ttl: 60 }, env });
  return {
    ok: lower.exitCode === 0 && lower.outputs.status === 'ttl-lowered',
    detail: `${NAME} TTL 3600s → 60s, verified; wait ${lower.outputs['wait-seconds']}s before switching (skipped here: the stand-in has no resolver caches)`,
  };
}

async function planCutover({ ctx, base, env }: Stage): Promise<StepOutcome> {
  const plan = await ctx.runAction('dns-cutover', {
    inputs: { ...base, mode: 'plan', target: FLY_TARGET },
    env,
  });
  const planned = plan.outputs.plan
    ? (JSON.parse(plan.outputs.plan) as { recordChanges: number })
    : undefined;
  return {
    ok: plan.exitCode === 0 && plan.outputs.status === 'planned',
    detail: `CNAME ${OLD_TARGET} → ${FLY_TARGET}: ${planned?.recordChanges ?? '?'} record change(s), nothing sent`,
  };
}

/** dns-cutover apply, checking TLS and health at `port` (which the name will point at) after the switch. */
function applyTo(stage: Stage, port: number) {
  return stage.ctx.runAction('dns-cutover', {
    inputs: {
      ...stage.base,
      mode: 'apply',
      target: FLY_TARGET,
      'connect-to': `127.0.0.1:${port}`,
      'health-url': `https://${NAME}/health`,
    },
    env: stage.env,
  });
}

/** Drill: health fails right after the switch; the action must put the AWS records back by itself. */
async function failedSwitchDrill(stage: Stage): Promise<StepOutcome> {
  const writes = () => stage.cf.calls().filter((c) => c.method !== 'GET').length;
  const writesBefore = writes();
  const drill = await applyTo(stage, stage.broken.port);
  const after = await served(stage);
  return {
    ok: drill.exitCode !== 0 && drill.outputs.status === 'rolled-back' && after.startsWith(OLD_TARGET),
    detail: `switched, health answered 503 three times, AWS records restored and verified (${writes() - writesBefore} batch writes); ${NAME} answers ${after}`,
  };
}

/** The real cutover to the production app; publishes what it replaced for the rollback section. */
async function cutOver(stage: Stage): Promise<StepOutcome> {
  const { ctx } = stage;
  const apply = await applyTo(stage, stage.edge.port);
  const after = await served(stage);
  (ctx.charts ??= {}).dns = dnsTimelineFrom(apply, NAME, FLY_TARGET);
  ctx.shared.dnsPrevious = apply.outputs.previous;
  ctx.shared.dnsBase = { inputs: stage.base, env: stage.env }; // the rollback section puts the records back
  const app = ctx.endpoints['app:voice-bot'];
  return {
    ok: apply.exitCode === 0 && apply.outputs.status === 'applied' && after.startsWith(FLY_TARGET),
    detail:
      apply.exitCode === 0
        ? `TLS + health through the Fly edge${app ? ` (app at ${app})` : ''} ok; propagated to UDP and DoH in ${apply.outputs['propagation-ms']}ms; ${NAME} answers ${after}`
        : `failed: ${apply.annotations.find((a) => a.level === 'error')?.message ?? `exit ${apply.exitCode}`}`,
  };
}
