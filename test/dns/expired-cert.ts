import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestCa } from '../../src/sim/tls.js';

/**
 * A leaf certificate from the test CA that expired in January 2020: `openssl ca` is the one CLI path
 * that sets notBefore/notAfter in the past, and it needs a tiny CA database to do it.
 */
export function issueExpired(ca: TestCa, names: string[]): { key: string; cert: string } {
  const dir = mkdtempSync(join(ca.dir, 'expired-'));
  const run = (args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '01\n');
    writeFileSync(
      join(dir, 'ca.cnf'),
      '[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=p\n[p]\ncommonName=supplied\n',
    );
    writeFileSync(
      join(dir, 'ext'),
      `subjectAltName=${names.map((n) => `DNS:${n}`).join(',')}\nextendedKeyUsage=serverAuth\n`,
    );
    run([
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'leaf.key',
      '-out',
      'leaf.csr',
      '-subj',
      `/CN=${names[0]}`,
    ]);
    run([
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-keyfile',
      join(ca.dir, 'ca.key'),
      '-cert',
      ca.caFile,
      '-in',
      'leaf.csr',
      '-out',
      'leaf.pem',
      '-startdate',
      '200101000000Z',
      '-enddate',
      '200102000000Z',
      '-extfile',
      'ext',
      '-notext',
    ]);
    return {
      key: readFileSync(join(dir, 'leaf.key'), 'utf8'),
      cert: readFileSync(join(dir, 'leaf.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
