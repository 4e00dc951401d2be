import { sleep } from '../core/retry.js';
import type { ConnectTo } from './preflight.js';
import { checkHealth, checkTls, targetAddress, type HealthReport, type TlsReport } from './preflight.js';
import type { Target } from './records.js';

/** What the target checks need: where to connect, what to ask for, and whom to trust. */
export interface TargetCheckOptions {
  name: string;
  target: Target;
  tlsCheck: boolean;
  connectTo?: ConnectTo;
  healthUrl?: URL;
  ca?: string;
}

export interface PreflightReports {
  tls?: TlsReport;
  health?: HealthReport;
}

/**
 * Before the switch: the new target presents a certificate for the name, and the health URL answers
 * through it. A failure here stops the run with nothing changed.
 */
export async function preflight(
  options: TargetCheckOptions,
  mark: (e: string) => void,
): Promise<{ reports: PreflightReports; failure?: string }> {
  const reports: PreflightReports = {};
  if (!options.tlsCheck && !options.healthUrl) return { reports };
  let address: string;
  try {
    address = await targetAddress(options.target, options.connectTo);
  } catch (error) {
    return {
      reports,
      failure: `Pre-flight: ${(error as Error).message}; set connect-to to check it at a known address.`,
    };
  }
  if (options.tlsCheck) {
    const port = options.connectTo?.port ?? 443;
    const tls = await checkTls(address, port, options.name, { ca: options.ca });
    reports.tls = tls;
    mark(
      `pre-flight TLS ${address}:${port} SNI ${options.name}: ${tls.ok ? `ok (${tls.altNames ?? tls.subject}, until ${tls.validTo})` : tls.error}`,
    );
    if (!tls.ok)
      return {
        reports,
        failure: `Pre-flight: the new target does not present a certificate valid for ${options.name} (${tls.error}). On Fly, run fly certs add ${options.name} and wait until fly certs check shows it issued.`,
      };
  }
  if (options.healthUrl) {
    const health = await checkHealth(options.healthUrl, address, options.connectTo?.port, { ca: options.ca });
    reports.health = health;
    mark(
      `pre-flight health ${options.healthUrl.href} via ${address}:${health.port}: ${health.ok ? `${health.status} in ${health.ms}ms` : health.error}`,
    );
    if (!health.ok)
      return {
        reports,
        failure: `Pre-flight: ${options.healthUrl.href} through the new target failed (${health.error}).`,
      };
  }
  return { reports };
}

/** After the switch the app gets real traffic; a few tries a second apart before calling it down. */
export async function postSwitchHealth(
  options: TargetCheckOptions & { healthUrl: URL },
  mark: (e: string) => void,
): Promise<HealthReport[]> {
  const reports: HealthReport[] = [];
  const address = await targetAddress(options.target, options.connectTo).catch(() => undefined);
  if (!address)
    return [
      {
        ok: false,
        url: options.healthUrl.href,
        address: '?',
        port: 0,
        error: 'the target does not resolve',
        ms: 0,
      },
    ];
  for (let attempt = 1; attempt <= 3; attempt++) {
    const health = await checkHealth(options.healthUrl, address, options.connectTo?.port, { ca: options.ca });
    reports.push(health);
    mark(
      `health after the switch (${attempt}/3): ${health.ok ? `${health.status} in ${health.ms}ms` : health.error}`,
    );
    if (health.ok) break;
    if (attempt < 3) await sleep(1000);
  }
  return reports;
}
