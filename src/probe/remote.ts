import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { FlyApi } from '../fly/client.js';
import { GUEST_BUNDLE, PROBE_IMAGE, REMOTE_FLAG, type RemoteSettings } from './remote-settings.js';
import type { ProbeReport } from './types.js';

/** The line prefix the measuring side prints its report after. */
const REPORT_PREFIX = 'RUNWAY_PROBE_REPORT ';

export interface RemoteRun {
  report: ProbeReport;
  region: string;
  machineId: string;
  machineSeconds: number;
}

/** Machine ids are used in URLs: only what Fly issues (letters, digits) is accepted. */
function checkedId(id: unknown): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
    throw new UserError(`the Fly API answered a Machine create without a usable id (${JSON.stringify(id)}).`);
  return id;
}

/**
 * Measures from a short-lived Machine in `region`: create it with the probe bundle as a file, wait for it,
 * exec the probe, read its report, and destroy it on every path. `remember` is told the id as soon as it
 * exists (the post step destroys it if this run is cancelled).
 */
export async function probeFromRegion(
  settings: RemoteSettings,
  bundlePath: string,
  inputs: Record<string, string>,
  track: { created(machineId: string): void; destroyed(machineId: string, machineSeconds: number): void },
  log: (line: string) => void,
): Promise<RemoteRun> {
  const deadline = Date.now() + settings.timeoutMs;
  const api = new FlyApi({ apiUrl: settings.apiUrl, token: settings.token, app: settings.app, log });
  const created = await createProbeMachine(api, settings.region, bundleFiles(bundlePath));
  const machineId = checkedId(created.id);
  const createdAt = Date.now();
  let report: ProbeReport;
  let machineSeconds: number;
  track.created(machineId);
  log(`created probe Machine ${machineId} in ${settings.region}`);
  try {
    const started = await api.wait(machineId, 'started', {
      timeoutMs: Math.max(1000, deadline - Date.now()),
    });
    if (!started.ok)
      throw new UserError(
        `the probe Machine ${machineId} in ${settings.region} did not start (${started.timedOut ? 'timed out' : (started.state ?? 'gone')}).`,
      );
    report = await execProbe(api, machineId, inputs, deadline);
  } finally {
    await api.destroy(machineId);
    // Bounded: the cost runs until Fly reports the Machine destroyed (or gone).
    await api.wait(machineId, 'destroyed', { timeoutMs: 30_000, missingOk: true }).catch(() => undefined);
    machineSeconds = Math.round((Date.now() - createdAt) / 100) / 10;
    log(`destroyed probe Machine ${machineId} after ${machineSeconds} Machine-seconds`);
    track.destroyed(machineId, machineSeconds);
  }
  return { report, region: settings.region, machineId, machineSeconds };
}

/** Destroys a Machine a cancelled run left behind (the post step); a Machine already gone is fine. */
export async function destroyLeftover(settings: RemoteSettings, machineId: string): Promise<void> {
  const api = new FlyApi({ apiUrl: settings.apiUrl, token: settings.token, app: settings.app });
  await api.destroy(checkedId(machineId));
  await api.wait(machineId, 'destroyed', { timeoutMs: 30_000, missingOk: true }).catch(() => undefined);
}

/**
 * The whole bundle directory: the entry loads its heavy parts as chunks beside it (so a bad input fails
 * before they load), and package.json makes them ES modules.
 */
function bundleFiles(bundlePath: string): { guest_path: string; raw_value: string }[] {
  const dir = dirname(bundlePath);
  const names = readdirSync(dir).filter((name) => name.endsWith('.js') || name === 'package.json');
  if (!names.includes(basename(bundlePath))) names.push(basename(bundlePath));
  return names.map((name) => ({
    guest_path: name === basename(bundlePath) ? GUEST_BUNDLE : `${dirname(GUEST_BUNDLE)}/${name}`,
    raw_value: readFileSync(join(dir, name)).toString('base64'),
  }));
}

async function createProbeMachine(
  api: FlyApi,
  region: string,
  files: { guest_path: string; raw_value: string }[],
) {
  const launch = { key: 'runway_probe', id: randomUUID() };
  return api.create(
    {
      region,
      config: {
        image: PROBE_IMAGE,
        guest: { cpu_kind: 'shared', cpus: 1, memory_mb: 256 },
        files,
        // Keeps the Machine up for exec; the probe itself runs through exec.
        init: { exec: ['sleep', 'infinity'] },
        restart: { policy: 'no' },
        auto_destroy: true,
        metadata: { [launch.key]: launch.id },
      },
    } as Parameters<FlyApi['create']>[0],
    launch,
  );
}

/** Runs the probe through exec and reads its report; every part of the answer is checked first. */
async function execProbe(
  api: FlyApi,
  machineId: string,
  inputs: Record<string, string>,
  deadline: number,
): Promise<ProbeReport> {
  const seconds = Math.max(1, Math.floor((deadline - Date.now()) / 1000));
  const encoded = Buffer.from(JSON.stringify(inputs)).toString('base64');
  const response = await api.send<unknown>(
    'POST',
    `apps/${encodeURIComponent(api.app)}/machines/${encodeURIComponent(machineId)}/exec`,
    {
      body: { command: ['node', GUEST_BUNDLE, REMOTE_FLAG, encoded], timeout: seconds },
      idempotent: false,
      timeoutMs: seconds * 1000 + 15_000,
    },
  );
  const body = response.body as { stdout?: unknown; stderr?: unknown; exit_code?: unknown } | string;
  if (
    typeof body !== 'object' ||
    body === null ||
    typeof body.stdout !== 'string' ||
    typeof body.exit_code !== 'number'
  )
    throw new UserError(
      `the Fly API answered exec on ${machineId} with ${response.status} but no exec result (content-type ${String(response.headers['content-type'])}).`,
    );
  const line = body.stdout.split('\n').find((l) => l.startsWith(REPORT_PREFIX));
  if (body.exit_code !== 0 || !line) {
    const why = String(body.stderr ?? '')
      .trim()
      .split('\n')
      .slice(-3)
      .join(' ');
    throw new UserError(
      `the probe in Machine ${machineId} exited with code ${body.exit_code}: ${why || 'no report'}.`,
    );
  }
  return JSON.parse(line.slice(REPORT_PREFIX.length)) as ProbeReport;
}

/** The measuring side: the same bundle, inside the Machine, prints its report for the runner to judge. */
export async function runRemoteMode(
  encoded: string,
  measure: (inputs: Record<string, string>) => Promise<ProbeReport>,
): Promise<void> {
  const inputs = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Record<string, string>;
  const report = await measure(inputs);
  process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(report)}\n`);
}
