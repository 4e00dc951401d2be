import type { FlySim } from '../../../src/sim/fly/index.js';

/* eslint-disable @typescript-eslint/no-explicit-any */

export interface Res {
  status: number;
  body: any;
  headers: Headers;
}

/** Plain fetch against the sim, as any HTTP client would talk to api.machines.dev. */
export function client(sim: FlySim, scheme: 'Bearer' | 'FlyV1' = 'FlyV1') {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Res> => {
    const response = await fetch(`${sim.apiUrl}/v1${path}`, {
      method,
      headers: {
        authorization: `${scheme} ${sim.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
}

export function webConfig(image: string, extra: Record<string, any> = {}): Record<string, any> {
  return {
    image,
    guest: { cpu_kind: 'shared', cpus: 1, memory_mb: 256 },
    services: [
      {
        protocol: 'tcp',
        internal_port: 8080,
        ports: [{ port: 80, handlers: ['http'] }],
        checks: [{ type: 'http', path: '/health', interval: '1s', timeout: '1s', grace_period: '1s' }],
      },
    ],
    metadata: { fly_platform_version: 'v2', fly_process_group: 'app' },
    ...extra,
  };
}

export async function until<T>(
  what: string,
  fn: () => T | Promise<T>,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await fn();
    if (value) return value as NonNullable<T>;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
