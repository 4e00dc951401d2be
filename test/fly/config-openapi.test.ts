/**
 * Every Machine config Runway builds from fly.toml uses only fields the Machines API declares, with the
 * declared types (test/fixtures/fly/machines-openapi.json): a misspelt field would be dropped by Fly
 * without a word, which is exactly the silent loss issue 9 is about.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { InputError } from '../../src/core/errors.js';
import { parseFlyToml, type FlyToml } from '../../src/fly/fly-toml.js';
import {
  machineChecksFor,
  machineConfigFor,
  releaseCommandConfig,
  testMachineConfig,
} from '../../src/fly/machine-config.js';

type Schema = Record<string, unknown> & { $ref?: string; properties?: Record<string, Schema> };

const SPEC = JSON.parse(
  readFileSync(new URL('../fixtures/fly/machines-openapi.json', import.meta.url), 'utf8'),
) as { components: { schemas: Record<string, Schema> } };

const resolveRef = (schema: Schema): Schema =>
  schema.$ref ? resolveRef(SPEC.components.schemas[schema.$ref.split('/').pop()!]) : schema;

/** fly-go still sends auto_stop_machines off/stop as false/true, which the API accepts (MachineService docs). */
const BOOLEAN_TOO = new Set(['services[].autostop']);

function typeOk(type: unknown, value: unknown, where: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'string')
    return typeof value === 'string' || (BOOLEAN_TOO.has(where) && typeof value === 'boolean');
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'number') return typeof value === 'number';
  if (type === 'array') return Array.isArray(value);
  return true;
}

/** Strict walk: every key declared (unless the schema is a free map), every value of its declared type. */
function problems(schema: Schema, value: unknown, where: string, out: string[]): string[] {
  const s = resolveRef((schema.allOf as Schema[] | undefined)?.[0] ?? schema);
  if (value === undefined) return out;
  if (!typeOk(s.type, value, where)) out.push(`${where}: ${JSON.stringify(value)} is not ${String(s.type)}`);
  if (Array.isArray(value) && s.items)
    value.forEach((v) => problems(s.items as Schema, v, `${where}[]`, out));
  if (s.properties && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) {
      const sub = s.properties[key];
      if (!sub) out.push(`${where}.${key} is not a Machines API field`);
      else problems(sub, v, where ? `${where}.${key}` : key, out);
    }
  }
  return out;
}

const MACHINE_CONFIG = SPEC.components.schemas['fly.MachineConfig'];
const dir = new URL('../fixtures/flyctl/appconfig/', import.meta.url);

function loadable(name: string): FlyToml | undefined {
  try {
    return parseFlyToml(readFileSync(new URL(name, dir), 'utf8'), name);
  } catch (error) {
    if (error instanceof InputError) return undefined; // the validation fixtures are meant to be refused
    throw error;
  }
}

/** Runway's own file using every key the conversion supports at once. */
const EVERY_KEY = `app = "every-key"
primary_region = "sin"
kill_signal = "SIGINT"
kill_timeout = 45
swap_size_mb = 256
host_dedication_id = "dedicated-1"
machine_config = '{"rootfs": {"size_gb": 8}, "dns": {"nameservers": ["1.1.1.1"]}}'
[experimental]
entrypoint = ["tini", "--"]
exec = ["/bin/run"]
[deploy]
release_command = "bin/migrate --yes"
release_command_vm = { size = "performance-1x", memory = "4gb" }
[env]
LOG = "info"
[processes]
app = "bin/web"
worker = "bin/worker"
[http_service]
internal_port = 8080
force_https = true
auto_stop_machines = "suspend"
auto_start_machines = true
min_machines_running = 1
processes = ["app"]
[http_service.concurrency]
soft_limit = 10
hard_limit = 20
[http_service.tls_options]
alpn = ["h2"]
[http_service.http_options]
compress = true
[[http_service.checks]]
path = "/up"
interval = "10s"
timeout = 2000
[http_service.checks.headers]
X-Probe = "1"
[[http_service.machine_checks]]
command = ["curl", "-f", "http://$FLY_TEST_MACHINE_IP:8080/up"]
image = "curlimages/curl"
kill_timeout = "5s"
[[services]]
internal_port = 9000
protocol = "udp"
processes = ["worker"]
[[services.ports]]
port = 9000
[[services.tcp_checks]]
interval = "15s"
[checks.metrics]
type = "http"
port = 9091
path = "/metrics"
method = "get"
processes = ["app"]
[[vm]]
memory = "1gb"
cpus = 2
processes = ["app"]
[[compute]]
size = "performance-2x"
processes = ["worker"]
[[mounts]]
source = "data"
destination = "/data"
initial_size = "5gb"
auto_extend_size_threshold = 80
auto_extend_size_increment = "1GB"
auto_extend_size_limit = "20GB"
processes = ["app"]
[[statics]]
guest_path = "/app/public"
url_prefix = "/static/"
[[files]]
guest_path = "/etc/app.conf"
raw_value = "mode=prod"
[[files]]
guest_path = "/etc/key"
secret_name = "KEY"
[metrics]
port = 9091
path = "/metrics"
processes = ["app"]
[[restart]]
policy = "on-failure"
retries = 3
processes = ["worker"]
`;

const files = readdirSync(dir).filter((f) => f.endsWith('.toml'));
const sources: [string, () => FlyToml | undefined][] = [
  ...files.map((name): [string, () => FlyToml | undefined] => [name, () => loadable(name)]),
  ['every-key (Runway)', () => parseFlyToml(EVERY_KEY, 'every-key.toml')],
];
const configs = sources.flatMap(([name, load]) => {
  const toml = load();
  if (!toml) return [];
  const groups = Object.keys(toml.processes).map((group) => {
    try {
      return [
        `${name} ${group}`,
        machineConfigFor(toml, { image: 'img:1', group, releaseVersion: 2, releaseId: 'r' }),
      ] as const;
    } catch (error) {
      if (error instanceof InputError) return undefined; // a check without port and no http_service, etc.
      throw error;
    }
  });
  const release = toml.deploy.releaseCommand
    ? [[`${name} release_command`, releaseCommandConfig(toml, 'img:1', 2)] as const]
    : [];
  const tests = Object.keys(toml.processes).flatMap((group) =>
    machineChecksFor(toml, group).map(
      (check, i) =>
        [
          `${name} machine_checks ${group} #${i + 1}`,
          testMachineConfig(toml, check, { config: { image: 'img:1' } }),
        ] as const,
    ),
  );
  return [...groups.filter((g) => g !== undefined), ...release, ...tests];
});

describe('Machine configs against the Machines API schema', () => {
  it('covers the flyctl fixtures and every key Runway converts', () => {
    expect(configs.length).toBeGreaterThan(30);
    expect(configs.map(([name]) => name).filter((n) => n.startsWith('every-key'))).toEqual([
      'every-key (Runway) app',
      'every-key (Runway) worker',
      'every-key (Runway) release_command',
      'every-key (Runway) machine_checks app #1',
    ]);
    for (const key of ['statics', 'metrics', 'mounts', 'restart', 'dns', 'stop_config', 'files', 'rootfs'])
      expect([key, configs.some(([, c]) => c[key] !== undefined)]).toEqual([key, true]);
  });

  it.each(configs.map(([name, config]) => [name, config] as const))('%s', (_name, config) => {
    expect(problems(MACHINE_CONFIG, config, '', [])).toEqual([]);
  });
});
