import { BEHAVIOURS, type Behaviour, type Rule } from '../../src/sim/hostile/index.js';

/**
 * The hostile sweep, as data: bad inputs and misbehaving servers against the five actions, each with the
 * class of ending it must have.
 *   refused      — exit 1 before any request reached the server, the message names the input as written;
 *   clear-error  — exit 1 after a call, the message names the service that misbehaved (never "failed
 *                  unexpectedly");
 *   safe-failure — the run ends within its bound in a safe state (exit as given) and says what happened.
 * In every case: no secret in the log, and no mutating request after the first bad answer.
 */
export type ActionName = 'fly-deploy' | 'latency-probe' | 'backup-verify' | 'dns-cutover' | 'runway';
export type Expected = 'refused' | 'clear-error' | 'safe-failure';

export interface SweepCase {
  id: string;
  action: ActionName;
  expect: Expected;
  /** `{server}` is replaced by the hostile server's URL. */
  inputs: Record<string, string>;
  /** The server's behaviour: one for every request, or rules (the rest proxied to `upstream`). */
  behaviour?: Behaviour;
  rules?: Rule[];
  upstream?: 'cloudflare';
  /** Matched against the error annotations (refused, clear-error) or the whole log (safe-failure). */
  message: RegExp;
  /** Exit code for safe-failure (default 1); `any` where both endings are safe and speed decides. */
  exit?: number | 'any';
  /** The input a refusal must name (refused only; default: the first key of `inputs`). */
  input?: string;
}

export const SECRETS = {
  fly: 'fm2_sweepflytoken_6b1f0c9a7d2e',
  dns: 'sweep-dns-api-key-4c2d9e81',
  s3: 'sweepS3secretKey/9f8e7d6c5b4a',
  url: 'sweepUrlPassw0rd',
  header: 'sweep-header-token-71a3',
  query: 'sweepQueryToken9d2e',
};

const LONG = 'x'.repeat(100_000);

const FLY_BASE = {
  app: 'sweep-app',
  'api-url': '{server}',
  'api-token': SECRETS.fly,
  image: 'registry.fly.io/sweep-app:v2',
  'wait-timeout': '5s',
  'proxy-settle': '0s',
  'record-deployment': 'false',
  'public-url': '{server}',
};
const PROBE_BASE = {
  url: '{server}/health',
  requests: '6',
  rate: '0',
  concurrency: '3',
  warmup: '0',
  // Generous for a loaded CI machine: a healthy answer must not time out; a hanging one ends here.
  timeout: '3s',
  // 6 requests settle a 50 % limit either way (all good or all failing); a tighter one would be inconclusive.
  thresholds: 'error-rate < 50%',
};
const BACKUP_BASE = {
  endpoint: '{server}',
  region: 'us-east-1',
  bucket: 'backups',
  'access-key-id': 'AKIASWEEPEXAMPLE',
  'secret-access-key': SECRETS.s3,
  'force-path-style': 'true',
  'issue-on-failure': 'false',
};
const DNS_BASE = {
  provider: 'powerdns',
  'api-url': '{server}',
  'api-token': SECRETS.dns,
  zone: 'sweep.test',
  name: 'api',
  target: 'sweep-app.fly.dev',
  mode: 'apply',
  nameservers: 'none',
  'tls-check': 'false',
  'verify-timeout': '2s',
  timeout: '4s',
};
const RUNWAY_BASE = { ...FLY_BASE, 'probe-url': '{server}/health', requests: '5', 'probe-timeout': '1s' };

const BASES: Record<ActionName, Record<string, string>> = {
  'fly-deploy': FLY_BASE,
  'latency-probe': PROBE_BASE,
  'backup-verify': BACKUP_BASE,
  'dns-cutover': DNS_BASE,
  runway: RUNWAY_BASE,
};

function refused(
  action: ActionName,
  input: string,
  value: string,
  message: RegExp,
  extra: Record<string, string> = {},
): SweepCase {
  return {
    id: `${action}: ${input}=${JSON.stringify(value.length > 40 ? `${value.slice(0, 20)}…(${value.length})` : value)}`,
    action,
    expect: 'refused',
    inputs: { ...BASES[action], ...extra, [input]: value },
    message,
    input,
  };
}

const REFUSED: SweepCase[] = [
  // fly-deploy
  refused('fly-deploy', 'app', 'Bad_App!', /not a valid Fly app name/),
  refused('fly-deploy', 'app', LONG, /100000 characters long/),
  refused('fly-deploy', 'api-url', 'not a url', /not a valid URL/),
  refused('fly-deploy', 'api-url', 'ftp://api.machines.dev', /uses ftp/),
  refused('fly-deploy', 'api-url', `https://user:${SECRETS.url}@api.machines.dev`, /carries credentials/),
  refused('fly-deploy', 'api-url', `https://api.machines.dev/${LONG}`, /characters long/),
  refused('fly-deploy', 'regions', 'us west 4!', /region/i),
  refused('fly-deploy', 'strategy', 'sideways', /not one of the accepted values/),
  refused('fly-deploy', 'wait-timeout', '10', /not a duration/),
  refused('fly-deploy', 'max-unavailable', '150%', /./),
  refused('fly-deploy', 'public-url', 'javascript:alert(1)', /uses javascript/),
  refused('fly-deploy', 'rollback', 'maybe', /not a boolean/),
  refused('fly-deploy', 'secrets', 'NO_EQUALS_SIGN', /NAME=VALUE/),
  // latency-probe
  refused('latency-probe', 'url', 'notaurl', /not a valid URL/),
  refused('latency-probe', 'url', `https://probe:${SECRETS.url}@a.test/health`, /carries credentials/),
  refused('latency-probe', 'url', `https://a.test/${LONG}`, /characters long/),
  refused('latency-probe', 'url', 'file:///etc/passwd', /uses file/),
  refused('latency-probe', 'headers', `X-Token: ${SECRETS.header}\rInjected: yes`, /carriage return/),
  refused('latency-probe', 'headers', 'X-Null: a\u0001b', /control character/),
  refused('latency-probe', 'headers', `X-Big: ${'y'.repeat(9000)}`, /at most 8192/),
  refused('latency-probe', 'headers', 'not a header line', /not "Name: value"/),
  refused('latency-probe', 'thresholds', 'error-rate < 150%', /not a percentage|percentage outside 0/),
  refused('latency-probe', 'thresholds', 'p95 < fast', /not a duration/),
  refused('latency-probe', 'requests', '0', /below the minimum 1/),
  refused('latency-probe', 'rate', '-1', /below the minimum 0/),
  refused('latency-probe', 'timeout', '10', /not a duration/),
  refused('latency-probe', 'method', 'BREW', /not one of the accepted values/),
  refused('latency-probe', 'concurrency', '0', /no request in flight/),
  refused('latency-probe', 'expect-status', 'teapot', /./),
  // backup-verify
  refused('backup-verify', 'endpoint', 'not a url', /./),
  refused('backup-verify', 'endpoint', `https://key:${SECRETS.url}@s3.test`, /credentials|not/),
  refused('backup-verify', 'endpoint', `https://s3.test/${LONG}`, /characters long/),
  refused('backup-verify', 'bucket', '', /required/),
  refused('backup-verify', 'max-age', 'soon', /not a duration/),
  refused('backup-verify', 'date-from', 'yesterday', /not one of the accepted values/),
  refused('backup-verify', 'verify', 'sometimes', /./),
  refused('backup-verify', 'retention', 'forever', /./),
  refused('backup-verify', 'force-path-style', 'perhaps', /not a boolean/),
  refused('backup-verify', 'prefix', LONG, /characters long/),
  // dns-cutover
  refused('dns-cutover', 'provider', 'bind', /not a supported DNS provider/),
  refused('dns-cutover', 'zone', 'not a zone', /not a domain name/),
  refused(
    'dns-cutover',
    'name',
    `${'a'.repeat(70)}`,
    /label "a{20}…" is 70 characters long; a DNS label is at most 63/,
  ),
  refused('dns-cutover', 'name', 'api.other.org', /not inside the zone/),
  refused('dns-cutover', 'name', LONG, /characters long/),
  refused('dns-cutover', 'target', 'not a target!', /neither a hostname nor a list of addresses/),
  refused('dns-cutover', 'connect-to', 'garbage', /is not address:port/),
  refused('dns-cutover', 'ttl', '5', /outside 30–86400/),
  refused('dns-cutover', 'verify-timeout', '1', /not a duration/),
  refused('dns-cutover', 'timeout', 'soon', /not a duration/),
  refused('dns-cutover', 'mode', 'explode', /not one of the accepted values/),
  refused('dns-cutover', 'max-changes', '0', /below the minimum 1/),
  refused('dns-cutover', 'nameservers', 'https://dns.google/dns-query', /DNS-over-HTTPS/),
  refused('dns-cutover', 'resolvers', 'garbage', /neither ip/),
  refused('dns-cutover', 'api-url', `http://admin:${SECRETS.url}@127.0.0.1:8081`, /carries credentials/),
  refused('dns-cutover', 'health-url', 'https://elsewhere.test/health', /not api\.sweep\.test/),
  // root runway action: errors name its own inputs
  refused('runway', 'probe-url', 'notaurl', /not a valid URL/),
  refused('runway', 'probe-url', `https://u:${SECRETS.url}@a.test/`, /carries credentials/),
  refused('runway', 'probe-timeout', '10', /not a duration/),
  refused('runway', 'thresholds', 'error-rate < 150%', /not a percentage|percentage outside 0/),
  refused('runway', 'headers', `X-Token: ${SECRETS.header}\rX-Evil: 1`, /carriage return/),
  refused('runway', 'app', 'Bad_App!', /not a valid Fly app name/),
  refused('runway', 'api-url', 'not a url', /not a valid URL/),
  refused('runway', 'strategy', 'sideways', /not one of the accepted values/),
];

/** What each action must say when its server misbehaves (the service it names). */
const SERVICE: Record<ActionName, RegExp> = {
  'fly-deploy': /Fly Machines API/,
  runway: /Fly Machines API/,
  'backup-verify': /S3|endpoint|bucket 'backups' at http:\/\/127\.0\.0\.1/i,
  'dns-cutover': /PowerDNS/,
  'latency-probe': /./,
};

/** latency-probe measures a misbehaving server rather than trusting it: its gate fails (or passes on a 200). */
const PROBE_EXIT: Record<Behaviour, number | 'any'> = {
  'html-200': 0,
  'echo-500': 1,
  hang: 1,
  'stall-mid-body': 1,
  trickle: 1,
  'truncated-json': 0,
  'wrong-content-type': 0,
  'redirect-loop': 0,
  // 64 MiB read within the request timeout passes, cut off by it fails: either ending is safe.
  'huge-body': 'any',
  reset: 1,
};

function hostile(action: ActionName, behaviour: Behaviour): SweepCase {
  if (action === 'latency-probe')
    return {
      id: `${action}: server ${behaviour}`,
      action,
      expect: 'safe-failure',
      behaviour,
      inputs: PROBE_BASE,
      message: /error-rate|passed|breach|p95/i,
      exit: PROBE_EXIT[behaviour],
    };
  return {
    id: `${action}: server ${behaviour}`,
    action,
    expect: 'clear-error',
    behaviour,
    inputs: BASES[action],
    // A reset says who hung up, not "TimeoutError: socket hang up".
    message:
      action === 'backup-verify' && behaviour === 'reset'
        ? /closed the connection before it answered \(ECONNRESET/
        : SERVICE[action],
  };
}

const ACTIONS_WITH_SERVERS: ActionName[] = [
  'fly-deploy',
  'runway',
  'backup-verify',
  'dns-cutover',
  'latency-probe',
];
const HOSTILE: SweepCase[] = ACTIONS_WITH_SERVERS.flatMap((action) =>
  BEHAVIOURS.map((b) => hostile(action, b)),
);

/** Cloudflare answering every request badly: the cutover names Cloudflare and changes nothing. */
const CLOUDFLARE: SweepCase[] = BEHAVIOURS.map((behaviour) => ({
  id: `dns-cutover (cloudflare): server ${behaviour}`,
  action: 'dns-cutover' as const,
  expect: 'clear-error' as const,
  behaviour,
  inputs: { ...DNS_BASE, provider: 'cloudflare', 'api-url': '{server}/client/v4' },
  message: /Cloudflare/,
}));

/**
 * A real Cloudflare stand-in behind the hostile server, which misbehaves only on the change itself: the
 * cutover reads the records back, finds them unchanged, and sends nothing more.
 */
const BATCH: SweepCase[] = (
  ['html-200', 'echo-500', 'hang', 'truncated-json', 'reset', 'redirect-loop'] as const
).map((behaviour) => ({
  id: `dns-cutover (cloudflare): the batch answered ${behaviour}`,
  action: 'dns-cutover' as const,
  expect: 'safe-failure' as const,
  rules: [{ match: (r) => r.method === 'POST' && r.url.includes('/batch'), behaviour }],
  upstream: 'cloudflare' as const,
  inputs: { ...DNS_BASE, provider: 'cloudflare', 'api-url': '{server}/client/v4', timeout: '6s' },
  message: /cloudflare did not accept the change: .*Cloudflare.*The records were read back unchanged/,
}));

/** Per-URL result lines print the URL: a token in its query never reaches the log. */
const SCRUBBED: SweepCase[] = (['html-200', 'echo-500'] as const).map((behaviour) => ({
  id: `latency-probe: token in the URL's query, server ${behaviour}`,
  action: 'latency-probe' as const,
  expect: 'safe-failure' as const,
  behaviour,
  inputs: { ...PROBE_BASE, url: `{server}/health?token=${SECRETS.query}&x=1` },
  message: /\/health\?token=\*\*\*&x=1/,
  exit: behaviour === 'html-200' ? 0 : 1,
}));

export const CASES: SweepCase[] = [...REFUSED, ...HOSTILE, ...CLOUDFLARE, ...BATCH, ...SCRUBBED];
