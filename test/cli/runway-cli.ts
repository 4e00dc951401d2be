import { spawn } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../../bin/runway.js');

/** Runs the installed `runway` command as a user would, in a child process; `env` is added to the test's own. */
export function runway(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** latency-probe from the terminal: 80 requests at 80 a second to `url`, gated by `thresholds`. */
export const probeArgs = (url: string, thresholds: string): string[] => [
  'latency-probe',
  '--url',
  url,
  '--requests',
  '80',
  '--rate',
  '80',
  '--thresholds',
  thresholds,
];
