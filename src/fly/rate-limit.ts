import { sleep } from '../core/retry.js';

/**
 * A token bucket per published Machines API limit (1 request/s per action, bursting to 3; creates count
 * per app). Pacing ourselves keeps a 16-Machine blue-green from turning into a storm of 429s that would
 * exhaust the retry budget; the server's 429 + Retry-After remains the backstop.
 */
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  take(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = Date.now();
        this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
        this.last = now;
        if (this.tokens >= 1) {
          this.tokens -= 1;
          return;
        }
        await sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }
}
