import type { KeyAndCertificate, TestCa } from '../../src/sim/tls.js';

/** A leaf certificate from the test CA that expired in January 2020. */
export function issueExpired(ca: TestCa, names: string[]): KeyAndCertificate {
  return ca.issue(names, {
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2020-01-02T00:00:00Z'),
  });
}
