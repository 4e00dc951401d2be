import { UserError } from '../core/errors.js';
import type { FlyApi } from './client.js';
import type { FlyToml } from './fly-toml.js';
import { shellSplit } from './machine-config.js';
import { runOneOff } from './release-command.js';
import { META, PLATFORM_VERSION, type MachineConfig } from './types.js';

/** The process group flyctl gives test Machines (fly.MachineProcessGroupFlyAppTestMachineCommand). */
export const TEST_MACHINE_GROUP = 'fly_app_test_machine_command';

type Table = Record<string, unknown>;

/** One `machine_checks` entry of `[http_service]` or `[[services]]` (flyctl `ServiceMachineCheck`). */
export interface MachineCheckSpec {
  command: string[];
  image?: string;
  entrypoint?: string[];
  killSignal?: string;
  killTimeout?: string;
  /** Where it was declared, for messages: `[http_service.machine_checks] 1`. */
  where: string;
}

const words = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? shellSplit(value) : undefined;

const appliesTo = (service: Table, group: string) => {
  const processes = service.processes;
  return !Array.isArray(processes) || processes.length === 0 || processes.includes(group);
};

/** The machine checks of every service that applies to a process group, as flyctl `runTestMachines` picks them. */
export function machineChecksFor(toml: FlyToml, group: string): MachineCheckSpec[] {
  const services: [string, Table][] = [
    ...(toml.httpService ? ([['[http_service.machine_checks]', toml.httpService]] as [string, Table][]) : []),
    ...toml.services.map((s, i): [string, Table] => [`[[services.machine_checks]] of services ${i + 1}`, s]),
  ];
  return services
    .filter(([, service]) => appliesTo(service, group))
    .flatMap(([where, service]) => {
      const checks = Array.isArray(service.machine_checks) ? (service.machine_checks as Table[]) : [];
      return checks.map((check, i) => {
        const command = words(check.command);
        if (!command?.length)
          throw new UserError(`${toml.file}: ${where} ${i + 1} has no command.`, {
            input: 'config',
            fix: 'give it command = ["./bin/smoke-test"].',
          });
        return {
          command,
          image: typeof check.image === 'string' ? check.image : undefined,
          entrypoint: words(check.entrypoint),
          killSignal: typeof check.kill_signal === 'string' ? check.kill_signal : undefined,
          killTimeout: typeof check.kill_timeout === 'string' ? check.kill_timeout : undefined,
          where: `${where} ${i + 1}`,
        };
      });
    });
}

/** flyctl `ToTestMachineConfig` for a check run before any app Machine exists (no Machine IP to test). */
export function testMachineConfig(
  toml: FlyToml,
  check: MachineCheckSpec,
  image: string,
  releaseId: string,
): MachineConfig {
  const env: Record<string, string> = {
    ...toml.env,
    FLY_TEST_COMMAND: '1',
    FLY_PROCESS_GROUP: TEST_MACHINE_GROUP,
    FLY_TEST_MACHINE_IP: '',
  };
  if (toml.primaryRegion) env.PRIMARY_REGION = toml.primaryRegion;
  const signal = check.killSignal ?? toml.killSignal;
  const timeout = check.killTimeout ?? toml.killTimeout;
  return {
    image: check.image ?? image,
    init: { cmd: check.command, ...(check.entrypoint ? { entrypoint: check.entrypoint } : {}) },
    restart: { policy: 'no' },
    auto_destroy: true,
    dns: { skip_registration: true },
    env,
    guest: { cpu_kind: 'shared', cpus: 1, memory_mb: 256 },
    ...(signal || timeout
      ? { stop_config: { ...(signal ? { signal } : {}), ...(timeout ? { timeout } : {}) } }
      : {}),
    metadata: {
      [META.platformVersion]: PLATFORM_VERSION,
      [META.processGroup]: TEST_MACHINE_GROUP,
      [META.releaseId]: releaseId,
    },
  };
}

/** Runs one machine check in a throwaway Machine; a non-zero exit stops the deploy before any change. */
export async function runMachineCheck(
  api: FlyApi,
  check: MachineCheckSpec,
  options: {
    config: MachineConfig;
    region: string;
    timeoutMs: number;
    waitTimeoutMs: number;
    launchId: string;
    minSecretsVersion?: number;
    log: (line: string) => void;
  },
): Promise<void> {
  const label = `machine check \`${check.command.join(' ')}\``;
  const run = await runOneOff(api, { ...options, label });
  if (run.exitCode !== 0)
    throw new UserError(
      `${label} (${check.where}) exited with status ${run.exitCode}; the deploy stopped before any app Machine changed.`,
      {
        fix: `fix what the check found, or the check itself; \`fly logs -i ${run.machineId}\` shows its output.`,
      },
    );
}
