import { formatDuration } from './duration.js';

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/**
 * Progress for long work, logged at most every `intervalMs` so a 1 GiB download prints a line every few
 * seconds rather than thousands: done/total, rate and time left.
 */
export class Progress {
  private done = 0;
  private lastLog = 0;
  private readonly started: number;

  constructor(
    private readonly label: string,
    private readonly total: number | undefined,
    private readonly log: (line: string) => void,
    private readonly options: { intervalMs?: number; unit?: 'bytes' | 'items'; now?: () => number } = {},
  ) {
    this.started = this.now();
    this.lastLog = this.started;
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  private fmt(n: number): string {
    return this.options.unit === 'items' ? String(n) : formatBytes(n);
  }

  add(amount: number): void {
    this.done += amount;
    const now = this.now();
    if (now - this.lastLog >= (this.options.intervalMs ?? 5000)) {
      this.lastLog = now;
      this.log(this.line(now));
    }
  }

  line(now = this.now()): string {
    const elapsed = Math.max(1, now - this.started);
    const rate = (this.done / elapsed) * 1000;
    const rateText = this.options.unit === 'items' ? `${rate.toFixed(1)}/s` : `${formatBytes(rate)}/s`;
    if (this.total && this.total > 0) {
      const pct = ((this.done / this.total) * 100).toFixed(0);
      const left = rate > 0 ? formatDuration(((this.total - this.done) / rate) * 1000) : '?';
      return `${this.label}: ${this.fmt(this.done)} of ${this.fmt(this.total)} (${pct}%), ${rateText}, ${left} left`;
    }
    return `${this.label}: ${this.fmt(this.done)}, ${rateText}`;
  }

  finish(): string {
    const line = `${this.label}: done, ${this.fmt(this.done)} in ${formatDuration(this.now() - this.started)}`;
    this.log(line);
    return line;
  }
}
