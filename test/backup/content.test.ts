import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { checkPgHeader, ContentCheck, findOnPath } from '../../src/backup/content.js';
import { makeTarGz } from '../../src/sim/s3/seed.js';
import { DUMP } from './scenario.js';

async function check(body: Buffer, options: { pgRestore?: string | false } = {}, chunk = 16 * 1024) {
  const content = new ContentCheck(options);
  for (let o = 0; o < body.length; o += chunk) await content.write(body.subarray(o, o + chunk));
  return content.end();
}

const flip = (body: Buffer, at: number) => {
  const copy = Buffer.from(body);
  copy.write('XXXX', Math.floor(copy.length * at));
  return copy;
};

const itPg = findOnPath('pg_restore') ? it : it.skip;

describe('content checks by magic bytes', () => {
  it('inflates gzip to the end and lists a tar inside; fails truncated or corrupted streams', async () => {
    const tgz = await makeTarGz('2026-11-29', 5, 20_000);
    expect(await check(tgz)).toMatchObject({
      kind: 'tar.gz',
      ok: true,
      depth: 'full',
      detail: expect.stringMatching(/tar lists 5 entries/),
    });
    expect(await check(tgz.subarray(0, Math.floor(tgz.length / 2)))).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/unexpected end of file/),
    });
    const plain = gzipSync(randomBytes(300_000));
    expect(await check(plain)).toMatchObject({ kind: 'gzip', ok: true });
    expect(await check(flip(plain, 0.6))).toMatchObject({ kind: 'gzip', ok: false });
  });

  itPg(
    'reads a PostgreSQL custom dump through pg_restore, which catches what --list would pass',
    async () => {
      expect(await check(DUMP)).toMatchObject({ kind: 'pg-custom', ok: true, depth: 'full' });
      expect(await check(DUMP.subarray(0, Math.floor(DUMP.length * 0.5)))).toMatchObject({
        ok: false,
        detail: expect.stringMatching(/could not read from input file: end of file/),
      });
      expect(await check(flip(DUMP, 0.75))).toMatchObject({
        ok: false,
        detail: expect.stringMatching(/pg_restore -f \/dev\/null failed/),
      });
    },
  );

  it('checks only the dump header without pg_restore, and says so', async () => {
    expect(await check(DUMP, { pgRestore: false })).toMatchObject({
      kind: 'pg-custom',
      ok: true,
      depth: 'header',
      detail: expect.stringMatching(/pg_restore not installed/),
    });
    const broken = Buffer.from(DUMP);
    broken[10] = 9;
    expect(checkPgHeader(broken)).toMatchObject({ ok: false });
    expect(await check(broken, { pgRestore: false })).toMatchObject({ ok: false, depth: 'header' });
  });

  it('leaves unknown content to the checksums, and handles objects smaller than a tar header', async () => {
    expect(await check(randomBytes(100_000))).toMatchObject({ kind: 'unknown', ok: true, depth: 'none' });
    expect(await check(Buffer.from('tiny'))).toMatchObject({ kind: 'unknown', ok: true });
  });
});
