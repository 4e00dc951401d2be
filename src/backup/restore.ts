import { spawn } from 'node:child_process';
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { UserError } from '../core/errors.js';

export interface RestoreResult {
  ok: boolean;
  ms: number;
  bytes: number;
  tool: 'pg_restore' | 'psql';
  /** The tool's last lines of output, for the summary when it failed. */
  output: string;
}

/**
 * Restores a dump into the database at `url` in one transaction: a failed restore leaves the
 * database as it was. A custom-format dump (`pg_dump -Fc`) goes through `pg_restore --clean
 * --if-exists`, a plain SQL dump (gzipped or not) through psql. Owners and grants are not restored:
 * the target's roles are not the source's.
 */
export async function restoreDump(
  file: string,
  url: string,
  timeoutMs = 3_600_000,
  signal?: AbortSignal,
): Promise<RestoreResult> {
  const started = Date.now();
  const bytes = statSync(file).size;
  const kind = dumpKind(file);
  const result =
    kind === 'pg-custom'
      ? await runTool(
          'pg_restore',
          [
            '--clean',
            '--if-exists',
            '--no-owner',
            '--no-acl',
            '--single-transaction',
            '--exit-on-error',
            '-d',
            url,
            file,
          ],
          timeoutMs,
          undefined,
          false,
          signal,
        )
      : await runTool(
          'psql',
          ['-XAq', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-d', url],
          timeoutMs,
          file,
          kind === 'gzip',
          signal,
        );
  return { ...result, ms: Date.now() - started, bytes, tool: kind === 'pg-custom' ? 'pg_restore' : 'psql' };
}

function dumpKind(file: string): 'pg-custom' | 'gzip' | 'sql' {
  const head = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'pg-custom';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  return 'sql';
}

/** Runs a PostgreSQL client tool with a deadline; stdin from `input` (gunzipped when asked). */
async function runTool(
  tool: string,
  args: string[],
  timeoutMs: number,
  input?: string,
  gunzip = false,
  signal?: AbortSignal,
): Promise<{ ok: boolean; output: string }> {
  // The run's deadline kills the tool (spawn's signal); its single transaction leaves the database as it was.
  const child = spawn(tool, args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'], signal });
  let output = '';
  const keep = (c: Buffer) => (output = (output + c.toString()).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const timer = setTimeout(() => {
    output += `\n${tool} did not finish within ${Math.round(timeoutMs / 1000)} s; stopped`;
    child.kill('SIGTERM');
  }, timeoutMs);
  const feeding = input
    ? gunzip
      ? pipeline(createReadStream(input), createGunzip(), child.stdin!)
      : pipeline(createReadStream(input), child.stdin!)
    : Promise.resolve();
  const [code] = await Promise.all([
    new Promise<number>((resolve, reject) => {
      child.on('error', (error) =>
        signal?.aborted
          ? reject(signal.reason as Error)
          : reject(
              new UserError(`${tool} could not be started: ${error.message}`, {
                fix: `install the PostgreSQL client (${tool}) on the runner.`,
              }),
            ),
      );
      child.on('close', (c) => resolve(c ?? 1));
    }),
    feeding.catch((error: Error) => {
      output += `\nreading the dump failed: ${error.message}`;
    }),
  ]);
  clearTimeout(timer);
  return {
    ok: code === 0 && !/reading the dump failed/.test(output),
    output: output.trim().split('\n').slice(-20).join('\n'),
  };
}
