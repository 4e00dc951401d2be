import { page, envelope } from '../envelope.js';
import type { Call, Reply, RouteDef } from '../router.js';
import type { CloudflareState } from '../state.js';
import type { SimZone } from '../store.js';

/** A zone as the API shows it: everything but the records the stand-in keeps with it. */
const zoneJson = ({ records: _records, ...zone }: SimZone) => zone;

/** `GET /zones`: per_page defaults to 20 and is at most 50 (the `per_page` parameter of List Zones). */
function listZones(state: CloudflareState, { query }: Call): Reply {
  const name = query.get('name')?.toLowerCase();
  const zones = state.zones.filter((z) => !name || z.name === name).map(zoneJson);
  return { status: 200, body: page(zones, query, { perPage: 20, maxPerPage: 50 }) };
}

function getZone(state: CloudflareState, { params }: Call): Reply {
  return { status: 200, body: envelope(zoneJson(state.zoneOr404(params.zone_id))) };
}

export const ZONE_ROUTES: RouteDef[] = [
  { method: 'GET', path: '/zones', handler: listZones },
  { method: 'GET', path: '/zones/{zone_id}', handler: getZone },
];
