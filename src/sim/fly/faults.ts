/**
 * Fault injection for tests and drills. A rule matches a request by method and path (a RegExp, or a
 * substring of the path including `/v1`), answers with `status` `times` times (unlimited when omitted,
 * until `clear()`), and then the request is served normally again.
 * - `createAnyway`: the request is carried out (e.g. the Machine IS created) but the answer is the fault,
 *   like a create that timed out with a 408 after flyd had committed it.
 * - `capacity`: a Fly capacity error body (`insufficient_capacity`), status 409 unless `status` is given.
 * - `revertUpdate`: an update (POST /apps/{app}/machines/{id}) answers 200 with the new version as usual,
 *   but flyd then reverts it (fly.md §8.5: "machine remains on previous version … (state: replaced)"):
 *   the Machine boots its previous version again and the new one reads `replaced`. Only updates match
 *   such a rule; `status` is ignored.
 */
export interface FaultRule {
  method?: string;
  path?: string | RegExp;
  status?: number;
  times?: number;
  body?: unknown;
  retryAfter?: number;
  createAnyway?: boolean;
  capacity?: boolean;
  revertUpdate?: boolean;
  region?: string;
}

export interface FaultReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  createAnyway: boolean;
  /** Serve the request normally, then revert the update it made. */
  revertUpdate: boolean;
}

interface ActiveRule extends FaultRule {
  remaining: number;
}

export class Faults {
  private rules: ActiveRule[] = [];

  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, remaining: rule.times ?? Infinity });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first live rule matching this request, consumed once. */
  match(method: string, path: string, region?: string): FaultReply | undefined {
    const rule = this.rules.find(
      (r) => r.remaining > 0 && matches(r, method, path) && (!r.region || r.region === region),
    );
    if (!rule) return undefined;
    rule.remaining--;
    const status = rule.status ?? (rule.capacity ? 409 : 500);
    const headers: Record<string, string> = {};
    if (rule.retryAfter !== undefined) headers['retry-after'] = String(rule.retryAfter);
    else if (status === 429) headers['retry-after'] = '1';
    return {
      status,
      body: rule.body ?? defaultBody(status, rule),
      headers,
      createAnyway: !!rule.createAnyway,
      revertUpdate: !!rule.revertUpdate,
    };
  }
}

const UPDATE_PATH = /\/apps\/[^/]+\/machines\/[^/]+$/;

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.revertUpdate && (method.toUpperCase() !== 'POST' || !UPDATE_PATH.test(path))) return false;
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path);
}

function defaultBody(status: number, rule: FaultRule): unknown {
  if (rule.capacity) {
    return {
      error:
        'aborted: could not reserve resource for machine: insufficient memory available to fulfill request. Please retry in a different region or try again later',
      status: 'insufficient_capacity',
    };
  }
  if (status === 408) return { error: 'deadline_exceeded: request timed out' };
  if (status === 429) return { error: 'rate limit exceeded, please retry later' };
  if (status >= 500) return { error: 'internal error: upstream flyd unavailable', status: 'unknown' };
  return { error: `injected fault (${status})` };
}
