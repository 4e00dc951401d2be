import { ApiError, UserError } from '../core/errors.js';
import { HttpClient, type HttpCall, type HttpResponse } from '../core/http.js';
import { parseRetryAfter, retry, RetryableError, sleep, type RetryOptions } from '../core/retry.js';
import { registerSecret } from '../core/secrets.js';
import { CapacityError, FlyApiError, isCapacityError, LeaseHeldError, leaseHolder } from './errors.js';
import { TokenBucket } from './rate-limit.js';
import type { LeaseData, Machine, MachineConfig, MachineEvent } from './types.js';

export const NONCE_HEADER = 'fly-machine-lease-nonce';
const ALL_ERRORS = Array.from({ length: 200 }, (_, i) => 400 + i);

/**
 * The Authorization header flyctl would send: macaroons (`fm1r_`, `fm1a_`, `fm2_`) as `FlyV1`, anything
 * else as `Bearer`; a value the user pasted with its scheme is sent unchanged (fly-go `tokens.Parse`).
 */
export function authorizationHeader(token: string): string {
  const trimmed = token.trim();
  if (/^(FlyV1|Bearer) /.test(trimmed)) return trimmed;
  if (/^fm[12][ra]?_/.test(trimmed)) return `FlyV1 ${trimmed}`;
  return `Bearer ${trimmed}`;
}

/** `https://api.machines.dev` → `https://api.machines.dev/v1/` (paths in the spec carry no `/v1`). */
export function apiBase(apiUrl: string): string {
  const url = new URL(apiUrl);
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = /\/v1$/.test(path) ? `${path}/` : `${path}/v1/`;
  return url.href;
}

export interface FlyApiOptions {
  apiUrl: string;
  token: string;
  app: string;
  retry?: RetryOptions;
  onCall?: (call: HttpCall) => void;
  log?: (line: string) => void;
  userAgent?: string;
}

interface SendOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  nonce?: string;
  /** Safe to resend after a timeout or 5xx (the first attempt may have been applied). */
  idempotent?: boolean;
  /** For a non-idempotent call: after an ambiguous failure, find out whether it happened anyway. */
  reconcile?: () => Promise<HttpResponse<unknown> | undefined>;
  /** 412 "unable to start machine from current state" (created/replacing) is worth another try. */
  retryPrecondition?: boolean;
  /** Waits for a rate-limit token before every attempt, retries included. */
  pace?: () => Promise<void>;
  /** 409 "concurrent update in progress": the Machine is still replacing; try again once it settles. */
  retryConflict?: boolean;
  accept?: number[];
  timeoutMs?: number;
}

export interface WaitResult {
  ok: boolean;
  state?: string;
  /** The wait ran out of time (the Machine was in `state`). */
  timedOut?: boolean;
  /** 404: the Machine is gone (or not yet visible). */
  missing?: boolean;
}

/** The Machines API for one app, with flyctl's rules: nonce on every mutation, 408/429/5xx retried. */
export class FlyApi {
  readonly http: HttpClient;
  readonly app: string;
  private readonly retryOptions: RetryOptions;
  private readonly log: (line: string) => void;
  /** Creates are limited per app: 1/s, bursting to 3 (docs: Machines API rate limits). */
  // Paced a little under 1/s so timer skew against the server's bucket does not cost a 429 round trip.
  private readonly createBucket = new TokenBucket(0.95, 3);

  constructor(options: FlyApiOptions) {
    registerSecret(options.token);
    const auth = authorizationHeader(options.token);
    registerSecret(auth);
    this.app = options.app;
    this.log = options.log ?? (() => {});
    this.retryOptions = { retries: 6, baseMs: 250, maxMs: 8000, maxRetryAfterMs: 60_000, ...options.retry };
    this.http = new HttpClient({
      baseUrl: apiBase(options.apiUrl),
      headers: { authorization: auth, 'user-agent': options.userAgent ?? 'runway-fly-deploy' },
      onCall: options.onCall,
      timeoutMs: 75_000,
    });
  }

  private machinesPath(id?: string, rest = ''): string {
    const app = encodeURIComponent(this.app);
    return id ? `apps/${app}/machines/${encodeURIComponent(id)}${rest}` : `apps/${app}/machines`;
  }

  /** One API call with Fly's retry rules; returns the 2xx (or accepted) response or throws FlyApiError. */
  async send<T>(method: string, path: string, options: SendOptions = {}): Promise<HttpResponse<T>> {
    const idempotent = options.idempotent ?? true;
    const headers: Record<string, string> = options.nonce ? { [NONCE_HEADER]: options.nonce } : {};
    let last = '';
    const ambiguous = async (why: string, retryAfterMs?: number): Promise<HttpResponse<T>> => {
      last = why;
      if (!idempotent && options.reconcile) {
        const found = await options.reconcile();
        if (found) {
          this.log(`${method} ${path}: ${why}, but it had taken effect (found by listing)`);
          return found as HttpResponse<T>;
        }
      }
      throw new RetryableError(why, retryAfterMs);
    };
    try {
      return await retry(
        async () => {
          let response: HttpResponse<unknown>;
          await options.pace?.();
          try {
            response = await this.http.request(method, path, {
              query: options.query,
              body: options.body,
              headers,
              retry: false,
              accept: ALL_ERRORS,
              timeoutMs: options.timeoutMs,
            });
          } catch (error) {
            if (error instanceof ApiError && error.status === 0) return ambiguous(error.message);
            throw error;
          }
          const { status } = response;
          if (status < 300 || options.accept?.includes(status)) return response as HttpResponse<T>;
          const { flyError, flyStatus } = errorBody(response.body);
          const message = `Fly API ${method} /${path} returned ${status}: ${flyError || '(no message)'}`;
          if (status === 429) {
            last = message;
            throw new RetryableError(message, parseRetryAfter(response.headers['retry-after']));
          }
          if (status === 408 || status >= 500)
            return ambiguous(message, parseRetryAfter(response.headers['retry-after']));
          if (status === 409 && options.retryConflict && /concurrent update|settle/i.test(flyError)) {
            last = message;
            throw new RetryableError(message);
          }
          if (status === 412 && options.retryPrecondition) {
            last = message;
            throw new RetryableError(message);
          }
          throw new FlyApiError(message, status, flyError, flyStatus);
        },
        {
          ...this.retryOptions,
          onRetry: (info) => {
            this.log(
              `retrying ${method} /${path} in ${info.delayMs}ms (attempt ${info.attempt}): ${(info.error as Error).message}`,
            );
            this.retryOptions.onRetry?.(info);
          },
        },
      );
    } catch (error) {
      if (error instanceof RetryableError) {
        throw new FlyApiError(
          `${last || error.message} (gave up after ${(this.retryOptions.retries ?? 6) + 1} attempts)`,
          0,
          error.message,
        );
      }
      throw this.translate(error);
    }
  }

  /** Errors the user can act on become UserErrors; the rest stay FlyApiErrors. */
  private translate(error: unknown): unknown {
    if (!(error instanceof FlyApiError)) return error;
    if (error.status === 401 || error.status === 403) {
      if (error.status === 403 && isCapacityError(error)) return error;
      return new UserError(
        `the Fly API rejected the token for app ${this.app} (${error.status}: ${error.flyError || 'unauthorized'}).`,
        {
          input: 'api-token',
          fix: `use a deploy token for this app (\`fly tokens create deploy -a ${this.app}\`) and copy the whole "FlyV1 …" string into the secret.`,
        },
      );
    }
    return error;
  }

  // --- Machines -------------------------------------------------------------------------------------

  async list(query: Record<string, string | boolean | undefined> = {}): Promise<Machine[]> {
    try {
      const response = await this.send<Machine[]>('GET', this.machinesPath(), { query });
      return Array.isArray(response.body) ? response.body : [];
    } catch (error) {
      if (error instanceof FlyApiError && error.status === 404) {
        throw new UserError(`Fly app "${this.app}" was not found (${error.flyError || '404'}).`, {
          input: 'app',
          fix: `check the app name (or \`app\` in fly.toml), or create it first with \`fly apps create ${this.app}\`.`,
        });
      }
      throw error;
    }
  }

  async get(id: string): Promise<Machine> {
    return (await this.send<Machine>('GET', this.machinesPath(id))).body;
  }

  /** GET that answers undefined for a Machine that no longer exists. */
  async find(id: string): Promise<Machine | undefined> {
    const response = await this.send<Machine>('GET', this.machinesPath(id), { accept: [404] });
    return response.status === 404 ? undefined : response.body;
  }

  /**
   * Create is not idempotent: a 408 or 5xx may still have made the Machine ("silent success"), so before
   * every retry the app is listed and a Machine carrying this create's launch id is taken as the result.
   */
  async create(body: CreateMachineBody, launch: { key: string; id: string }): Promise<Machine> {
    try {
      const response = await this.send<Machine>('POST', this.machinesPath(), {
        body,
        pace: () => this.createBucket.take(),
        idempotent: false,
        reconcile: async () => {
          const found = (await this.list()).find(
            (m) => m.config?.metadata?.[launch.key] === launch.id && m.state !== 'destroyed',
          );
          return found ? { status: 200, headers: {}, body: found } : undefined;
        },
      });
      return response.body;
    } catch (error) {
      if (isCapacityError(error)) throw new CapacityError(body.region ?? 'the region', error.flyError);
      throw error;
    }
  }

  async update(
    id: string,
    body: UpdateMachineBody,
    nonce: string | undefined,
    region: string,
  ): Promise<Machine> {
    try {
      const response = await this.send<Machine>('POST', this.machinesPath(id), {
        body,
        nonce,
        idempotent: false,
        retryConflict: true,
        // An update that landed shows as the Machine running a new version with our image.
        reconcile: async () => {
          const machine = await this.find(id);
          const landed =
            machine &&
            machine.config?.image === body.config.image &&
            versionOf(machine) !== body.current_version;
          return landed ? { status: 200, headers: {}, body: machine } : undefined;
        },
      });
      return response.body;
    } catch (error) {
      if (isCapacityError(error)) throw new CapacityError(region, error.flyError);
      throw error;
    }
  }

  async start(id: string, nonce?: string): Promise<void> {
    await this.send('POST', this.machinesPath(id, '/start'), { nonce, retryPrecondition: true });
  }

  async stop(id: string, nonce?: string, options: { signal?: string; timeout?: string } = {}): Promise<void> {
    await this.send('POST', this.machinesPath(id, '/stop'), { nonce, body: options });
  }

  /** Destroy with kill (flyctl's `kill=true`; the spec's `force=true` too). A 404 means already gone. */
  async destroy(id: string, nonce?: string): Promise<void> {
    await this.send('DELETE', this.machinesPath(id), {
      nonce,
      query: { kill: true, force: true },
      accept: [404],
    });
  }

  async cordon(id: string, nonce?: string): Promise<void> {
    await this.send('POST', this.machinesPath(id, '/cordon'), { nonce });
  }

  async uncordon(id: string, nonce?: string): Promise<void> {
    await this.send('POST', this.machinesPath(id, '/uncordon'), { nonce });
  }

  async setMetadata(id: string, key: string, value: string, nonce?: string): Promise<void> {
    await this.send('POST', this.machinesPath(id, `/metadata/${encodeURIComponent(key)}`), {
      nonce,
      body: { value },
    });
  }

  async deleteMetadata(id: string, key: string, nonce?: string): Promise<void> {
    await this.send('DELETE', this.machinesPath(id, `/metadata/${encodeURIComponent(key)}`), {
      nonce,
      accept: [404],
    });
  }

  async events(id: string): Promise<MachineEvent[]> {
    const response = await this.send<MachineEvent[]>('GET', this.machinesPath(id, '/events'), {
      query: { limit: 50 },
      accept: [404],
    });
    return response.status === 404 || !Array.isArray(response.body) ? [] : response.body;
  }

  /**
   * The `/wait` long poll, in chunks of at most 60 s (the server's cap) until `timeoutMs` runs out.
   * A 408 is the server's "not yet"; the loop continues until our own deadline.
   */
  async wait(
    id: string,
    state: string,
    options: { version?: string; timeoutMs: number; missingOk?: boolean; sliceSeconds?: number },
  ): Promise<WaitResult> {
    const deadline = Date.now() + options.timeoutMs;
    let lastState: string | undefined;
    let missingSince: number | undefined;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return { ok: false, timedOut: true, state: lastState };
      const seconds = Math.max(1, Math.min(options.sliceSeconds ?? 60, 60, Math.ceil(left / 1000)));
      const response = await this.send<{ ok?: boolean; state?: string; error?: string }>(
        'GET',
        this.machinesPath(id, '/wait'),
        {
          query: { state, timeout: seconds, version: options.version },
          accept: [400, 404, 408],
          timeoutMs: seconds * 1000 + 15_000,
        },
      );
      if (response.status === 200) return { ok: true, state: response.body?.state ?? state };
      if (response.status === 404) {
        if (options.missingOk) return { ok: false, missing: true };
        // A Machine made a moment ago can be briefly invisible; flyctl retries 404 while it is new.
        missingSince ??= Date.now();
        if (Date.now() - missingSince > 10_000) return { ok: false, missing: true };
        await sleep(250);
        continue;
      }
      const text = errorBody(response.body).flyError;
      const current = /currently (\w+)/.exec(text)?.[1];
      if (current) lastState = current;
      // A replaced version never reaches another state (Fly reverted or superseded it): waiting out
      // the rest of the timeout would only delay the rollback.
      if (options.version && current === 'replaced' && state !== 'replaced')
        return { ok: false, state: current };
      if (response.status === 400)
        throw new FlyApiError(
          `Fly API GET /wait for ${id} (state ${state}) returned 400: ${text}`,
          400,
          text,
        );
      if (Date.now() >= deadline) return { ok: false, timedOut: true, state: lastState };
    }
  }

  // --- Leases ---------------------------------------------------------------------------------------

  async acquireLease(id: string, ttlSeconds: number, description: string): Promise<LeaseData> {
    let response: HttpResponse<LeaseEnvelope>;
    try {
      response = await this.send<LeaseEnvelope>('POST', this.machinesPath(id, '/lease'), {
        query: { ttl: ttlSeconds },
        body: { ttl: ttlSeconds, description },
      });
    } catch (error) {
      if (
        error instanceof FlyApiError &&
        (error.status === 409 || /lease currently held/i.test(error.flyError))
      ) {
        throw new LeaseHeldError(id, leaseHolder(error.flyError) ?? 'someone else', this.app);
      }
      throw error;
    }
    return leaseData(response.body, id);
  }

  async refreshLease(id: string, nonce: string, ttlSeconds: number): Promise<LeaseData> {
    const response = await this.send<LeaseEnvelope>('POST', this.machinesPath(id, '/lease'), {
      nonce,
      query: { ttl: ttlSeconds },
      body: { ttl: ttlSeconds },
    });
    const lease = leaseData(response.body, id);
    if (lease.nonce !== nonce)
      throw new Error(`lease on ${id} changed hands during the deploy (nonce ${lease.nonce} ≠ ours)`);
    return lease;
  }

  /** The lease held on a Machine right now (with its nonce, as `fly machine leases clear` reads it), if any. */
  async findLease(id: string): Promise<LeaseData | undefined> {
    const response = await this.send<LeaseEnvelope>('GET', this.machinesPath(id, '/lease'), {
      accept: [404],
    });
    return response.status === 404 ? undefined : leaseData(response.body, id);
  }

  async releaseLease(id: string, nonce: string): Promise<void> {
    await this.send('DELETE', this.machinesPath(id, '/lease'), { nonce, accept: [404] });
  }

  // --- App ------------------------------------------------------------------------------------------

  /** Sets secrets; returns the secrets version to pin on creates and updates as `min_secrets_version`. */
  async setSecrets(values: Record<string, string | null>): Promise<number | undefined> {
    const response = await this.send<{ version?: number; Version?: number }>(
      'POST',
      `apps/${encodeURIComponent(this.app)}/secrets`,
      {
        body: { values },
      },
    );
    return response.body?.version ?? response.body?.Version;
  }
}

export interface CreateMachineBody {
  config: MachineConfig;
  region?: string;
  name?: string;
  skip_launch?: boolean;
  skip_service_registration?: boolean;
  lease_ttl?: number;
  min_secrets_version?: number;
}

export interface UpdateMachineBody {
  config: MachineConfig;
  region?: string;
  skip_launch?: boolean;
  current_version?: string;
  min_secrets_version?: number;
}

interface LeaseEnvelope {
  status?: string;
  data?: LeaseData | null;
  nonce?: string;
}

function leaseData(body: LeaseEnvelope | undefined, id: string): LeaseData {
  // The docs' envelope {status, data}; the spec's flat Lease is accepted too.
  if (body?.data?.nonce) return body.data;
  if (body?.nonce) return body as LeaseData;
  throw new Error(`lease on Machine ${id} was not granted (response: ${JSON.stringify(body).slice(0, 200)})`);
}

export function errorBody(body: unknown): { flyError: string; flyStatus?: string } {
  if (body && typeof body === 'object') {
    const b = body as { error?: unknown; message?: unknown; status?: unknown };
    const text =
      typeof b.error === 'string'
        ? b.error
        : typeof b.message === 'string'
          ? b.message
          : JSON.stringify(body);
    return { flyError: text, flyStatus: typeof b.status === 'string' ? b.status : undefined };
  }
  return { flyError: typeof body === 'string' ? body.slice(0, 300) : '' };
}

/** The Machine's current version: `version` (fly-go) or the older `instance_id`. */
export function versionOf(machine: Machine): string | undefined {
  return machine.version ?? machine.instance_id;
}
