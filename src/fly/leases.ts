import type { FlyApi } from './client.js';
import { FlyApiError } from './errors.js';

/**
 * The leases a deploy holds. Acquired before the first mutation, refreshed in the background every
 * (ttl − 1 s)/3 as flyctl does so a long health wait never outlives the TTL, and released on every path.
 */
export class LeaseKeeper {
  private readonly nonces = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;

  constructor(
    private readonly api: FlyApi,
    private readonly ttlSeconds: number,
    private readonly description: string,
    private readonly warn: (line: string) => void,
  ) {}

  nonce(id: string): string | undefined {
    return this.nonces.get(id);
  }

  held(): string[] {
    return [...this.nonces.keys()];
  }

  async acquire(id: string): Promise<string> {
    const existing = this.nonces.get(id);
    if (existing) return existing;
    const lease = await this.api.acquireLease(id, this.ttlSeconds, this.description);
    this.nonces.set(id, lease.nonce);
    this.startRefreshing();
    return lease.nonce;
  }

  /** The Machine was destroyed: its lease went with it. */
  forget(id: string): void {
    this.nonces.delete(id);
  }

  private startRefreshing(): void {
    if (this.timer) return;
    const everyMs = Math.max(500, ((this.ttlSeconds - 1) * 1000) / 3);
    this.timer = setInterval(() => void this.refreshAll(), everyMs);
    this.timer.unref();
  }

  private refreshAll(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    this.refreshing = Promise.all(
      [...this.nonces].map(async ([id, nonce]) => {
        try {
          await this.api.refreshLease(id, nonce, this.ttlSeconds);
        } catch (error) {
          // A 404 is a Machine destroyed a moment ago (its lease went with it).
          if (this.nonces.has(id) && !(error instanceof FlyApiError && error.status === 404))
            this.warn(`could not refresh the lease on ${id}: ${(error as Error).message}`);
        }
      }),
    ).then(
      () => {
        this.refreshing = undefined;
      },
      () => {
        this.refreshing = undefined;
      },
    );
    return this.refreshing;
  }

  async releaseAll(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    // A refresh still in flight could land after the release and hold the Machine for another TTL.
    await this.refreshing;
    const entries = [...this.nonces];
    this.nonces.clear();
    await Promise.all(
      entries.map(async ([id, nonce]) => {
        try {
          await this.api.releaseLease(id, nonce);
        } catch (error) {
          this.warn(
            `could not release the lease on ${id} (it expires by itself in ${this.ttlSeconds}s): ${(error as Error).message}`,
          );
        }
      }),
    );
  }
}
