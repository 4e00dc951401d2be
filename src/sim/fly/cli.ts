import { startFlySim } from './index.js';

export const DEFAULT_SIM_APPS = ['voice-bot-staging', 'voice-bot'];

/**
 * `runway sim [app…] [--token T] [--time-scale X]`: starts the Fly sim, prints ONE JSON line naming every
 * endpoint, and runs until SIGINT/SIGTERM (or the optional abort signal), then closes everything.
 */
export async function runSimCommand(
  args: string[],
  io: { write?: (line: string) => void; signal?: AbortSignal } = {},
): Promise<number> {
  const apps: string[] = [];
  let token: string | undefined;
  let timeScale: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--token') token = args[++i];
    else if (arg === '--time-scale') timeScale = Number(args[++i]);
    else if (arg.startsWith('--')) {
      process.stderr.write(
        `runway sim: unknown option ${arg}. Usage: runway sim [app…] [--token T] [--time-scale X]\n`,
      );
      return 2;
    } else apps.push(arg);
  }
  if (timeScale !== undefined && !(timeScale > 0)) {
    process.stderr.write('runway sim: --time-scale must be a positive number, e.g. 0.5\n');
    return 2;
  }
  const sim = await startFlySim({ token, timeScale, apps: apps.length ? apps : DEFAULT_SIM_APPS });
  const names = apps.length ? apps : DEFAULT_SIM_APPS;
  const line = JSON.stringify({
    apiUrl: sim.apiUrl,
    token: sim.token,
    apps: Object.fromEntries(names.map((a) => [a, sim.appUrl(a)])),
  });
  (io.write ?? ((text: string) => process.stdout.write(`${text}\n`)))(line);
  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (io.signal?.aborted) done();
    io.signal?.addEventListener('abort', done, { once: true });
  });
  await sim.close();
  return 0;
}
