import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceCheck, topLevelCheck } from '../../src/fly/config/checks.js';
import { durationMs, flyDuration } from '../../src/fly/config/durations.js';
import { httpServiceFor, serviceFor } from '../../src/fly/config/services.js';
import { filesFor, metricsFor, staticsFor } from '../../src/fly/config/extras.js';
import {
  checkMount,
  mountChange,
  mountsFor,
  volumeFor,
  volumeRequestFor,
} from '../../src/fly/config/mounts.js';
import { appliesTo, defaultGroup } from '../../src/fly/config/groups.js';
import { guestFromVm, guestForGroup, hostDedicationFor } from '../../src/fly/config/guest.js';
import { machineConfigOverlay } from '../../src/fly/config/machine-config-overlay.js';
import { initFor, restartFor, shellSplit, stopConfigFor } from '../../src/fly/config/process.js';
import {
  guestPreset,
  memoryBoundsPerCpu,
  parseMemoryMb,
  parseSizeGb,
  presetsLike,
} from '../../src/fly/vm-sizes.js';
import { configOf, EMPTY_TOML, refusal, toml } from './config-fixtures.js';

// The fly.toml conversion at the edges its flyctl-parity cases do not reach: Go's Duration.String() at
// each unit boundary, go-units' sizes, and the refusals (each names the key as written and the fix).
// Every conversion runs inside its test, so a mutant is charged only to the cases that reach it.

describe("Go's Duration.String() for fly.toml durations", () => {
  it.each([
    // value in milliseconds (bareUnitMs = 1) → what fly-go sends
    [0, '0s'],
    [0.000001, '1ns'],
    [0.000999, '999ns'],
    [0.001, '1µs'],
    [0.0015, '1.5µs'],
    [0.999999, '999.999µs'],
    [1, '1ms'],
    [1.05, '1.05ms'],
    [999.999999, '999.999999ms'],
    [1000, '1s'],
    [1000.001, '1.000001s'],
    [1500, '1.5s'],
    [59_999, '59.999s'],
    [60_000, '1m0s'],
    [90_000, '1m30s'],
    [3_599_000, '59m59s'],
    [3_600_000, '1h0m0s'],
    [3_661_500, '1h1m1.5s'],
    [-1500, '-1.5s'],
    [-0.0005, '-500ns'],
  ])('%p ms → %s', (ms, text) => {
    expect(flyDuration(ms, 1)).toBe(text);
  });

  it('reads bare numbers in the caller’s unit and strings as Go durations', () => {
    expect(flyDuration(30, 1000)).toBe('30s');
    expect(flyDuration('1m', 1000)).toBe('1m0s');
    expect(flyDuration('1h0m0.5s', 1)).toBe('1h0m0.5s');
    expect(flyDuration('500ms', 1000)).toBe('500ms');
  });

  it.each([['soon'], [Number.NaN], [Number.POSITIVE_INFINITY], [true], [undefined], [null], [{}]])(
    'gives no duration for %p',
    (value) => {
      expect(flyDuration(value, 1)).toBeUndefined();
    },
  );

  it('gives milliseconds of a Go duration string, undefined for none', () => {
    expect(durationMs('1m0s')).toBe(60_000);
    expect(durationMs('500ms')).toBe(500);
    expect(durationMs(undefined)).toBeUndefined();
  });
});

describe('VM sizes', () => {
  it('copies a preset, so a caller’s change never reaches the table', () => {
    const guest = guestPreset('shared-cpu-1x')!;
    expect(guest).toMatchObject({ cpu_kind: 'shared', cpus: 1, memory_mb: 256 });
    guest.memory_mb = 1;
    expect(guestPreset('shared-cpu-1x')!.memory_mb).toBe(256);
    expect(guestPreset('shared-cpu-9x')).toBeUndefined();
    expect(guestPreset('a100-40gb')).toStrictEqual({
      gpu_kind: 'a100-pcie-40gb',
      gpus: 1,
      cpu_kind: 'performance',
      cpus: 8,
      memory_mb: 32_768,
    });
    expect(guestPreset('a10')?.gpu_kind).toBe('a10');
  });

  it('lists the presets of the same family, sorted, or every preset for an unknown family', () => {
    const performance = presetsLike('performance-9x');
    expect(performance.length).toBeGreaterThan(1);
    expect(performance.every((n) => n.startsWith('performance'))).toBe(true);
    expect(performance).toEqual([...performance].sort());
    const shared = presetsLike('shared-cpu-9x');
    expect(shared.length).toBeGreaterThan(1);
    expect(shared.every((n) => n.startsWith('shared'))).toBe(true);
    const all = presetsLike('a100-40gb');
    expect(all).toEqual([...all].sort());
    expect(all).toEqual(expect.arrayContaining([...performance, ...shared]));
    expect(all.length).toBeGreaterThan(performance.length + shared.length - 1);
  });

  it('bounds memory per CPU by kind', () => {
    expect(memoryBoundsPerCpu('performance')).toEqual([2048, 8192]);
    expect(memoryBoundsPerCpu('shared')).toEqual([256, 2048]);
    expect(memoryBoundsPerCpu(undefined)).toEqual([256, 2048]);
  });

  it.each([
    ['256mb', 256],
    ['256MB', 256],
    ['4G', 4096],
    ['4 GiB', 4096],
    ['1gb', 1024],
    ['1.5g', 1536],
    ['2048k', 2],
    ['1t', 1024 * 1024],
    ['1p', 1024 ** 3],
    [512, 512],
    ['512', 512],
    ['+512', 512],
    [512.5, undefined],
    [0, undefined],
    ['0', undefined],
    ['-5', undefined],
    ['1kb', undefined],
    ['lots', undefined],
    ['1x', undefined],
    ['1 gb extra', undefined],
    ['x1gb', undefined],
    ['1.5', undefined],
    ['1.25g', 1280],
    ['1536.5m', 1536],
    [true, undefined],
  ])('memory %p → %p MB', (value, mb) => {
    expect(parseMemoryMb(value)).toBe(mb);
  });

  it.each([
    ['10gb', 10],
    ['3GB', 3],
    [10, 10],
    ['10', 10],
    ['1tb', 1000],
    ['1500mb', 1],
    ['999mb', 0],
    ['1.9gb', 1],
    ['2000000000b', 2],
    ['2500000000.5', 2],
    ['lots', undefined],
    [[10], undefined],
    [1.5, undefined],
    [null, undefined],
  ])('volume size %p → %p GB', (value, gb) => {
    expect(parseSizeGb(value)).toBe(gb);
  });
});

describe('machine_config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runway-machine-config-'));
  const file = join(dir, 'fly.toml');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads inline JSON, [experimental] first, and a .json file next to fly.toml', () => {
    expect(
      machineConfigOverlay(toml(`machine_config = '{"dns": {"skip_registration": true}}'`, file)),
    ).toEqual({
      dns: { skip_registration: true },
    });
    expect(
      machineConfigOverlay(
        toml(`machine_config = '{"a": 1}'\n[experimental]\nmachine_config = '{"b": 2}'`, file),
      ),
    ).toEqual({ b: 2 });
    writeFileSync(join(dir, 'overlay.json'), '{"c": 3}');
    expect(machineConfigOverlay(toml(`machine_config = "overlay.json"`, file))).toEqual({ c: 3 });
    expect(machineConfigOverlay(toml('', file))).toBeUndefined();
  });

  writeFileSync(join(dir, 'array.json'), '[1]');

  it.each([
    [
      `machine_config = "overlay.yaml"`,
      /machine_config "overlay\.yaml" is neither inline JSON nor a \.json file\..*Fix: write machine_config = /,
    ],
    [`machine_config = '{"dns": '`, /machine_config cannot be read as JSON: .+\..*Fix: fix the JSON\./],
    [`[experimental]\nmachine_config = '{"dns": '`, /\[experimental\] machine_config cannot be read as JSON/],
    [`machine_config = "missing.json"`, /machine_config cannot be read as JSON: .*ENOENT/],
    [
      `machine_config = '{"x": 1}'\n[experimental]\nmachine_config = "array.json"`,
      /\[experimental\] machine_config must be a JSON object\..*Fix: write a \{\.\.\.\} Machine config\./,
    ],
    [`machine_config = '{"containers": []}'`, /machine_config containers is not supported by Runway/],
    [`machine_config = '{"volumes": []}'`, /machine_config volumes is not supported by Runway/],
  ])('refuses %s', (text, message) => {
    expect(refusal(() => machineConfigOverlay(toml(text, file)))).toMatch(message);
  });
});

describe('refusals name the key as written', () => {
  it.each([
    [
      '[http_service]\ninternal_port = 8080\nauto_stop_machines = "pause"',
      /auto_stop_machines "pause" is not off, stop or suspend/,
    ],
    ['[http_service]\nforce_https = true', /\[http_service\] needs internal_port\./],
    [
      '[[statics]]\nguest_path = "/app/public"',
      /\[\[statics\]\] #1 needs url_prefix\..*Fix: write guest_path = "\/app\/public" and url_prefix = "\/static\/"\./,
    ],
    ['[[statics]]\nurl_prefix = "/s/"\nguest_path = ""', /\[\[statics\]\] #1 needs guest_path\./],
    [
      '[[files]]\nraw_value = "x"',
      /\[\[files\]\] #1 needs guest_path\..*Fix: write guest_path = "\/etc\/app\/config\.json"\./,
    ],
    [
      '[[restart]]\npolicy = "sometimes"',
      /\[\[restart\]\] #1 policy "sometimes" is not always, never or on-failure\./,
    ],
    ['[[vm]]\ncpu_kind = "gpu"', /cpu_kind "gpu" is not shared or performance\./],
    ['[checks.alive]\ntype = "tcp"\nport = 80\ninterval = "soon"', /interval "soon" is not a duration\./],
    [
      '[processes]\napp = "run \\\\"',
      /\[processes\] app: nothing after the final \\ in command: run \\\..*Fix: close the quote/,
    ],
  ])('%s', (text, message) => {
    expect(refusal(() => configOf(text))).toMatch(message);
  });
});

describe('auto_stop_machines as fly-go sends it', () => {
  it.each([
    ['true', true],
    ['"stop"', true],
    ['"true"', true],
    ['false', false],
    ['"off"', false],
    ['"false"', false],
    ['"suspend"', 'suspend'],
  ])('%s → %p', (value, sent) => {
    const config = configOf(`[http_service]\ninternal_port = 8080\nauto_stop_machines = ${value}`);
    expect(config.services?.[0]).toMatchObject({ autostop: sent });
  });

  it('leaves it out when fly.toml does', () => {
    expect(configOf('[http_service]\ninternal_port = 8080').services?.[0].autostop).toBeUndefined();
  });
});

describe('[[files]]', () => {
  it('sends a secret or a raw value as given, and a later entry without content removes the path', () => {
    const config = configOf(
      '[[files]]\nguest_path = "/a"\nsecret_name = "A"\n[[files]]\nguest_path = "/b"\nraw_value = "hi"\n[[files]]\nguest_path = "/c"\nraw_value = "x"\n[[files]]\nguest_path = "/c"',
    );
    expect(config.files).toEqual([
      { guest_path: '/a', secret_name: 'A' },
      { guest_path: '/b', raw_value: Buffer.from('hi').toString('base64') },
    ]);
    expect(configOf('[[files]]\nguest_path = "/c"').files).toEqual([{ guest_path: '/c' }]);
    expect(configOf('').files).toBeUndefined();
  });
});

describe('shell words', () => {
  it.each([
    ['run "a b" c', ['run', 'a b', 'c']],
    ["run 'a \\ b'", ['run', 'a \\ b']],
    ['run a\\ b', ['run', 'a b']],
    ['run ""', ['run', '']],
    ['  run\t\na  ', ['run', 'a']],
  ])('%s', (command, words) => {
    expect(shellSplit(command)).toEqual(words);
  });

  it('refuses a final backslash', () => {
    expect(() => shellSplit('run \\')).toThrow('nothing after the final \\ in command: run \\');
  });
});

describe('health checks as fly-go sends them', () => {
  const file = EMPTY_TOML;
  const httpFields = {
    method: 'get',
    path: '/healthz',
    protocol: 'https',
    tls_skip_verify: false,
    tls_server_name: 'app.example',
    headers: [{ name: 'X-Probe' }, { name: 'X-Env', value: 'ci' }],
  };

  it('copies every http field a service check writes, as written, a listed header without value as ""', () => {
    expect(
      serviceCheck(file, '[[services.http_checks]] #1', { ...httpFields, interval: 1500 }, 'http'),
    ).toStrictEqual({
      type: 'http',
      interval: '1.5s',
      method: 'get',
      path: '/healthz',
      protocol: 'https',
      tls_skip_verify: false,
      tls_server_name: 'app.example',
      headers: [
        { name: 'X-Probe', values: [''] },
        { name: 'X-Env', values: ['ci'] },
      ],
    });
  });

  it('leaves out http fields of the wrong type and every http field of a tcp check', () => {
    const wrong = {
      method: 1,
      path: 5,
      protocol: 5,
      tls_skip_verify: 'yes',
      tls_server_name: 7,
      headers: {},
    };
    expect(serviceCheck(file, 'c', wrong, 'http')).toStrictEqual({ type: 'http' });
    expect(serviceCheck(file, 'c', { ...httpFields, timeout: 2000 }, 'tcp')).toStrictEqual({
      type: 'tcp',
      timeout: '2s',
    });
  });

  it('upper-cases the method of a [checks] entry only, and takes a missing port from [http_service]', () => {
    const check = topLevelCheck(file, 'alive', { type: 'http', ...httpFields }, 'app', {
      internal_port: 8080,
    });
    expect(check).toMatchObject({ type: 'http', port: 8080, method: 'GET', path: '/healthz' });
    expect(
      topLevelCheck(file, 'alive', { type: 'tcp', port: 9000 }, 'app', { internal_port: 8080 }),
    ).toStrictEqual({
      type: 'tcp',
      port: 9000,
    });
  });

  it('refuses a duration with the key as written and the fix', () => {
    expect(
      refusal(() => serviceCheck(file, '[[services.tcp_checks]] #1', { grace_period: 'soon' }, 'tcp')),
    ).toBe(
      'input \'config\': fly.toml: [[services.tcp_checks]] #1 grace_period "soon" is not a duration. Fix: write e.g. "10s" (a bare number is milliseconds).',
    );
    expect(refusal(() => topLevelCheck(file, 'alive', { type: 'tcp' }, 'worker', undefined))).toBe(
      'input \'config\': fly.toml: [checks.alive] has no port set and process group "worker" has no [http_service] to take it from. Fix: set port = 8080 in [checks.alive], or add an [http_service] for "worker".',
    );
  });
});

describe('[[vm]] sizing', () => {
  const file = EMPTY_TOML;
  const guest = (vm: Record<string, unknown>, host?: string) => guestFromVm(file, vm, '[[vm]]', host);
  const refused = (vm: Record<string, unknown>) => refusal(() => guest(vm));

  it('starts from shared-cpu-1x, the named preset, or performance-8x when only a GPU kind is given', () => {
    expect(guest({})).toStrictEqual({ cpu_kind: 'shared', cpus: 1, memory_mb: 256 });
    expect(guest({ memory: '512mb' })).toStrictEqual({ cpu_kind: 'shared', cpus: 1, memory_mb: 512 });
    expect(guest({ size: '' })).toStrictEqual({ cpu_kind: 'shared', cpus: 1, memory_mb: 256 });
    expect(guest({ size: 2 })).toStrictEqual({ cpu_kind: 'shared', cpus: 1, memory_mb: 256 });
    expect(guest({ size: 'performance-2x' })).toStrictEqual({
      cpu_kind: 'performance',
      cpus: 2,
      memory_mb: 4096,
    });
    expect(guest({ gpu_kind: 'l40s' })).toStrictEqual({
      cpu_kind: 'performance',
      cpus: 8,
      memory_mb: 16_384,
      gpu_kind: 'l40s',
    });
  });

  it('keeps the preset where a field is written empty (flyctl copies only set fields)', () => {
    // Every guest field written, all but gpu_kind empty: the GPU default preset shows through.
    const empty = {
      cpu_kind: '',
      cpus: 0,
      memory_mb: 0,
      max_memory_mb: 0,
      gpus: 0,
      gpu_kind: 'a10',
      host_dedication_id: '',
      persist_rootfs: false,
      kernel_args: [],
    };
    expect(guest(empty)).toStrictEqual({
      cpu_kind: 'performance',
      cpus: 8,
      memory_mb: 16_384,
      gpu_kind: 'a10',
    });
  });

  it('copies every field written with a value over the preset, and the group’s host dedication', () => {
    expect(
      guest(
        { size: 'shared-cpu-1x', cpus: 2, memory_mb: 1024, persist_rootfs: true, kernel_args: ['quiet'] },
        'host-1',
      ),
    ).toStrictEqual({
      cpu_kind: 'shared',
      cpus: 2,
      memory_mb: 1024,
      host_dedication_id: 'host-1',
      persist_rootfs: true,
      kernel_args: ['quiet'],
    });
  });

  it.each([
    // [cpu kind, cpus, MB]: Fly's per-CPU bounds are inclusive
    ['shared', 1, 256, true],
    ['shared', 1, 255, false],
    ['shared', 1, 2048, true],
    ['shared', 1, 2049, false],
    ['shared', 2, 511, false],
    ['shared', 2, 4096, true],
    ['shared', 2, 4097, false],
    ['performance', 1, 2048, true],
    ['performance', 1, 2047, false],
    ['performance', 1, 8192, true],
    ['performance', 1, 8193, false],
  ])('%s × %p CPU with %p MB accepted: %p', (kind, cpus, mb, accepted) => {
    const vm = { cpu_kind: kind, cpus, memory_mb: mb };
    if (accepted) expect(guest(vm)).toStrictEqual(vm);
    else
      expect(refused(vm)).toBe(
        `input 'config': fly.toml: [[vm]] ${mb} MB on ${cpus} ${kind} CPU(s) is outside Fly's ${kind === 'shared' ? '256–2048' : '2048–8192'} MB per CPU, so the Machines API would refuse it. Fix: change memory or cpus (or pick a size preset).`,
      );
  });

  it('refuses a CPU count that is not a whole number even when the memory fits it', () => {
    expect(refused({ cpus: 1.5, memory_mb: 512 })).toBe(
      "input 'config': fly.toml: [[vm]] cpus 1.5 is not a whole number. Fix: write it without quotes, e.g. cpus = 2.",
    );
  });

  it('refuses an unknown preset, listing its family with the fix', () => {
    expect(refused({ size: 'shared-cpu-3x' })).toBe(
      'input \'config\': fly.toml: [[vm]] size "shared-cpu-3x" is not a Fly preset. Fix: use one of: shared-cpu-1x, shared-cpu-2x, shared-cpu-4x, shared-cpu-6x, shared-cpu-8x.',
    );
  });

  it('refuses a CPU kind Fly does not have, with the fix', () => {
    expect(refused({ cpu_kind: 'gpu' })).toBe(
      'input \'config\': fly.toml: [[vm]] cpu_kind "gpu" is not shared or performance. Fix: use "shared" or "performance".',
    );
  });

  it.each([
    ['"1gb"', 1024],
    ['2048', 2048],
  ])('reads memory = %s as %p MB', (value, mb) => {
    expect(guestForGroup(toml(`[[vm]]\nmemory = ${value}`), 'app')?.memory_mb).toBe(mb);
  });

  it.each([
    // A number is read as its decimal text (flyctl formats it first), so 1e21 is no size; a list is none either.
    ['1e21', '1e+21'],
    ['[512]', '[512]'],
    ['0', '0'],
  ])('refuses memory = %s with the fix', (value, shown) => {
    expect(refusal(() => guestForGroup(toml(`[[vm]]\nmemory = ${value}`), 'app'))).toBe(
      `input 'config': fly.toml: [[vm]] memory ${shown} is not a size above zero. Fix: write e.g. "256mb" or "1gb".`,
    );
  });

  it('takes the host dedication from the group’s [[vm]] when it sets one, else from the top level', () => {
    const top = 'host_dedication_id = "top"\n';
    expect(hostDedicationFor(toml(`${top}[[vm]]\nhost_dedication_id = "vm"`), 'app')).toBe('vm');
    expect(hostDedicationFor(toml(`${top}[[vm]]\nhost_dedication_id = ""`), 'app')).toBe('top');
    expect(hostDedicationFor(toml(`${top}[[vm]]\nmemory = "512mb"`), 'app')).toBe('top');
    expect(hostDedicationFor(toml('[[vm]]\nmemory = "512mb"'), 'app')).toBeUndefined();
    expect(guestForGroup(toml(`${top}[[vm]]\nmemory = "512mb"`), 'app')?.host_dedication_id).toBe('top');
    expect(guestForGroup(toml(top), 'app')).toBeUndefined();
  });
});

describe('process groups', () => {
  it('defaults to app with no [processes], when app is defined, else to the first name in order', () => {
    expect(defaultGroup(toml(''))).toBe('app');
    expect(defaultGroup(toml('[processes]\nweb = "w"\napp = "a"'))).toBe('app');
    expect(defaultGroup(toml('[processes]\nweb = "w"\nqueue = "q"'))).toBe('queue');
  });

  it('applies a section listing "" to the default group only', () => {
    const file = toml('[processes]\napp = "a"\nworker = "w"');
    expect(appliesTo(file, { processes: [''] }, 'app')).toBe(true);
    expect(appliesTo(file, { processes: [''] }, 'worker')).toBe(false);
    expect(appliesTo(file, { processes: ['worker'] }, 'worker')).toBe(true);
    expect(appliesTo(file, {}, 'worker')).toBe(false);
    expect(appliesTo(file, {}, 'app')).toBe(true);
  });
});

describe('services as fly-go sends them', () => {
  const file = EMPTY_TOML;

  it('expands [http_service] to ports 80 and 443 with its options, scaling and checks', () => {
    const service = httpServiceFor(file, {
      internal_port: 8080,
      force_https: true,
      http_options: { h2_backend: true },
      tls_options: { alpn: ['h2'] },
      auto_stop_machines: 'suspend',
      auto_start_machines: 1,
      min_machines_running: 0,
      concurrency: { type: 'requests', hard_limit: 25, soft_limit: '20' },
      checks: [{ path: '/up' }],
    });
    expect(service).toStrictEqual({
      protocol: 'tcp',
      internal_port: 8080,
      ports: [
        { port: 80, handlers: ['http'], force_https: true, http_options: { h2_backend: true } },
        {
          port: 443,
          handlers: ['http', 'tls'],
          http_options: { h2_backend: true },
          tls_options: { alpn: ['h2'] },
        },
      ],
      concurrency: { type: 'requests', hard_limit: 25, soft_limit: 20 },
      autostop: 'suspend',
      autostart: true,
      min_machines_running: 0,
      checks: [{ type: 'http', path: '/up' }],
    });
  });

  it('sends only what [http_service] and [[services]] write: no options, scaling, checks or empty limits', () => {
    expect(
      httpServiceFor(file, { internal_port: 8080, concurrency: { type: '', hard_limit: 0 } }),
    ).toStrictEqual({
      protocol: 'tcp',
      internal_port: 8080,
      ports: [
        { port: 80, handlers: ['http'] },
        { port: 443, handlers: ['http', 'tls'] },
      ],
      concurrency: {},
    });
    expect(serviceFor(file, { protocol: '', internal_port: 5432, ports: [{}] }, 0)).toStrictEqual({
      internal_port: 5432,
      ports: [{}],
    });
  });

  it('copies each [[services.ports]] field written, tcp checks before http checks', () => {
    const service = serviceFor(
      file,
      {
        protocol: 'udp',
        internal_port: 5000,
        ports: [
          { port: '53', handlers: ['dns'], force_https: true, proxy_proto_options: { version: 'v2' } },
          {
            start_port: 6000,
            end_port: '6010',
            tls_options: { alpn: ['h2'] },
            http_options: { compress: true },
          },
        ],
        http_checks: { path: '/h', interval: 1000 },
        tcp_checks: [{ timeout: 2000 }],
      },
      0,
    );
    expect(service).toStrictEqual({
      protocol: 'udp',
      internal_port: 5000,
      ports: [
        { port: 53, handlers: ['dns'], force_https: true, proxy_proto_options: { version: 'v2' } },
        { start_port: 6000, end_port: 6010, tls_options: { alpn: ['h2'] }, http_options: { compress: true } },
      ],
      checks: [
        { type: 'tcp', timeout: '2s' },
        { type: 'http', interval: '1s', path: '/h' },
      ],
    });
  });

  it.each([
    [
      () => serviceFor(file, { internal_port: 1, tcp_checks: [{}, { interval: 'soon' }] }, 1),
      '[[services]] #2 tcp_checks #2 interval "soon" is not a duration.',
    ],
    [
      () => serviceFor(file, { internal_port: 1, http_checks: [{}, {}, { timeout: 'x' }] }, 2),
      '[[services]] #3 http_checks #3 timeout "x" is not a duration.',
    ],
    [
      () => httpServiceFor(file, { internal_port: 1, checks: [{}, { interval: 'soon' }] }),
      '[[http_service.checks]] #2 interval "soon" is not a duration.',
    ],
    [
      () => httpServiceFor(file, { internal_port: 1, auto_stop_machines: 'pause' }),
      '[http_service] auto_stop_machines "pause" is not off, stop or suspend. Fix: use "off", "stop" or "suspend".',
    ],
    [
      () => httpServiceFor(file, { internal_port: '8080' }),
      '[http_service] needs internal_port. Fix: write internal_port = 8080 (the port the app listens on).',
    ],
  ])('names the section and entry it refuses (%#)', (convert, message) => {
    expect(refusal(convert)).toContain(`fly.toml: ${message}`);
  });
});

describe('[[statics]], [metrics] and [[files]] as flyctl sends them', () => {
  it('refuses a statics path that is not text', () => {
    expect(refusal(() => staticsFor(toml('[[statics]]\nguest_path = 5\nurl_prefix = "/s/"')))).toContain(
      '[[statics]] #1 needs guest_path.',
    );
  });

  it('keeps the metrics fields written with the right type only', () => {
    expect(metricsFor(toml('[metrics]\nport = "9091"\npath = "/m"\nhttps = true'), 'app')).toStrictEqual({
      port: 9091,
      path: '/m',
      https: true,
    });
    expect(metricsFor(toml('[metrics]\npath = 5\nhttps = "true"'), 'app')).toStrictEqual({});
    expect(metricsFor(toml('[metrics]\npath = ""'), 'app')).toStrictEqual({});
  });

  it('reads only text content fields, and a later entry with a secret replaces an earlier one', () => {
    const files = filesFor(
      toml(
        [
          '[[files]]\nguest_path = "/a"\nlocal_path = 5\nraw_value = "hi"',
          '[[files]]\nguest_path = "/b"\nsecret_name = 5\nraw_value = "x"',
          '[[files]]\nguest_path = "/c"\nraw_value = 5',
          '[[files]]\nguest_path = "/d"\nraw_value = "x"',
          '[[files]]\nguest_path = "/d"\nsecret_name = "D"',
        ].join('\n'),
      ),
    );
    expect(files).toStrictEqual([
      { guest_path: '/a', raw_value: Buffer.from('hi').toString('base64') },
      { guest_path: '/b', raw_value: Buffer.from('x').toString('base64') },
      { guest_path: '/c' },
      { guest_path: '/d', secret_name: 'D' },
    ]);
  });

  it('refuses a guest_path that is not text, and a local_path it cannot read, with the fix', () => {
    expect(refusal(() => filesFor(toml('[[files]]\nguest_path = 5')))).toContain(
      '[[files]] #1 needs guest_path.',
    );
    const dir = mkdtempSync(join(tmpdir(), 'runway-files-'));
    try {
      const file = join(dir, 'fly.toml');
      expect(
        refusal(() => filesFor(toml('[[files]]\nguest_path = "/a"\nlocal_path = "gone.json"', file))),
      ).toBe(
        `input 'config': ${file}: [[files]] #1 local_path "gone.json" cannot be read (ENOENT). Fix: commit the file at ${join(dir, 'gone.json')}, or use raw_value / secret_name.`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('[[mounts]] as flyctl validates and sends them', () => {
  const file = EMPTY_TOML;
  const check = (m: Record<string, unknown>) =>
    checkMount(file, { source: 'data', destination: '/data', ...m }, '[[mounts]] #1');
  const refused = (m: Record<string, unknown>) => refusal(() => check(m));

  it('accepts every limit at its edge and sends the auto-extend settings', () => {
    expect(
      check({
        initial_size: 1,
        snapshot_retention: 60,
        auto_extend_size_threshold: 99,
        auto_extend_size_increment: '100gb',
        auto_extend_size_limit: 500,
      }),
    ).toStrictEqual({
      path: '/data',
      name: 'data',
      extend_threshold_percent: 99,
      add_size_gb: 100,
      size_gb_limit: 500,
    });
    expect(
      check({
        initial_size: '',
        snapshot_retention: 1,
        auto_extend_size_threshold: 50,
        auto_extend_size_increment: 1,
      }),
    ).toStrictEqual({
      path: '/data',
      name: 'data',
      extend_threshold_percent: 50,
      add_size_gb: 1,
    });
  });

  it.each([
    [{ source: 5 }, '[[mounts]] #1 needs source. Fix: write source = "data" and destination = "/data".'],
    [{ destination: '' }, '[[mounts]] #1 needs destination.'],
    [{ initial_size: 0 }, '[[mounts]] #1 initial_size 0 is smaller than 1GB. Fix: write e.g. "10gb".'],
    [{ initial_size: 10.5 }, '[[mounts]] #1 initial_size 10.5 is smaller than 1GB.'],
    [{ initial_size: [10] }, '[[mounts]] #1 initial_size [10] is not a size.'],
    [{ initial_size: 'lots' }, '[[mounts]] #1 initial_size "lots" is not a size.'],
    [
      { snapshot_retention: 0 },
      'snapshot_retention must be 1 to 60 days, not 0. Fix: set e.g. snapshot_retention = 5.',
    ],
    [{ snapshot_retention: 61 }, 'snapshot_retention must be 1 to 60 days, not 61.'],
    [{ snapshot_retention: 5.5 }, 'snapshot_retention must be 1 to 60 days, not 5.5.'],
    [
      { auto_extend_size_threshold: 50, auto_extend_size_increment: '101gb' },
      'auto_extend_size_increment "101gb" is not from 1GB to 100GB.',
    ],
    [
      { auto_extend_size_threshold: 50, auto_extend_size_increment: 1, auto_extend_size_limit: 501 },
      'auto_extend_size_limit 501 is not from 1GB to 500GB.',
    ],
    [
      { auto_extend_size_limit: 10 },
      'auto-extend needs auto_extend_size_threshold from 50 to 99 and auto_extend_size_increment from 1GB to 100GB. Fix: set all of auto_extend_size_threshold, auto_extend_size_increment (and optionally auto_extend_size_limit), or none.',
    ],
    [{ auto_extend_size_threshold: 49, auto_extend_size_increment: 1 }, 'auto-extend needs'],
    [{ auto_extend_size_threshold: 100, auto_extend_size_increment: 1 }, 'auto-extend needs'],
    [{ auto_extend_size_threshold: 60 }, 'auto-extend needs'],
  ])('refuses %p', (m, message) => {
    expect(refused(m)).toContain(message);
  });

  const twoGroups = (mounts: string) => toml(`[processes]\napp = "a"\nworker = "w"\n${mounts}`);

  it('names the entry it refuses and refuses two for one group', () => {
    const mounts = '[[mounts]]\nsource = "w"\ndestination = "/w"\nprocesses = ["worker"]\n';
    expect(
      refusal(() =>
        mountsFor(
          twoGroups(`${mounts}[[mounts]]\nsource = "a"\ndestination = "/a"\ninitial_size = 0`),
          'app',
        ),
      ),
    ).toContain('[[mounts]] #2 initial_size 0 is smaller than 1GB.');
    expect(
      refusal(() =>
        mountsFor(
          twoGroups(`${mounts}[[mounts]]\nsource = "b"\ndestination = "/b"\nprocesses = ["worker"]`),
          'worker',
        ),
      ),
    ).toBe(
      'input \'config\': fly.toml: process group "worker" has more than one [[mounts]] section. Fix: give each group at most one volume (set processes on each [[mounts]]).',
    );
  });

  it('sizes and places a volume from its own group’s [[mounts]], even when another group uses the name', () => {
    const file2 = twoGroups(
      '[[mounts]]\nsource = "data"\ndestination = "/w"\ninitial_size = 5\nsnapshot_retention = 3\nprocesses = ["worker"]\n' +
        '[[mounts]]\nsource = "data"\ndestination = "/a"\ninitial_size = "7gb"\nprocesses = ["app"]',
    );
    expect(volumeFor(file2, 'app')).toStrictEqual({ name: 'data', path: '/a', initialSizeGb: 7 });
    expect(volumeRequestFor(file2, 'app', { region: 'sin', image: 'img:1' })).toStrictEqual({
      name: 'data',
      region: 'sin',
      size_gb: 7,
      encrypted: true,
      compute: { cpu_kind: 'shared', cpus: 1, memory_mb: 256 },
      compute_image: 'img:1',
    });
    expect(volumeRequestFor(file2, 'worker', { region: 'sin', image: 'img:1' })).toMatchObject({
      size_gb: 5,
      snapshot_retention: 3,
    });
  });
});

describe('what an update does to a Machine’s volume', () => {
  const data = { name: 'data', path: '/data', volume: 'vol_1' };

  it.each([
    [undefined, undefined, { mounts: undefined, replace: false }],
    [
      undefined,
      [{ name: 'data', path: '/data' }],
      {
        mounts: [{ name: 'data', path: '/data' }],
        replace: true,
        needsVolume: 'data',
        reason: '[mounts] was added',
      },
    ],
    [[data], undefined, { mounts: undefined, replace: true, reason: '[mounts] was removed' }],
    [
      [data],
      [{ name: 'logs', path: '/data' }],
      {
        mounts: [{ name: 'logs', path: '/data' }],
        replace: true,
        needsVolume: 'logs',
        reason: 'the Machine has volume "data" but fly.toml mounts "logs"',
      },
    ],
    [
      [data],
      [{ name: 'data', path: '/srv', add_size_gb: 5 }],
      {
        mounts: [{ name: 'data', path: '/srv', volume: 'vol_1', add_size_gb: 5 }],
        replace: false,
        reason: 'the mount path changes from /data to /srv',
      },
    ],
    [[{ ...data, add_size_gb: 5 }], [{ name: 'data', path: '/data' }], { mounts: [data], replace: false }],
  ])('%p → %p gives %p', (existing, fresh, change) => {
    expect(mountChange(existing, fresh)).toStrictEqual(change);
  });
});

describe('init, stop_config and restart as flyctl sets them', () => {
  it('clears the Machine’s cmd, entrypoint and exec that fly.toml no longer sets, keeping other init fields', () => {
    // tty stands for a field fly.toml has no say in; a variable, as the init type does not list it.
    const current = { cmd: ['old'], entrypoint: ['sh'], exec: ['x'], tty: true };
    expect(initFor(toml(''), 'app', current)).toStrictEqual({ tty: true });
  });

  it('sends kill_signal and kill_timeout only when written', () => {
    expect(stopConfigFor(toml('kill_signal = "SIGINT"'))).toStrictEqual({ signal: 'SIGINT' });
    expect(stopConfigFor(toml('kill_timeout = 30'))).toStrictEqual({ timeout: '30s' });
    expect(stopConfigFor(toml(''))).toBeUndefined();
  });

  it('maps restart policies to fly-go’s words and refuses others with the fix', () => {
    expect(restartFor(toml('[[restart]]\npolicy = "never"'), 'app')).toStrictEqual({ policy: 'no' });
    expect(restartFor(toml('[[restart]]\npolicy = "on-failure"\nretries = 3'), 'app')).toStrictEqual({
      policy: 'on-failure',
      max_retries: 3,
    });
    expect(refusal(() => restartFor(toml('[[restart]]\npolicy = "sometimes"'), 'app'))).toMatch(
      /is not always, never or on-failure\. Fix: use one of those\.$/,
    );
  });
});
