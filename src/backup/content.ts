import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract as tarExtract } from 'tar-stream';

export type ContentKind = 'tar.gz' | 'gzip' | 'tar' | 'pg-custom' | 'unknown';

export interface ContentResult {
  kind: ContentKind;
  ok: boolean;
  /** `full`: every byte was read through the format's own checks; `header`: only the header was. */
  depth: 'full' | 'header' | 'none';
  detail: string;
}

export function findOnPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, binary))) return join(dir, binary);
  }
  return undefined;
}

const isTarHeader = (head: Buffer) =>
  head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar';

/** Consumes a tar stream, listing entries; fails on a truncated archive. */
class TarLister {
  entries = 0;
  private readonly extract = tarExtract();
  private failure: Error | undefined;
  private readonly done: Promise<void>;

  constructor() {
    this.extract.on('entry', (_header, stream, next) => {
      this.entries++;
      // A truncated archive destroys the open entry's stream with the same error the extractor reports;
      // without a listener here that second 'error' would crash the process instead of failing the entry.
      stream.on('error', () => {});
      stream.on('end', next);
      stream.resume();
    });
    this.done = new Promise((resolve) => {
      this.extract.on('error', (error: Error) => {
        this.failure = error;
        resolve();
      });
      this.extract.on('finish', () => resolve());
    });
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.failure) return;
    if (!this.extract.write(chunk)) {
      await Promise.race([once(this.extract, 'drain'), this.done]);
    }
  }

  async end(): Promise<Error | undefined> {
    if (!this.failure) (this.extract as unknown as { end(): void }).end();
    await this.done;
    return this.failure;
  }
}

/**
 * Reads a backup's content through its own format checks as its bytes stream past (one download):
 * gzip to the end (its CRC is checked only at the end), tar listed entry by entry, a PostgreSQL custom
 * dump through `pg_restore -f /dev/null` (`--list` alone passes truncated dumps). The kind comes from
 * the magic bytes, not the file name.
 */
export class ContentCheck {
  private head: Buffer[] = [];
  private headBytes = 0;
  private started = false;
  private kind: ContentKind = 'unknown';
  private writeTo?: (chunk: Buffer) => Promise<void>;
  private finishWith?: () => Promise<ContentResult>;

  constructor(private readonly options: { pgRestore?: string | false; signal?: AbortSignal } = {}) {}

  async write(chunk: Buffer): Promise<void> {
    if (!this.started) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes < 512) return;
      await this.start();
      return;
    }
    await this.writeTo?.(chunk);
  }

  async end(): Promise<ContentResult> {
    if (!this.started) await this.start();
    if (!this.finishWith)
      return { kind: this.kind, ok: true, depth: 'none', detail: 'no format check for this content' };
    return this.finishWith();
  }

  private async start(): Promise<void> {
    this.started = true;
    const first = Buffer.concat(this.head);
    this.head = [];
    if (first[0] === 0x1f && first[1] === 0x8b) this.startGzip();
    else if (first.subarray(0, 5).toString('latin1') === 'PGDMP') this.startPg(first);
    else if (isTarHeader(first)) this.startTar();
    if (this.writeTo) await this.writeTo(first);
  }

  private startTar(): void {
    this.kind = 'tar';
    const tar = new TarLister();
    this.writeTo = (chunk) => tar.write(chunk);
    this.finishWith = async () => {
      const error = await tar.end();
      return error
        ? {
            kind: 'tar',
            ok: false,
            depth: 'full',
            detail: `tar archive is broken after ${tar.entries} entries: ${error.message}`,
          }
        : { kind: 'tar', ok: true, depth: 'full', detail: `tar lists ${tar.entries} entries` };
    };
  }

  private startGzip(): void {
    this.kind = 'gzip';
    const gunzip = createGunzip();
    let inflated = 0;
    let tar: TarLister | undefined;
    let decided = false;
    let pending: Buffer[] = [];
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        inflated += chunk.length;
        if (!decided) {
          pending.push(chunk);
          const joined = Buffer.concat(pending);
          if (joined.length < 512) return callback();
          decided = true;
          pending = [];
          if (isTarHeader(joined)) {
            this.kind = 'tar.gz';
            tar = new TarLister();
          }
          if (tar) return void tar.write(joined).then(() => callback(), callback);
          return callback();
        }
        if (tar) return void tar.write(chunk).then(() => callback(), callback);
        callback();
      },
    });
    const finished = pipeline(gunzip, sink).then(
      () => undefined,
      (error: Error) => error,
    );
    this.writeTo = async (chunk) => {
      if (!gunzip.write(chunk)) await Promise.race([once(gunzip, 'drain'), finished]);
    };
    this.finishWith = async () => {
      gunzip.end();
      const error = await finished;
      if (error) {
        return {
          kind: this.kind,
          ok: false,
          depth: 'full',
          detail: `gzip stream is broken after ${inflated} bytes inflated: ${error.message}`,
        };
      }
      if (tar) {
        const tarError = await tar.end();
        if (tarError)
          return {
            kind: 'tar.gz',
            ok: false,
            depth: 'full',
            detail: `tar inside gzip is broken after ${tar.entries} entries: ${tarError.message}`,
          };
        return {
          kind: 'tar.gz',
          ok: true,
          depth: 'full',
          detail: `gzip inflates fully (${inflated} bytes, CRC ok); tar lists ${tar.entries} entries`,
        };
      }
      return {
        kind: 'gzip',
        ok: true,
        depth: 'full',
        detail: `gzip inflates fully (${inflated} bytes, CRC ok)`,
      };
    };
  }

  private startPg(first: Buffer): void {
    this.kind = 'pg-custom';
    const header = checkPgHeader(first);
    const binary =
      this.options.pgRestore === false ? undefined : (this.options.pgRestore ?? findOnPath('pg_restore'));
    if (!header.ok || !binary) {
      this.finishWith = async () =>
        header.ok
          ? {
              kind: 'pg-custom',
              ok: true,
              depth: 'header',
              detail: `${header.detail}; pg_restore not installed, so only the header was checked`,
            }
          : { kind: 'pg-custom', ok: false, depth: 'header', detail: header.detail };
      return;
    }
    const child = spawn(binary, ['-f', '/dev/null'], {
      stdio: ['pipe', 'ignore', 'pipe'],
      signal: this.options.signal,
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 4000) stderr += c.toString();
    });
    const exited = new Promise<number>((resolve) => {
      child.on('error', () => resolve(-1));
      child.on('close', (code) => resolve(code ?? -1));
    });
    let stdinGone = false;
    child.stdin.on('error', () => (stdinGone = true));
    this.writeTo = async (chunk) => {
      if (stdinGone) return;
      if (!child.stdin.write(chunk)) await Promise.race([once(child.stdin, 'drain'), exited]);
    };
    this.finishWith = async () => {
      if (!stdinGone) child.stdin.end();
      const code = await exited;
      const firstError =
        stderr.split('\n').find((l) => /error/i.test(l)) ?? stderr.trim().split('\n')[0] ?? '';
      if (code === 0)
        return {
          kind: 'pg-custom',
          ok: true,
          depth: 'full',
          detail: `${header.detail}; pg_restore -f /dev/null read it through`,
        };
      if (/unsupported version/i.test(stderr)) {
        return {
          kind: 'pg-custom',
          ok: true,
          depth: 'header',
          detail: `${header.detail}; this pg_restore is older than the dump (${firstError.trim()}), so only the header was checked`,
        };
      }
      return {
        kind: 'pg-custom',
        ok: false,
        depth: 'full',
        detail: `pg_restore -f /dev/null failed (exit ${code}): ${firstError.trim()}`,
      };
    };
  }
}

/** The custom-format header: `PGDMP`, version major/minor/rev, int size, offset size, format (1 = custom). */
export function checkPgHeader(head: Buffer): { ok: boolean; detail: string } {
  if (head.length < 11 || head.subarray(0, 5).toString('latin1') !== 'PGDMP')
    return { ok: false, detail: 'not a PostgreSQL custom dump (no PGDMP magic)' };
  const [major, minor, rev, intSize, offSize, format] = head.subarray(5, 11);
  if (major !== 1 || minor < 10 || intSize < 2 || intSize > 8 || offSize < 4 || offSize > 8 || format !== 1) {
    return {
      ok: false,
      detail: `PostgreSQL dump header is damaged (archive version ${major}.${minor}.${rev}, int ${intSize}, off ${offSize}, format ${format})`,
    };
  }
  return { ok: true, detail: `PostgreSQL custom dump, archive version ${major}.${minor}.${rev}` };
}
