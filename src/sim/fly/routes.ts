import { ok } from './errors.js';
import { APP_ROUTES } from './handlers/apps.js';
import { LEASE_ROUTES } from './handlers/leases.js';
import { LIFECYCLE_ROUTES } from './handlers/lifecycle.js';
import { MACHINE_ROUTES } from './handlers/machines.js';
import { METADATA_ROUTES } from './handlers/metadata.js';
import { SECRET_ROUTES } from './handlers/secrets.js';
import { VOLUME_ROUTES } from './handlers/volumes.js';
import { WAIT_ROUTES } from './handlers/wait.js';
import { NEAREST_REGION, REGIONS } from './regions.js';
import type { RouteDef } from './router.js';

const PLATFORM_ROUTES: RouteDef[] = [
  {
    method: 'GET',
    path: '/platform/regions',
    limit: 'read',
    handler: () => ok({ nearest: NEAREST_REGION, regions: REGIONS }),
  },
];

/** Every route the sim serves, grouped by resource; each group lives in handlers/<resource>.ts. */
export const ROUTES: RouteDef[] = [
  ...APP_ROUTES,
  ...MACHINE_ROUTES,
  ...LIFECYCLE_ROUTES,
  ...WAIT_ROUTES,
  ...LEASE_ROUTES,
  ...METADATA_ROUTES,
  ...SECRET_ROUTES,
  ...VOLUME_ROUTES,
  ...PLATFORM_ROUTES,
];

/** Every (method, spec path) the sim serves, for the contract test against the OpenAPI spec. */
export const SERVED_ROUTES = ROUTES.map(({ method, path }) => ({ method, path }));
