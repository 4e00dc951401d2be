import { envelope, page } from '../envelope.js';
import { noRoute, type Call, type Reply, type RouteDef } from '../router.js';
import { recordOr404, type CloudflareState } from '../state.js';
import { buildRecord, checkConflicts, type RecordInput, type SimRecord } from '../store.js';

const R = '/zones/{zone_id}/dns_records';

/** What a PUT keeps of the record it replaces: only its identity; everything optional goes back to defaults. */
export const replaced = (existing: SimRecord): SimRecord => ({
  ...existing,
  comment: null,
  tags: [],
  proxied: false,
  ttl: 1,
});

function listRecords(state: CloudflareState, { params, query }: Call): Reply {
  const zone = state.zoneOr404(params.zone_id);
  const exact = (query.get('name.exact') ?? query.get('name'))?.toLowerCase().replace(/\.$/, '');
  const type = query.get('type')?.toUpperCase();
  const content = query.get('content.exact') ?? query.get('content');
  const list = zone.records.filter(
    (r) => (!exact || r.name === exact) && (!type || r.type === type) && (!content || r.content === content),
  );
  return { status: 200, body: page(list, query, { perPage: 100, maxPerPage: 5000 }) };
}

function createRecord(state: CloudflareState, { params, body }: Call): Reply {
  const zone = state.zoneOr404(params.zone_id);
  const record = buildRecord(zone, body as RecordInput);
  const next = [...zone.records, record];
  checkConflicts(next);
  zone.records = next;
  state.publish(zone, [record.name]);
  return { status: 200, body: envelope(record) };
}

function getRecord(state: CloudflareState, { params }: Call): Reply {
  return { status: 200, body: envelope(recordOr404(state.zoneOr404(params.zone_id), params.record_id)) };
}

function deleteRecord(state: CloudflareState, { params }: Call): Reply {
  const zone = state.zoneOr404(params.zone_id);
  const existing = recordOr404(zone, params.record_id);
  zone.records = zone.records.filter((r) => r.id !== existing.id);
  state.publish(zone, [existing.name]);
  return { status: 200, body: envelope({ id: existing.id }) };
}

/** PATCH merges into the record; PUT replaces it. */
function updateRecord(merge: boolean) {
  return (state: CloudflareState, { params, body }: Call): Reply => {
    const zone = state.zoneOr404(params.zone_id);
    const existing = recordOr404(zone, params.record_id);
    const updated = buildRecord(zone, body as RecordInput, merge ? existing : replaced(existing));
    const next = zone.records.map((r) => (r.id === existing.id ? updated : r));
    checkConflicts(next);
    zone.records = next;
    state.publish(zone, [existing.name, updated.name]);
    return { status: 200, body: envelope(updated) };
  };
}

/** Looks the zone (and record) up for any other method, so an unknown one is a 404 before "no route". */
function lookUpThenNoRoute(state: CloudflareState, { params }: Call): Reply {
  const zone = state.zoneOr404(params.zone_id);
  if (params.record_id !== undefined) recordOr404(zone, params.record_id);
  return noRoute();
}

/** The collection's routes; routes.ts puts the single-record routes after the batch route. */
export const RECORD_COLLECTION_ROUTES: RouteDef[] = [
  { method: 'GET', path: R, handler: listRecords },
  { method: 'POST', path: R, handler: createRecord },
  { path: R, handler: lookUpThenNoRoute },
];

export const RECORD_ROUTES: RouteDef[] = [
  { method: 'GET', path: `${R}/{record_id}`, handler: getRecord },
  { method: 'DELETE', path: `${R}/{record_id}`, handler: deleteRecord },
  { method: 'PUT', path: `${R}/{record_id}`, handler: updateRecord(false) },
  { method: 'PATCH', path: `${R}/{record_id}`, handler: updateRecord(true) },
  { path: `${R}/{record_id}`, handler: lookUpThenNoRoute },
];
