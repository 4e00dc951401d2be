/**
 * The published Machines API budgets (fly.md §1.7): 1 request/s per action, bursting to 3, per Machine or
 * per app; reads 5/s bursting to 10. Token buckets keyed by action and target.
 */
export interface Budget {
  perSecond: number;
  burst: number;
}

export const MUTATION_BUDGET: Budget = { perSecond: 1, burst: 3 };
export const READ_BUDGET: Budget = { perSecond: 5, burst: 10 };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** Undefined when allowed; otherwise the seconds until a token is available (for Retry-After). */
  take(key: string, budget: Budget, now = Date.now()): number | undefined {
    const bucket = this.buckets.get(key) ?? { tokens: budget.burst, at: now };
    bucket.tokens = Math.min(budget.burst, bucket.tokens + ((now - bucket.at) / 1000) * budget.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / budget.perSecond));
  }
}
