import type { StoredObject } from './store.js';
import { dateFromKey, seriesOf } from './layout.js';
import type { DateSource, Shard, VerifyMode } from './policy.js';

/** A listed backup with the date and series the policy sees it under. */
export interface Candidate {
  object: StoredObject;
  /** The backup's day and time as the policy sees it (calendar, retention, since:). */
  date: Date;
  dateSource: DateSource;
  series: string;
  /** When it was made, for freshness: more precise than a date-only key (see `madeAt`). */
  madeAt: Date;
}

const DAY_MS = 86_400_000;

/** Dates and series for each listed backup, newest first (ties by key, so every shard agrees). */
export function toCandidates(objects: StoredObject[], dateFrom: DateSource): Candidate[] {
  return objects
    .map((object) => {
      const fromKey = dateFrom === 'key' ? dateFromKey(object.key) : undefined;
      return {
        object,
        date: fromKey?.date ?? object.lastModified,
        dateSource: fromKey ? 'key' : 'last-modified',
        series: seriesOf(object.key),
        madeAt: fromKey ? madeAt(fromKey.date, fromKey.hasTime, object.lastModified) : object.lastModified,
      } satisfies Candidate;
    })
    .sort((a, b) => b.date.getTime() - a.date.getTime() || a.object.key.localeCompare(b.object.key));
}

/**
 * A key that carries only a day (`db-2026-11-29.dump`) says nothing about the hour: measuring age
 * from midnight would call a 03:00 backup 27 h old just before the next one runs. When the upload
 * finished within two days of that date, its LastModified is the better clock; otherwise (a copy or
 * re-upload much later) midnight is the honest, conservative choice.
 */
function madeAt(keyDate: Date, hasTime: boolean, lastModified: Date): Date {
  if (hasTime) return keyDate;
  const delta = lastModified.getTime() - keyDate.getTime();
  return delta >= 0 && delta < 2 * DAY_MS ? lastModified : keyDate;
}

/** Each series' members, newest first; the first of each is its newest backup. */
export function groupBySeries(newestFirst: Candidate[]): Map<string, Candidate[]> {
  const groups = new Map<string, Candidate[]>();
  for (const c of newestFirst) groups.set(c.series, [...(groups.get(c.series) ?? []), c]);
  return groups;
}

/** The keys this run (this shard) reads, by verify mode; each series' newest is always among them. */
export function selectForVerify(
  newestFirst: Candidate[],
  series: Map<string, Candidate[]>,
  mode: VerifyMode,
  shard: Shard,
  now: Date,
  random: () => number,
): Set<string> {
  const newest = new Set([...series.values()].map((members) => members[0]));
  let chosen: Candidate[];
  switch (mode.kind) {
    case 'latest':
      chosen = [...newest];
      break;
    case 'all':
      chosen = newestFirst;
      break;
    case 'since':
      chosen = newestFirst.filter((c) => c.date.getTime() >= now.getTime() - mode.ms || newest.has(c));
      break;
    case 'sample': {
      const rest = shuffle(
        newestFirst.filter((c) => !newest.has(c)),
        random,
      );
      chosen = [...newest, ...rest.slice(0, Math.max(0, mode.count - newest.size))];
      break;
    }
  }
  if (shard.count === 1) return new Set(chosen.map((c) => c.object.key));
  // Every matrix job sorts the same way, so the shards partition the set without talking to each other.
  const byKey = chosen.map((c) => c.object.key).sort();
  return new Set(byKey.filter((_, i) => i % shard.count === shard.index - 1));
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export function describeMode(mode: VerifyMode): string {
  return mode.kind === 'sample'
    ? `sample:${mode.count}`
    : mode.kind === 'since'
      ? `since:${mode.text}`
      : mode.kind;
}
