import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AppProxy } from '../sim/fly/proxy.js';
import type { RehearsalContext } from './types.js';

const INSTANCE = fileURLToPath(new URL('./old-aws-instance.mjs', import.meta.url));
/** Bounds the instance's start (a bare node process; seconds at most on a busy machine). */
const START_TIMEOUT_MS = 30_000;

/**
 * The old AWS endpoint on the same path as Fly's, for comparisons through the Fly edge: a reverse
 * proxy in this process (the load balancer, as `…elb.amazonaws.com` is; the very proxy code the Fly
 * simulator puts in front of an app) in front of the app in a process of its own (the EC2 instance;
 * a Machine's process on Fly). A busy machine then delays both sides through the same hops, and what
 * is left between them is what the two releases differ by. Returns the endpoint's URL.
 */
export async function startOldAwsBehindLoadBalancer(ctx: RehearsalContext): Promise<string> {
  const port = await startInstance(ctx);
  const balancer = new AppProxy('voice-bot-aws', () => [{ machineId: 'i-0old0aws0voicebot', port }]);
  ctx.onCleanup(() => balancer.close());
  return `${await balancer.listen('127.0.0.1')}/`;
}

/** The instance's process; its port once it listens (a clear error naming it otherwise). */
async function startInstance(ctx: RehearsalContext): Promise<number> {
  const child = spawn(process.execPath, [INSTANCE], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  ctx.onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  return new Promise<number>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(
        new Error(`the old AWS instance stand-in (${INSTANCE}) ${why}${stderr ? `: ${stderr.trim()}` : ''}`),
      );
    };
    const timer = setTimeout(
      () => fail(`did not listen within ${START_TIMEOUT_MS / 1000} s`),
      START_TIMEOUT_MS,
    );
    const early = (code: number | null, signal: string | null) =>
      fail(`exited (${signal ?? `code ${code}`}) before it listened`);
    child.once('error', (error) => fail(`could not start (${error.message})`));
    child.once('exit', early);
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message?.type !== 'listening' || !message.port) return;
      clearTimeout(timer);
      child.off('exit', early);
      resolve(message.port);
    });
  });
}
