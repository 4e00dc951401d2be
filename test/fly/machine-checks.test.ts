/**
 * machine_checks as flyctl's runTestMachines runs them (internal/command/deploy/machinebasedtest.go at
 * flyctl ad0172face303b77584eea95b46fa3ddc61d5ddd): a throwaway Machine per check, beside a Machine of
 * the new release, told where that Machine is (FLY_TEST_MACHINE_IP); exit 0 passes, anything else stops
 * the deploy. The simulator's command Machines reach the tested Machine over the app's private network.
 */
import { describe, expect, test } from '@jest/globals';
import { deploy } from '../../src/fly/deploy.js';
import { deployOptions, image, STAGING_TOML, suiteSim } from './support.js';

const sim = suiteSim({ timeScale: 0.3, rateLimits: false });

/** The staging file with a check on [http_service] and one at the top level, both probing the new Machine. */
const withChecks = (port: number) => `${STAGING_TOML.replace(
  '  [[http_service.checks]]',
  `  [[http_service.machine_checks]]
    image = "curlimages/curl"
    entrypoint = ["/bin/sh", "-c"]
    command = ["curl -f http://[$FLY_TEST_MACHINE_IP]:${port}/ready"]

  [[http_service.checks]]`,
)}
[[machine_checks]]
  command = ["./bin/smoke", "--quick"]
`;

type Listed = {
  id: string;
  state: string;
  private_ip: string;
  config: {
    image: string;
    env: Record<string, string>;
    init: { cmd?: string[]; entrypoint?: string[] };
    metadata: Record<string, string>;
    guest: { memory_mb: number };
  };
  events: { type: string; request?: { exit_event?: { exit_code?: number } } }[];
};

async function everyMachine(app: string): Promise<Listed[]> {
  const res = await fetch(`${sim.apiUrl}/v1/apps/${app}/machines?include_deleted=true`, {
    headers: { authorization: `Bearer ${sim.token}` },
  });
  return (await res.json()) as Listed[];
}

const isCheckMachine = (m: Listed) => m.config.metadata.fly_process_group === 'fly_app_test_machine_command';

describe('machine_checks ([http_service] and top-level) in throwaway Machines', () => {
  test('pass: each check runs beside a Machine of the new release, which then goes; the deploy goes on', async () => {
    const app = 'mchk-pass';
    await sim.createApp(app);
    const result = await deploy(deployOptions(sim, app, 'v1', {}, withChecks(8080)));
    expect({ status: result.status, reason: result.reason }).toEqual({
      status: 'deployed',
      reason: undefined,
    });
    expect(result.timeline.map((t) => t.text)).toContain('2 machine check(s) passed');
    const all = await everyMachine(app);
    const checks = all.filter(isCheckMachine);
    const tested = all.find((m) => m.config.metadata.fly_process_group === 'app' && m.state === 'destroyed');
    // Tagged as a canary, so `mode: doctor` would find one a killed run left behind.
    expect(tested?.config.metadata.fly_canary).toBe('true');
    // flyctl's ToTestMachineConfig + launchInputForTestMachine, against the tested Machine.
    expect(checks.map((m) => [m.config.image, m.config.init, m.config.env.FLY_TEST_MACHINE_IP])).toEqual([
      [
        'curlimages/curl',
        { cmd: ['curl -f http://[$FLY_TEST_MACHINE_IP]:8080/ready'], entrypoint: ['/bin/sh', '-c'] },
        tested!.private_ip,
      ],
      [image(app, 'v1'), { cmd: ['./bin/smoke', '--quick'] }, tested!.private_ip],
    ]);
    for (const m of checks) {
      expect(m.config.env).toMatchObject({
        FLY_TEST_COMMAND: '1',
        FLY_PROCESS_GROUP: 'fly_app_test_machine_command',
        NODE_ENV: 'staging',
        PRIMARY_REGION: 'sin',
      });
      const [appMachine] = await everyMachine(app).then((ms) => ms.filter((x) => x.state === 'started'));
      expect(m.config.metadata.fly_release_id).toBe(appMachine.config.metadata.fly_release_id);
      expect(m.config.guest.memory_mb).toBe(256);
      expect(m.events.find((e) => e.type === 'exit')?.request?.exit_event?.exit_code).toBe(0);
    }
    // Throwaway Machines all gone; what is left is the app's own Machines, on the new image.
    const left = all.filter((m) => m.state !== 'destroyed');
    expect(left.map((m) => m.id).sort()).toEqual(result.machines.map((m) => m.id).sort());
    expect(new Set(left.map((m) => m.config.image))).toEqual(new Set([image(app, 'v1')]));
  });

  test('fail: a check that cannot reach the new Machine stops the deploy with nothing changed on the app', async () => {
    const app = 'mchk-fail';
    await sim.createApp(app);
    expect((await deploy(deployOptions(sim, app, 'v1'))).status).toBe('deployed');
    const before = sim.machines(app).map((m) => [m.id, m.version, m.image]);
    const result = await deploy(deployOptions(sim, app, 'v2', {}, withChecks(9999)));
    expect(result.status).toBe('failed');
    expect(result.reason).toMatch(
      /^test command machine \w+ exited with non-zero status of 7: machine check `curl -f http:\/\/\[\$FLY_TEST_MACHINE_IP\]:9999\/ready` \(app #1\) failed against \w+; the deploy stopped before any app Machine changed\./,
    );
    expect(result.timeline.map((t) => t.text)).toContainEqual(
      expect.stringMatching(/^stopped before changing anything/),
    );
    expect(sim.machines(app).map((m) => [m.id, m.version, m.image])).toEqual(before);
    const all = await everyMachine(app);
    // The tested Machine and the check Machine are destroyed; the top-level check never ran.
    expect(
      all
        .filter((m) => m.state !== 'destroyed')
        .map((m) => m.id)
        .sort(),
    ).toEqual(before.map(([id]) => id).sort());
    expect(all.filter(isCheckMachine).map((m) => m.config.init.cmd)).toEqual([
      ['curl -f http://[$FLY_TEST_MACHINE_IP]:9999/ready'],
    ]);
  });
});
