import { CUTOVER_TYPES, formatRecordSet, sameValues, type RecordSet } from './records.js';

/** One rrset moving from `from` (absent when created) to `to`. */
export interface Upsert {
  from?: RecordSet;
  to: RecordSet;
}

/**
 * The whole change at one name, applied by a provider as one request where it can: rrsets of types the
 * target no longer uses are deleted, the rest replaced. A provider must send deletes first in the same
 * request (a CNAME cannot coexist with A/AAAA at one name).
 */
export interface ChangePlan {
  name: string;
  before: RecordSet[];
  after: RecordSet[];
  deletes: RecordSet[];
  upserts: Upsert[];
  /** Records added or removed, counting a TTL-only change as one per record; compared with `max-changes`. */
  recordChanges: number;
}

export interface PlanRow {
  type: string;
  before: string;
  after: string;
  action: 'create' | 'delete' | 'replace' | 'keep';
}

/**
 * Diffs the records at a name against what they should be. `desired` lists every rrset the name should
 * hold among A/AAAA/CNAME; a Cloudflare record that was proxied stays proxied (and then has TTL auto),
 * because turning the orange cloud off during a cutover would expose the origin.
 */
export function planChange(
  name: string,
  before: RecordSet[],
  desired: RecordSet[],
  options: { keepProxied?: boolean } = {},
): ChangePlan {
  const proxied = options.keepProxied !== false && before.some((set) => set.proxied);
  const after = desired.map((set) =>
    proxied && set.proxied === undefined ? { ...set, proxied: true, ttl: 1 } : set,
  );
  const deletes: RecordSet[] = [];
  const upserts: Upsert[] = [];
  let recordChanges = 0;
  for (const type of CUTOVER_TYPES) {
    const from = before.find((set) => set.type === type);
    const to = after.find((set) => set.type === type);
    if (!to) {
      if (from) {
        deletes.push(from);
        recordChanges += from.values.length;
      }
    } else if (!from) {
      upserts.push({ to });
      recordChanges += to.values.length;
    } else if (!sameRecordSet(from, to)) {
      upserts.push({ from, to });
      const removed = from.values.filter((v) => !to.values.includes(v)).length;
      const added = to.values.filter((v) => !from.values.includes(v)).length;
      recordChanges += removed + added || to.values.length;
    }
  }
  return { name, before, after, deletes, upserts, recordChanges };
}

export function sameRecordSet(a: RecordSet, b: RecordSet): boolean {
  return (
    a.type === b.type &&
    a.ttl === b.ttl &&
    Boolean(a.proxied) === Boolean(b.proxied) &&
    sameValues(a.values, b.values)
  );
}

export const isNoop = (plan: ChangePlan): boolean => plan.deletes.length === 0 && plan.upserts.length === 0;

export function planRows(plan: ChangePlan): PlanRow[] {
  const rows: PlanRow[] = [];
  for (const type of CUTOVER_TYPES) {
    const from = plan.before.find((set) => set.type === type);
    const to = plan.after.find((set) => set.type === type);
    if (!from && !to) continue;
    const action = !from ? 'create' : !to ? 'delete' : sameRecordSet(from, to) ? 'keep' : 'replace';
    rows.push({
      type,
      before: from ? formatRecordSet(from) : '—',
      after: to ? formatRecordSet(to) : '—',
      action,
    });
  }
  return rows;
}

/** Provider-neutral JSON of the change, for the `plan` output (provider internals left out). */
export function planJson(plan: ChangePlan): string {
  const strip = (set: RecordSet) => ({
    type: set.type,
    ttl: set.ttl,
    values: set.values,
    ...(set.proxied ? { proxied: true } : {}),
  });
  return JSON.stringify({
    name: plan.name,
    recordChanges: plan.recordChanges,
    delete: plan.deletes.map(strip),
    upsert: plan.upserts.map((u) => ({ from: u.from ? strip(u.from) : null, to: strip(u.to) })),
  });
}
