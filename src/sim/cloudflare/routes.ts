import { BATCH_ROUTES } from './handlers/batch.js';
import { RECORD_COLLECTION_ROUTES, RECORD_ROUTES } from './handlers/records.js';
import { ZONE_ROUTES } from './handlers/zones.js';
import { router } from './router.js';

/**
 * Every route the stand-in serves, grouped by resource (handlers/<resource>.ts). Order matters where paths
 * overlap: `dns_records/batch` is tried before `dns_records/{record_id}`, which takes any other name.
 */
export const route = router([...ZONE_ROUTES, ...RECORD_COLLECTION_ROUTES, ...BATCH_ROUTES, ...RECORD_ROUTES]);
