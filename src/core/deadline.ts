import { formatDuration } from './duration.js';

/**
 * The one clock an action runs against: every request timeout is clamped to what is left, and retries stop
 * when the next wait would pass it. Derived from the action's inputs (each action documents how), so a
 * server that never answers costs at most this long.
 */
export class Deadline {
  at: number;
  constructor(
    readonly budgetMs: number,
    /** What the budget is called in messages, e.g. "dns-cutover's timeout (2m)". */
    public label = `the ${formatDuration(budgetMs)} deadline`,
    now = Date.now(),
  ) {
    this.at = now + budgetMs;
  }

  remainingMs(now = Date.now()): number {
    return Math.max(0, this.at - now);
  }

  expired(now = Date.now()): boolean {
    return now >= this.at;
  }

  /**
   * Moves the deadline to `ms` from now (never earlier): a restore after a late failure must still be
   * sent, so it gets its own budget, named in any message about it.
   */
  extend(ms: number, label: string): void {
    this.at = Math.max(this.at, Date.now() + ms);
    this.label = label;
  }

  /** A wait of `ms` clamped so it ends by the deadline (at least 1 ms, so timers still fire). */
  clamp(ms: number, now = Date.now()): number {
    return Math.max(1, Math.min(ms, this.remainingMs(now)));
  }

  /** A deadline inside this one: the smaller of `ms` from now and what is left. */
  within(ms: number, label?: string): Deadline {
    return new Deadline(Math.min(ms, this.remainingMs()), label ?? this.label);
  }

  static none(): Deadline {
    return new Deadline(365 * 24 * 3_600_000, 'no deadline');
  }
}
