import { InputError } from '../core/errors.js';
import type { StatusRange } from './types.js';

/** `200-399`, `200-299, 404` or `200\n301`: the statuses that count as a successful response. */
export function parseStatusRanges(text: string, input = 'expect-status'): StatusRange[] {
  const ranges: StatusRange[] = [];
  for (const part of text.split(/[\n,\s]+/).filter(Boolean)) {
    const match = /^(\d{3})(?:-(\d{3}))?$/.exec(part);
    const from = match ? Number(match[1]) : NaN;
    const to = match?.[2] ? Number(match[2]) : from;
    if (!match || from < 100 || to > 599 || from > to) {
      throw new InputError(
        input,
        `"${part}" is not an HTTP status or range.`,
        'write e.g. 200-399 or 200-299,404.',
      );
    }
    ranges.push({ from, to });
  }
  if (ranges.length === 0) throw new InputError(input, 'is empty.', 'write e.g. 200-399.');
  return ranges;
}

export function statusAccepted(ranges: readonly StatusRange[], status: number): boolean {
  return ranges.some((r) => status >= r.from && status <= r.to);
}

export function formatStatusRanges(ranges: readonly StatusRange[]): string {
  return ranges.map((r) => (r.from === r.to ? String(r.from) : `${r.from}-${r.to}`)).join(',');
}
