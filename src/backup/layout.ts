/**
 * How a backup key says when it was made and which series it belongs to. Backup jobs write the date
 * into folders (`db/2026-11-29/`, `postgres/2026/11/29/`, `db/2026/11/`), into the file name
 * (`voicebot-2026-11-29.sql.gz`) or both; every one of those spots is a date, not a different
 * backup, so all of them are taken out to form the series.
 */

/** A full date (`2026-11-29`, `2026_11_29`, `2026/11/29`, `20261129`), optionally with a time (`T031500Z`, `-03-15-00`). */
const FULL_DATE =
  /(?<![0-9])(20\d{2})[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12]\d|3[01])(?:[T_ -]?([01]\d|2[0-3])[-:]?([0-5]\d)(?:[-:]?([0-5]\d))?Z?)?(?![0-9])/g;

/** A year folder (`2026/`) or a month (`2026/11/`, `2026-11/`) left after the full dates are out. */
const PERIOD_FOLDERS = /(?<=^|\/)20\d{2}([-_/](0[1-9]|1[0-2]))?(?=\/)/g;

export interface KeyDate {
  date: Date;
  /** False for a date-only key: the hour is unknown (see `madeAt` in the verifier). */
  hasTime: boolean;
}

/**
 * The backup date written in a key. The last full date wins: folders can carry a date of their own
 * (`2026/11/db-2026-11-29.dump`) and the file name is the most precise.
 */
export function dateFromKey(key: string): KeyDate | undefined {
  const dates = fullDates(key);
  const last = dates.at(-1);
  return last && { date: last.date, hasTime: last.hasTime };
}

/**
 * The series a key belongs to: the key with every date in it replaced (`{date}` for a day,
 * `{month}` and `{year}` for period folders). `db/2026-11-29/voicebot-2026-11-29.sql.gz` and
 * `db/2026-11-30/voicebot-2026-11-30.sql.gz` are one series, `db/{date}/voicebot-{date}.sql.gz`.
 * A key without any date stands for the folder it is in (`db/*`).
 */
export function seriesOf(key: string): string {
  const dates = fullDates(key);
  let series = '';
  let at = 0;
  for (const d of dates) {
    series += key.slice(at, d.index) + '{date}';
    at = d.index + d.text.length;
  }
  series += key.slice(at);
  series = series.replace(PERIOD_FOLDERS, (_, month: string | undefined) => (month ? '{month}' : '{year}'));
  return series === key ? key.replace(/[^/]*$/, '*') : series;
}

interface DateMatch extends KeyDate {
  index: number;
  text: string;
}

/** Every valid full date in the key, left to right (2026-02-30 is not one). */
function fullDates(key: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const match of key.matchAll(FULL_DATE)) {
    const [text, y, mo, d, h, mi, s] = match;
    const date = new Date(
      Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)),
    );
    if (date.getUTCDate() !== Number(d)) continue;
    found.push({ date, hasTime: h !== undefined, index: match.index, text });
  }
  return found;
}

export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
export const monthOf = (date: Date): string => date.toISOString().slice(0, 7);
