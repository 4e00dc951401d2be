import { runBundle, type BundleRun } from '../../src/harness/run-bundle.js';
import { parseServer, queryDns } from '../../src/dns/query.js';
import { createTestCa, startTlsTarget, type TestCa, type TlsTarget } from '../../src/sim/tls.js';

export type Inputs = Record<string, string | number | boolean>;

/**
 * Runs the dns-cutover bundle as the runner does. `base` gives the provider's inputs and environment; it
 * is read at each run, once the stand-ins it names have started. A test's own inputs and env win.
 */
export function cutoverRunner(base: () => { inputs: Inputs; env?: Record<string, string> }) {
  return (inputs: Inputs, env: Record<string, string> = {}): Promise<BundleRun> => {
    const start = base();
    return runBundle('dns-cutover', {
      inputs: { ...start.inputs, ...inputs },
      env: { ...start.env, ...env },
    });
  };
}

/** The data of the `type` records at `name` that the DNS server at `address` answers. */
export async function servedAt(address: string, name: string, type: string): Promise<string[]> {
  return (await queryDns(parseServer(address)!, name, type)).records
    .filter((r) => r.name === name && r.type === type)
    .map((r) => r.data);
}

/** The new target of a cutover: one that stays healthy, one that passes the pre-flight then fails. */
export interface Targets {
  /** The test CA; the runs trust it through NODE_EXTRA_CA_CERTS. */
  ca: TestCa;
  fly: TlsTarget;
  /** Answers 200 once (the pre-flight), then `failStatus` for good, as real traffic arrives. */
  flaky: TlsTarget;
  close(): Promise<void>;
}

export async function startTargets(names: string[], failStatus: number): Promise<Targets> {
  const ca = createTestCa();
  const fly = await startTlsTarget(ca.issue(names));
  const flaky = await startTlsTarget(ca.issue([names[0]]), { healthSequence: [200], health: failStatus });
  return {
    ca,
    fly,
    flaky,
    async close() {
      await Promise.all([fly.close(), flaky.close()]);
      ca.cleanup();
    },
  };
}
