import { formatDuration } from '../core/duration.js';
import type { Candidate } from './candidates.js';
import type { BackupEntry, RestoreReport } from './report.js';
import { restoreDump } from './restore.js';
import { StoreError, type ObjectStore } from './store.js';
import {
  compareTables,
  fingerprintDatabase,
  parseTableManifest,
  redactUrl,
  type TableManifest,
} from './tables.js';

/** `<dump>.tables`: the per-table manifest written at backup time, not a backup itself. */
export const TABLE_MANIFEST_SUFFIX = '.tables';

export interface RestoreOptions {
  restoreTo: string;
  compareWith?: string;
  /** The run's deadline: kills pg_restore/psql when it passes. */
  signal?: AbortSignal;
}

/** The chosen key (it must be listed), or the newest backup of all. */
export function chooseRestoreKey(
  candidates: Candidate[],
  series: Map<string, Candidate[]>,
  key?: string,
): string {
  if (key === undefined)
    return [...series.values()].map((m) => m[0]).sort((a, b) => b.date.getTime() - a.date.getTime())[0].object
      .key;
  if (!candidates.some((c) => c.object.key === key))
    throw new StoreError(`restore-key '${key}' is not a backup under the prefix.`, 'NoSuchKey', {
      input: 'restore-key',
      fix: `use the full key of a listed backup, e.g. ${candidates[0].object.key}, or leave it empty for the newest.`,
    });
  return key;
}

/**
 * Restores a verified dump into the target database and compares every table with the manifest
 * written at backup time (`<key>.tables`) or with the live source database. A backup that failed
 * verification is not restored.
 */
export async function restoreAndCompare(
  store: ObjectStore,
  entry: BackupEntry,
  file: string,
  options: RestoreOptions,
  log: (line: string) => void,
): Promise<RestoreReport> {
  const database = redactUrl(options.restoreTo);
  const base = { key: entry.key, database, ok: false };
  if (entry.verdict !== 'ok')
    return {
      ...base,
      problem: `not restored: the backup did not verify (${entry.problems[0] ?? entry.verdict})`,
    };
  const expected = await expectedTables(store, entry.key, options.compareWith, options.signal);
  if ('problem' in expected) return { ...base, problem: expected.problem };
  log(`Restoring ${entry.key} into ${database}…`);
  const result = await restoreDump(file, options.restoreTo, undefined, options.signal);
  const timing = {
    tool: result.tool,
    ms: result.ms,
    mbPerSecond: round1(result.bytes / 1e6 / Math.max(0.001, result.ms / 1000)),
  };
  if (!result.ok)
    return {
      ...base,
      ...timing,
      problem: `${result.tool} failed: ${result.output.split('\n').slice(-3).join(' ')}`,
    };
  const actual = await fingerprintDatabase(options.restoreTo, database, undefined, options.signal);
  const comparison = compareTables(expected.tables, actual, {
    expected: expected.name,
    actual: 'the restored database',
  });
  log(`Restored in ${formatDuration(result.ms)}: ${comparison.summary}`);
  return {
    ...base,
    ...timing,
    ok: comparison.equal,
    comparedWith: expected.name,
    comparison,
    problem: comparison.equal ? undefined : comparison.summary,
  };
}

async function expectedTables(
  store: ObjectStore,
  key: string,
  compareWith: string | undefined,
  signal?: AbortSignal,
): Promise<{ tables: TableManifest; name: string } | { problem: string }> {
  if (compareWith) {
    const name = redactUrl(compareWith);
    return { tables: await fingerprintDatabase(compareWith, name, undefined, signal), name };
  }
  const manifestKey = key + TABLE_MANIFEST_SUFFIX;
  try {
    return { tables: parseTableManifest(await store.getText(manifestKey), manifestKey), name: manifestKey };
  } catch (error) {
    if (error instanceof StoreError && error.code === 'NoSuchKey')
      return {
        problem: `no table manifest ${manifestKey} to compare with: write one with each dump (see the README) or set compare-with to the source database`,
      };
    throw error;
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
