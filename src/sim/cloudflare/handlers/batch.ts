import { envelope } from '../envelope.js';
import { replaced } from './records.js';
import type { Call, Reply, RouteDef } from '../router.js';
import type { CloudflareState } from '../state.js';
import {
  ApiFailure,
  buildRecord,
  checkConflicts,
  type RecordInput,
  type SimRecord,
  type SimZone,
} from '../store.js';

interface BatchResult {
  deletes: SimRecord[];
  patches: SimRecord[];
  puts: SimRecord[];
  posts: SimRecord[];
}

const missing = (id: string) =>
  new ApiFailure(404, [{ code: 81044, message: `Record ${id} does not exist.` }]);

function applyDeletes(records: SimRecord[], deletes: { id: string }[], result: BatchResult): SimRecord[] {
  let next = records;
  for (const d of deletes) {
    const found = next.find((r) => r.id === d.id);
    if (!found) throw missing(d.id);
    next = next.filter((r) => r.id !== d.id);
    result.deletes.push(found);
  }
  return next;
}

/** Patches merge into the record, puts replace it; both in place, in the order sent. */
function applyUpdates(
  zone: SimZone,
  next: SimRecord[],
  kind: 'patches' | 'puts',
  updates: (RecordInput & { id: string })[],
  result: BatchResult,
): void {
  for (const p of updates) {
    const index = next.findIndex((r) => r.id === p.id);
    if (index < 0) throw missing(p.id);
    const updated = buildRecord(zone, p, kind === 'patches' ? next[index] : replaced(next[index]));
    next[index] = updated;
    result[kind].push(updated);
  }
}

function applyPosts(zone: SimZone, next: SimRecord[], posts: RecordInput[], result: BatchResult): void {
  for (const p of posts) {
    const record = buildRecord(zone, p);
    next.push(record);
    result.posts.push(record);
  }
}

/** One transaction: deletes, patches, puts, posts, in that order, on a copy; committed only if all pass. */
function batch(state: CloudflareState, { params, body }: Call): Reply {
  const zone = state.zoneOr404(params.zone_id);
  const result: BatchResult = { deletes: [], patches: [], puts: [], posts: [] };
  const next = applyDeletes(
    zone.records.map((r) => ({ ...r })),
    (body.deletes as { id: string }[] | undefined) ?? [],
    result,
  );
  applyUpdates(
    zone,
    next,
    'patches',
    (body.patches as (RecordInput & { id: string })[] | undefined) ?? [],
    result,
  );
  applyUpdates(zone, next, 'puts', (body.puts as (RecordInput & { id: string })[] | undefined) ?? [], result);
  applyPosts(zone, next, (body.posts as RecordInput[] | undefined) ?? [], result);
  checkConflicts(next);
  zone.records = next;
  const touched = [...result.deletes, ...result.patches, ...result.puts, ...result.posts];
  state.publish(zone, [...new Set(touched.map((r) => r.name))]);
  return { status: 200, body: envelope(result) };
}

export const BATCH_ROUTES: RouteDef[] = [
  { method: 'POST', path: '/zones/{zone_id}/dns_records/batch', handler: batch },
];
