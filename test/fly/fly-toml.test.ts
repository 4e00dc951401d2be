import { describe, expect, it } from '@jest/globals';
import { parseFlyToml } from '../../src/fly/fly-toml.js';
import { EMPTY_TOML, refusal, toml } from './config-fixtures.js';

// The fly.toml reader itself (parseFlyToml and its readers), unit tier: each case parses inside its test
// and checks a value read from the file or a refusal as the user reads it (the key as written, the fix).

const said = (problem: string) => `input 'config': fly.toml: ${problem}`;
/** The refusal of `text` under the fixture's app and region. */
const refused = (text: string) => refusal(() => toml(text));
/** The refusal of `text` as the whole file, read under parseFlyToml's default file name. */
const refusedWhole = (text: string) => refusal(() => parseFlyToml(text));

describe('the test fixture for an empty file', () => {
  it('is what the reader makes of it', () => {
    expect(toml('')).toEqual(EMPTY_TOML);
  });
});

describe('TOML syntax', () => {
  it.each([
    [
      'app = "a"\n[http_service\ninternal_port = 8080',
      'is not valid TOML (line 2, column 14): Invalid TOML document: illegal character in key.',
    ],
    ['app = ', 'is not valid TOML (line 1, column 7): Invalid TOML document: invalid value.'],
    [
      'app = "a"\napp = "b"',
      'is not valid TOML (line 2, column 1): Invalid TOML document: trying to redefine an already defined table or value.',
    ],
  ])('refuses %j with the line, the column and the parser’s first line', (text, problem) => {
    expect(refusedWhole(text)).toBe(
      said(`${problem} Fix: fix the syntax; \`fly config validate\` shows the same error.`),
    );
  });

  it('ends the parser’s message with one period whether or not it has one', () => {
    const nested = `app = ${'['.repeat(1001)}${']'.repeat(1001)}`;
    expect(refusedWhole(nested)).toBe(
      said(
        'is not valid TOML (line 1, column 1007): Invalid TOML document: document contains excessively nested structures. aborting. Fix: fix the syntax; `fly config validate` shows the same error.',
      ),
    );
  });
});

describe('keys that must be strings', () => {
  it.each([
    ['app = 5', 'app must be a string, not 5. Fix: quote it: app = "5".'],
    ['primary_region = 5', 'primary_region must be a string, not 5. Fix: quote it: primary_region = "5".'],
    ['kill_signal = 9', 'kill_signal must be a string, not 9. Fix: quote it: kill_signal = "9".'],
    [
      'host_dedication_id = 7',
      'host_dedication_id must be a string, not 7. Fix: quote it: host_dedication_id = "7".',
    ],
    ['machine_config = 1', 'machine_config must be a string, not 1. Fix: quote it: machine_config = "1".'],
    ['[build]\nimage = 5', '[build] image must be a string, not 5. Fix: quote it: image = "5".'],
    ['[deploy]\nstrategy = 1', '[deploy] strategy must be a string, not 1. Fix: quote it: strategy = "1".'],
    [
      '[deploy]\nrelease_command = true',
      '[deploy] release_command must be a string, not true. Fix: quote it: release_command = "true".',
    ],
    [
      '[experimental]\nmachine_config = ["a"]',
      '[experimental] machine_config must be a string, not ["a"]. Fix: quote it: machine_config = "a".',
    ],
  ])('refuses %j', (text, problem) => {
    expect(refusedWhole(text)).toBe(said(problem));
  });

  it('reads each of them as written', () => {
    const read = parseFlyToml(
      [
        'app = "my-app-2"',
        'primary_region = "sin"',
        'host_dedication_id = "dedicated"',
        'machine_config = "machine.json"',
        '[build]',
        'image = "registry.fly.io/a:1"',
        '[deploy]',
        'release_command = "bin/migrate"',
      ].join('\n'),
    );
    expect(read).toMatchObject({
      file: 'fly.toml',
      app: 'my-app-2',
      primaryRegion: 'sin',
      hostDedicationId: 'dedicated',
      machineConfig: 'machine.json',
      buildImage: 'registry.fly.io/a:1',
      deploy: { releaseCommand: 'bin/migrate' },
    });
  });
});

describe('sections that must be tables', () => {
  it.each([
    ['build = "x"', '[build] must be a table. Fix: write a [build] section.'],
    ['deploy = "x"', '[deploy] must be a table. Fix: write a [deploy] section.'],
    [
      '[deploy]\nrelease_command_vm = "x"',
      '[deploy.release_command_vm] must be a table. Fix: write size = "shared-cpu-1x".',
    ],
    ['experimental = "x"', '[experimental] must be a table. Fix: write an [experimental] section.'],
    ['env = "x"', '[env] must be a table of NAME = "value". Fix: write [env] then NAME = "value" lines.'],
    // An array of [env] tables is read one by one, but only when each entry is a table.
    [
      'env = [{ FLY_X = "1" }, 5]',
      '[env] must be a table of NAME = "value". Fix: write [env] then NAME = "value" lines.',
    ],
    [
      'processes = "x"',
      '[processes] must be a table of name = "command". Fix: write [processes] then app = "command".',
    ],
    ['http_service = "x"', '[http_service] must be a table. Fix: write one [http_service] section.'],
    ['checks = "x"', '[checks] must be a table of named checks. Fix: write [checks.name] sections.'],
    ['vm = "big"', '[vm] must be a table or an array of tables ([[vm]]). Fix: write [[vm]] sections.'],
    ['vm = [1, 2]', '[vm] must be a table or an array of tables ([[vm]]). Fix: write [[vm]] sections.'],
    [
      'mounts = [{ source = "data", destination = "/data" }, 1]',
      '[mounts] must be a table or an array of tables ([[mounts]]). Fix: write [[mounts]] sections.',
    ],
  ])('refuses %j', (text, problem) => {
    expect(refused(text)).toBe(said(problem));
  });

  it('reads no [experimental] as none, and no [build] as no image', () => {
    const read = toml('');
    expect(read.experimental).toBeUndefined();
    expect(read.buildImage).toBeUndefined();
  });
});

describe('[deploy]', () => {
  it.each(['rolling', 'bluegreen', 'canary', 'immediate'])('reads strategy %p', (strategy) => {
    expect(toml(`[deploy]\nstrategy = "${strategy}"`).deploy.strategy).toBe(strategy);
  });

  it('refuses a strategy Fly does not have, listing the ones it has', () => {
    expect(refused('[deploy]\nstrategy = "yolo"')).toBe(
      said(
        '[deploy] strategy "yolo" is not a Fly strategy (flyctl refuses it too). Fix: use one of: rolling, bluegreen, canary, immediate.',
      ),
    );
  });

  it.each([
    ['Blue-Green', 'bluegreen'],
    ['ROLLING', 'rolling'],
    ['blue_green', 'bluegreen'],
    ['blue green', 'bluegreen'],
    ['Canary', 'canary'],
  ])('refuses %p as flyctl does, telling the spelling it takes', (written, meant) => {
    expect(refused(`[deploy]\nstrategy = "${written}"`)).toBe(
      said(
        `[deploy] strategy "${written}" is not a Fly strategy (flyctl refuses it too). Fix: write strategy = "${meant}".`,
      ),
    );
  });

  it.each([
    ['0.33', 0.33],
    ['2', 2],
    ['0.01', 0.01],
  ])('reads max_unavailable = %s', (value, expected) => {
    expect(toml(`[deploy]\nmax_unavailable = ${value}`).deploy.maxUnavailable).toBe(expected);
  });

  it.each([
    ['0', '0'],
    ['-1', '-1'],
    ['"many"', '"many"'],
    // flyctl reads it as a float64, so text and booleans are refused however they read.
    ['"2"', '"2"'],
    ['true', 'true'],
  ])('refuses max_unavailable = %s', (value, shown) => {
    expect(refused(`[deploy]\nmax_unavailable = ${value}`)).toBe(
      said(
        `[deploy] max_unavailable must be a number above 0, not ${shown}. Fix: use a count (2) or a fraction (0.33), without quotes.`,
      ),
    );
  });

  it.each(['inf', 'nan'])('refuses max_unavailable = %s (not a finite number)', (value) => {
    expect(refused(`[deploy]\nmax_unavailable = ${value}`)).toMatch(
      /^input 'config': fly\.toml: \[deploy\] max_unavailable must be a number above 0, not /,
    );
  });

  it('reads wait_timeout and release_command_timeout as Go durations', () => {
    const { deploy } = toml('[deploy]\nwait_timeout = "5m"\nrelease_command_timeout = "1m30s"');
    expect(deploy).toMatchObject({ waitTimeoutMs: 300_000, releaseCommandTimeoutMs: 90_000 });
  });

  it('reads a bare number as nanoseconds, as fly-go’s Duration does', () => {
    const { deploy } = toml('[deploy]\nwait_timeout = 300000000000\nrelease_command_timeout = 1500000');
    expect(deploy).toMatchObject({ waitTimeoutMs: 300_000, releaseCommandTimeoutMs: 1.5 });
  });

  it.each([
    ['wait_timeout', '"soon"', 'soon'],
    ['release_command_timeout', 'true', 'true'],
  ])('refuses %s = %s', (key, value, shown) => {
    expect(refused(`[deploy]\n${key} = ${value}`)).toBe(
      said(`[deploy] ${key} "${shown}" is not a duration. Fix: write e.g. "5m".`),
    );
  });

  it('keeps [deploy.release_command_vm] as written', () => {
    expect(toml('[deploy.release_command_vm]\nsize = "shared-cpu-2x"').deploy.releaseCommandVm).toEqual({
      size: 'shared-cpu-2x',
    });
  });
});

describe('[env]', () => {
  it('reads values as Go prints them, from a table or an array of tables', () => {
    expect(toml('[env]\nNAME = "x"\nPORT = 8080\nDEBUG = true\nRATIO = 0.5').env).toEqual({
      NAME: 'x',
      PORT: '8080',
      DEBUG: 'true',
      RATIO: '0.5',
    });
    expect(toml('[[env]]\nA = "1"\n[[env]]\nB = "2"').env).toEqual({ A: '1', B: '2' });
  });

  it.each(['FLY_REGION', 'fly_app_name'])('refuses %s: Fly reserves FLY_ names', (name) => {
    expect(refused(`[env]\n${name} = "x"`)).toBe(
      said(`[env] ${name}: names starting with FLY_ are reserved by Fly. Fix: rename the variable.`),
    );
  });

  it('reads a name that only ends or contains FLY_', () => {
    expect(toml('[env]\nMY_FLY_ = "x"\nNOT_FLY_APP = "y"').env).toEqual({ MY_FLY_: 'x', NOT_FLY_APP: 'y' });
  });

  it.each(['[1]', '{ a = 1 }'])('refuses a value that is not a scalar: %s', (value) => {
    expect(refused(`[env]\nA = ${value}`)).toBe(said('[env] A must be a string. Fix: write A = "value".'));
  });
});

describe('[processes]', () => {
  it('reads name = "command", with - and _ in names', () => {
    expect(toml('[processes]\nweb = "run web"\nworker_2 = "run worker"\nside-car = ""').processes).toEqual({
      web: 'run web',
      worker_2: 'run worker',
      'side-car': '',
    });
  });

  it('reads the old [[processes]] array, dropping unnamed entries; a missing command is the image’s', () => {
    const text =
      '[[processes]]\nname = "web"\ncommand = "run"\n[[processes]]\nname = "worker"\n[[processes]]\ncommand = "x"';
    expect(toml(text).processes).toEqual({ web: 'run', worker: '' });
  });

  it('counts the old array’s named groups: a service must then say which it serves', () => {
    const text = '[[processes]]\nname = "web"\ncommand = "run"\n[http_service]\ninternal_port = 8080';
    expect(refused(text)).toBe(
      said(
        '[http_service] has no processes set but [processes] defines 1 group(s) (flyctl refuses this too). Fix: set processes = ["web"] (the groups that serve it) in [http_service].',
      ),
    );
  });

  it('with only unnamed [[processes]] entries, has the one default group', () => {
    const read = toml('[[processes]]\ncommand = "x"\n[http_service]\ninternal_port = 8080');
    expect(read.processes).toEqual({ app: '' });
  });

  it.each(['!web', 'web!', 'web app'])('refuses the group name %p', (name) => {
    expect(refused(`[processes]\n"${name}" = "run"`)).toBe(
      said(
        `[processes] name "${name}" may only use letters, digits, - and _. Fix: rename the process group.`,
      ),
    );
  });

  it('refuses a command that is not a string', () => {
    expect(refused('[processes]\nweb = ["run"]')).toBe(
      said('[processes] web must be a command string. Fix: write web = "command".'),
    );
  });
});

describe('[http_service]', () => {
  it('keeps the section as written', () => {
    expect(toml('[http_service]\ninternal_port = 8080\nforce_https = true').httpService).toEqual({
      internal_port: 8080,
      force_https: true,
    });
  });

  it.each([
    ['"8080"', '"8080"'],
    ['80.5', '80.5'],
  ])('refuses internal_port = %s', (value, shown) => {
    expect(refused(`[http_service]\ninternal_port = ${value}`)).toBe(
      said(
        `[http_service] internal_port must be a whole number, not ${shown}. Fix: write e.g. internal_port = 8080.`,
      ),
    );
  });
});

describe('[[services]]', () => {
  it.each([
    ['"+8080"', 8080],
    ['"08080"', 8080],
  ])('reads internal_port = %s as strconv.Atoi does', (value, port) => {
    expect(toml(`[[services]]\ninternal_port = ${value}`).services[0].internal_port).toBe(port);
  });

  it('reads a numeric string port and the old "soft,hard" concurrency', () => {
    expect(toml('[[services]]\ninternal_port = "8080"\nconcurrency = "10,20"').services).toStrictEqual([
      { internal_port: 8080, concurrency: { type: 'requests', hard_limit: 20, soft_limit: 10 } },
    ]);
  });

  it('drops empty sections and adds no concurrency a service does not set', () => {
    expect(toml('[[services]]\n[[services]]\ninternal_port = 9000').services).toStrictEqual([
      { internal_port: 9000 },
    ]);
  });

  it('keeps a concurrency table as written', () => {
    const text =
      '[[services]]\ninternal_port = 9000\n[services.concurrency]\ntype = "connections"\nhard_limit = 5';
    expect(toml(text).services[0].concurrency).toEqual({ type: 'connections', hard_limit: 5 });
  });

  it.each([
    ['[[services]]\ninternal_port = 8080\n[[services]]\nprotocol = "tcp"', 2],
    ['[[services]]\ninternal_port = true', 1],
    // flyctl casts a text port with strconv.Atoi: decimal digits only.
    ['[[services]]\ninternal_port = ""', 1],
    ['[[services]]\ninternal_port = "0x1F90"', 1],
    ['[[services]]\ninternal_port = " 80"', 1],
    ['[[services]]\ninternal_port = "1e3"', 1],
    ['[[services]]\ninternal_port = "80.0"', 1],
  ])('refuses a service without a whole-number internal_port: %j', (text, n) => {
    expect(refused(text)).toBe(
      said(`[[services]] #${n} needs internal_port as a whole number. Fix: write internal_port = 8080.`),
    );
  });

  it.each([
    ['[10, 20]', '[10,20]'],
    ['"x10,20"', '"x10,20"'],
    ['"10,20x"', '"10,20x"'],
    ['"10"', '"10"'],
  ])('refuses concurrency = %s', (value, shown) => {
    expect(refused(`[[services]]\ninternal_port = 8080\nconcurrency = ${value}`)).toBe(
      said(
        `[[services]] #1 concurrency ${shown} is neither a table nor the old "soft,hard" string. Fix: write a [services.concurrency] table with type, soft_limit and hard_limit.`,
      ),
    );
  });
});

describe('[checks]', () => {
  it('reads named checks from [checks.name] tables', () => {
    expect(toml('[checks.alive]\ntype = "tcp"\nport = 8080').checks).toEqual({
      alive: { type: 'tcp', port: 8080 },
    });
  });

  it('reads the old [[checks]] array by name', () => {
    const text =
      '[[checks]]\nname = "alive"\ntype = "tcp"\n[[checks]]\nname = "ready"\ntype = "http"\nport = 80';
    expect(toml(text).checks).toEqual({
      alive: { name: 'alive', type: 'tcp' },
      ready: { name: 'ready', type: 'http', port: 80 },
    });
  });

  it.each(['checks = [{ type = "tcp" }]', 'checks = [5]', 'checks = [{ name = 5, type = "tcp" }]'])(
    'refuses an old [[checks]] entry without a name: %j',
    (text) => {
      expect(refused(text)).toBe(said('[[checks]] entries need a name. Fix: write [checks.name] sections.'));
    },
  );

  it.each([
    ['[checks]\nalive = 5', '[checks.alive] must be a table. Fix: give it type and port.'],
    ['[checks.db]\ntype = "udp"', '[checks.db] type must be "tcp" or "http". Fix: set type = "http".'],
    ['[checks.db]\nport = 5432', '[checks.db] type must be "tcp" or "http". Fix: set type = "http".'],
    [
      '[checks.db]\ntype = "machine"',
      '[checks.db] type must be "tcp" or "http". Fix: a check that runs in its own Machine is a [[machine_checks]] entry: write [[machine_checks]] with command = ["…"] instead.',
    ],
    [
      '[checks.db]\ntype = "tcp"\nport = "5432"',
      '[checks.db] port must be a whole number. Fix: set port = 8080, or leave it out to use [http_service] internal_port.',
    ],
  ])('refuses %j', (text, problem) => {
    expect(refused(text)).toBe(said(problem));
  });
});

describe('kill_signal and kill_timeout', () => {
  it.each(['SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGABRT'])(
    'reads kill_signal %p',
    (signal) => {
      expect(toml(`kill_signal = "${signal}"`).killSignal).toBe(signal);
    },
  );

  it('refuses a signal Fly cannot send, listing the ones it can', () => {
    expect(refused('kill_signal = "SIGSTOP"')).toBe(
      said(
        'kill_signal "SIGSTOP" is not a signal Fly can send. Fix: use one of SIGHUP, SIGINT, SIGQUIT, SIGKILL, SIGUSR1, SIGUSR2, SIGTERM, SIGABRT.',
      ),
    );
  });

  it.each([
    ['kill_timeout = 30', '30s'],
    ['kill_timeout = "1m"', '1m'],
    ['[experimental]\nkill_timeout = "20s"', '20s'],
    ['kill_timeout = "5s"\n[experimental]\nkill_timeout = "20s"', '5s'],
  ])('reads %j as kill_timeout %p', (text, timeout) => {
    expect(toml(text).killTimeout).toBe(timeout);
  });

  it('leaves both unset when the file sets neither', () => {
    expect(toml('')).toMatchObject({ killSignal: undefined, killTimeout: undefined });
  });

  it.each([
    ['"soon"', 'soon'],
    ['true', 'true'],
  ])('refuses kill_timeout = %s', (value, shown) => {
    expect(refused(`kill_timeout = ${value}`)).toBe(
      said(`kill_timeout "${shown}" is not a duration. Fix: write e.g. "30s".`),
    );
  });
});

describe('[experimental]', () => {
  it('reads cmd, entrypoint and exec as lists (a string is a list of one) and machine_config', () => {
    const text = [
      '[experimental]',
      'cmd = "run"',
      'entrypoint = ["/bin/sh", "-c"]',
      'exec = ["/init"]',
      'machine_config = "m.json"',
    ].join('\n');
    expect(toml(text).experimental).toEqual({
      cmd: ['run'],
      entrypoint: ['/bin/sh', '-c'],
      exec: ['/init'],
      machineConfig: 'm.json',
    });
  });

  it.each([
    ['cmd', '5'],
    ['cmd', '["run", 1]'],
    ['entrypoint', '[1, "run"]'],
    ['exec', '{ a = "b" }'],
  ])('refuses %s = %s', (key, value) => {
    expect(refused(`[experimental]\n${key} = ${value}`)).toBe(
      said(
        `[experimental] ${key} must be a string or an array of strings. Fix: write ${key} = ["/bin/app", "arg"].`,
      ),
    );
  });
});

describe('metrics', () => {
  it.each([
    ['metrics_port = 9091', { port: 9091 }],
    ['metrics_path = "/m"', { path: '/m' }],
    ['metrics_port = 9091\nmetrics_path = "/m"', { port: 9091, path: '/m' }],
  ])('reads [experimental] %j as one [metrics] entry', (text, entry) => {
    expect(toml(`[experimental]\n${text}`).metrics).toStrictEqual([entry]);
  });

  it('prefers [metrics] to the old [experimental] keys', () => {
    const text = '[metrics]\nport = 9000\npath = "/metrics"\n[experimental]\nmetrics_port = 9091';
    expect(toml(text).metrics).toEqual([{ port: 9000, path: '/metrics' }]);
  });
});

describe('swap_size_mb', () => {
  it.each([0, 512])('reads %p', (mb) => {
    expect(toml(`swap_size_mb = ${mb}`).swapSizeMb).toBe(mb);
  });

  it.each([
    ['-1', '-1'],
    ['1.5', '1.5'],
    ['"512"', '"512"'],
  ])('refuses %s', (value, shown) => {
    expect(refused(`swap_size_mb = ${value}`)).toBe(
      said(
        `swap_size_mb must be a whole number of megabytes, not ${shown}. Fix: write e.g. swap_size_mb = 512.`,
      ),
    );
  });
});

describe('app', () => {
  it.each(['a', 'my-app-2', '9lives', 'app-'])('reads the app name %p', (app) => {
    expect(parseFlyToml(`app = "${app}"`).app).toBe(app);
  });

  it('leaves the app unset when the file has none', () => {
    expect(parseFlyToml('primary_region = "sin"').app).toBeUndefined();
  });

  it.each(['Bad_Name', '-app', 'app_', 'my app'])('refuses the app name %p', (app) => {
    expect(refusedWhole(`app = "${app}"`)).toBe(
      said(`app "${app}" is not a valid Fly app name. Fix: use lower-case letters, digits and dashes.`),
    );
  });
});
