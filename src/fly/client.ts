import { pathId } from '../core/contract.js';
import type { Deadline } from '../core/deadline.js';
import { ApiError, UserError } from '../core/errors.js';
import { HttpClient, type HttpCall, type HttpFailure, type HttpResponse } from '../core/http.js';
import { sleep, type RetryOptions } from '../core/retry.js';
import { registerSecret } from '../core/secrets.js';
import { CapacityError, FlyApiError, isCapacityError, LeaseHeldError, leaseHolder } from './errors.js';
import { checkEvents, checkFoundMachine, checkMachine, checkMachines, checkWait } from './contract.js';
import { TokenBucket } from './rate-limit.js';
import type { LeaseData, Machine, MachineConfig, MachineEvent } from './types.js';

export const NONCE_HEADER = 'fly-machine-lease-nonce';

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
  /** The action's overall deadline: no call or retry starts after it. */
  deadline?: Deadline;
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
  /** First-byte timeout for a long poll. */
  timeoutMs?: number;
  /** The fields of the answer the caller acts on (src/fly/contract.ts). */
  check?: (body: unknown, status: number) => string | undefined;
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
  /** Whether any change (a non-GET call) has been accepted by the API through this client. */
  private sentChange = false;

  constructor(options: FlyApiOptions) {
    registerSecret(options.token);
    const auth = authorizationHeader(options.token);
    registerSecret(auth);
    this.app = options.app;
    this.log = options.log ?? (() => {});
    this.retryOptions = { retries: 6, baseMs: 250, maxMs: 8000, maxRetryAfterMs: 60_000, ...options.retry };
    this.http = new HttpClient({
      service: 'Fly Machines API',
      baseUrl: apiBase(options.apiUrl),
      headers: { authorization: auth, 'user-agent': options.userAgent ?? 'runway-fly-deploy' },
      onCall: options.onCall,
      // The API answers ordinary calls in a second or two; only /wait long-polls (given their own) take longer.
      timeouts: { connectMs: 10_000, firstByteMs: 15_000, bodyIdleMs: 10_000, totalMs: 25_000 },
      deadline: options.deadline,
      retry: this.retryOptions,
      toError: FlyApi.toError,
      onRetry: (info) =>
        this.log(
          info.attempt === 0
            ? `${info.method} ${info.path}: ${info.message}`
            : `retrying ${info.method} /${info.path} in ${info.delayMs}ms (attempt ${info.attempt}): ${info.message}`,
        ),
    });
  }

  /** The app's Machines collection: only list and create address it. */
  private collectionPath(): string {
    return `apps/${encodeURIComponent(pathId('app name', this.app))}/machines`;
  }

  /** One Machine (or a sub-resource of it); an empty or unsafe id is refused, never sent. */
  private machinePath(id: string, rest = ''): string {
    return `${this.collectionPath()}/${encodeURIComponent(pathId('Machine id', id))}${rest}`;
  }

  /**
   * One API call through the shared client (its one retry layer), with Fly's rules: 408/429/5xx retried,
   * 409 "concurrent update" and 412 while a Machine settles retried when asked, a non-idempotent call
   * reconciled before it is resent. Returns the 2xx (or accepted) response or throws FlyApiError.
   */
  async send<T>(method: string, path: string, options: SendOptions = {}): Promise<HttpResponse<T>> {
    const idempotent = options.idempotent ?? true;
    try {
      const response = await this.http.request<T>(method, path, {
        query: options.query,
        body: options.body,
        headers: options.nonce ? { [NONCE_HEADER]: options.nonce } : {},
        retry: idempotent,
        accept: options.accept,
        reconcile: idempotent ? undefined : options.reconcile,
        pace: options.pace,
        check: options.check,
        timeouts: options.timeoutMs
          ? { firstByteMs: options.timeoutMs, totalMs: options.timeoutMs + 5000 }
          : undefined,
        retryWhen: (status, body) => {
          const { flyError } = errorBody(body);
          if (status === 409)
            return Boolean(options.retryConflict) && /concurrent update|settle/i.test(flyError);
          return status === 412 && Boolean(options.retryPrecondition);
        },
      });
      if (method !== 'GET') this.sentChange = true;
      return response;
    } catch (error) {
      throw this.untouched(this.translate(error));
    }
  }

  /** A final failure as FlyApiError, with Fly's own `error` text when the body carries one. */
  private static toError(failure: HttpFailure): Error {
    const fly = failure.body && typeof failure.body === 'object';
    // Only a JSON body is Fly's own answer; anything else (a proxy's page, a redirect) keeps the generic message.
    if (failure.status === 0 || !fly) return new FlyApiError(failure.message, failure.status, failure.text);
    const { flyError, flyStatus } = errorBody(failure.body);
    return new FlyApiError(
      `Fly API ${failure.method} /${failure.path} returned ${failure.status}: ${flyError || '(no message)'}`,
      failure.status,
      flyError,
      flyStatus,
    );
  }

  /**
   * A failure before any change was accepted says so: the reader of "Fly Machines API did not answer"
   * must know whether the app was touched.
   */
  private untouched(error: unknown): unknown {
    if (!this.sentChange && error instanceof ApiError && !(error instanceof UserError))
      error.message = `${error.message.replace(/\.?$/, '.')} Nothing was changed on Fly: no change had been accepted yet.`;
    return error;
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
      const response = await this.send<Machine[]>('GET', this.collectionPath(), {
        query,
        check: checkMachines,
      });
      return response.body;
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
    return (await this.send<Machine>('GET', this.machinePath(id), { check: checkMachine })).body;
  }

  /** GET that answers undefined for a Machine that no longer exists. */
  async find(id: string): Promise<Machine | undefined> {
    const response = await this.send<Machine>('GET', this.machinePath(id), {
      accept: [404],
      check: checkFoundMachine,
    });
    return response.status === 404 ? undefined : response.body;
  }

  /**
   * Create is not idempotent: a 408 or 5xx may still have made the Machine ("silent success"), so before
   * every retry the app is listed and a Machine carrying this create's launch id is taken as the result.
   */
  async create(body: CreateMachineBody, launch: { key: string; id: string }): Promise<Machine> {
    try {
      const response = await this.send<Machine>('POST', this.collectionPath(), {
        body,
        check: checkMachine,
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
      const response = await this.send<Machine>('POST', this.machinePath(id), {
        body,
        check: checkMachine,
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
    await this.send('POST', this.machinePath(id, '/start'), { nonce, retryPrecondition: true });
  }

  async stop(id: string, nonce?: string, options: { signal?: string; timeout?: string } = {}): Promise<void> {
    await this.send('POST', this.machinePath(id, '/stop'), { nonce, body: options });
  }

  /** Destroy with kill (flyctl's `kill=true`; the spec's `force=true` too). A 404 means already gone. */
  async destroy(id: string, nonce?: string): Promise<void> {
    await this.send('DELETE', this.machinePath(id), {
      nonce,
      query: { kill: true, force: true },
      accept: [404],
    });
  }

  async cordon(id: string, nonce?: string): Promise<void> {
    await this.send('POST', this.machinePath(id, '/cordon'), { nonce });
  }

  async uncordon(id: string, nonce?: string): Promise<void> {
    await this.send('POST', this.machinePath(id, '/uncordon'), { nonce });
  }

  async setMetadata(id: string, key: string, value: string, nonce?: string): Promise<void> {
    await this.send('POST', this.machinePath(id, `/metadata/${encodeURIComponent(key)}`), {
      nonce,
      body: { value },
    });
  }

  async deleteMetadata(id: string, key: string, nonce?: string): Promise<void> {
    await this.send('DELETE', this.machinePath(id, `/metadata/${encodeURIComponent(key)}`), {
      nonce,
      accept: [404],
    });
  }

  async events(id: string): Promise<MachineEvent[]> {
    const response = await this.send<MachineEvent[]>('GET', this.machinePath(id, '/events'), {
      query: { limit: 50 },
      accept: [404],
      check: checkEvents,
    });
    return response.status === 404 ? [] : response.body;
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
        this.machinePath(id, '/wait'),
        {
          query: { state, timeout: seconds, version: options.version },
          accept: [400, 404, 408],
          timeoutMs: seconds * 1000 + 15_000,
          check: checkWait,
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
      response = await this.send<LeaseEnvelope>('POST', this.machinePath(id, '/lease'), {
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
    const response = await this.send<LeaseEnvelope>('POST', this.machinePath(id, '/lease'), {
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
    const response = await this.send<LeaseEnvelope>('GET', this.machinePath(id, '/lease'), {
      accept: [404],
    });
    return response.status === 404 ? undefined : leaseData(response.body, id);
  }

  async releaseLease(id: string, nonce: string): Promise<void> {
    await this.send('DELETE', this.machinePath(id, '/lease'), { nonce, accept: [404] });
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
