import { spawn } from 'node:child_process';
import type { BackupEntry } from './report.js';

/** Runs the user's restore-command with BACKUP_FILE and BACKUP_KEY set; its output goes to the log. */
export async function runRestoreCommand(
  command: string,
  file: string,
  key: string,
  log: (line: string) => void,
  /** The run's deadline: the command is killed when it passes. */
  signal?: AbortSignal,
): Promise<NonNullable<BackupEntry['restore']>> {
  const child = spawn('bash', ['-eo', 'pipefail', '-c', command], {
    env: { ...process.env, BACKUP_FILE: file, BACKUP_KEY: key },
    stdio: ['ignore', 'pipe', 'pipe'],
    signal,
  });
  let output = '';
  const onData = (c: Buffer) => {
    const text = c.toString();
    if (output.length < 20_000) output += text;
    for (const line of text.split('\n')) if (line.trim()) log(`  | ${line}`);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exitCode = await new Promise<number>((resolve) => {
    child.on('error', () => resolve(127));
    child.on('close', (code) => resolve(code ?? 1));
  });
  return { command, exitCode, ok: exitCode === 0, output: output.slice(-4000) };
}
