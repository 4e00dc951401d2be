import { FlyError, ok, type Reply } from '../errors.js';
import { stringOf } from '../json.js';
import type { RouteDef } from '../router.js';
import type { FlySimulator } from '../server.js';
import { appJson } from '../shapes.js';
import { appOf, type Call } from '../state.js';

function listApps(sim: FlySimulator, call: Call): Reply {
  const org = call.query.get('org_slug');
  if (!org) throw new FlyError(400, 'org_slug is required');
  const apps = [...sim.apps.values()].filter((a) => a.org === org && sim.tokens.canSee(call.token, a));
  return ok({ total_apps: apps.length, apps: apps.map(appJson) });
}

async function createApp(sim: FlySimulator, call: Call): Promise<Reply> {
  if (call.token.apps) throw new FlyError(401, 'unauthorized: a deploy token cannot create apps');
  const name = stringOf(call.body.app_name) ?? stringOf(call.body.name);
  if (!name) throw new FlyError(400, 'app_name is required');
  const app = await sim.createApp(name, stringOf(call.body.org_slug) ?? 'personal');
  return ok(appJson(app), 201);
}

async function deleteApp(sim: FlySimulator, call: Call): Promise<Reply> {
  await sim.deleteApp(appOf(call));
  return { status: 202 };
}

export const APP_ROUTES: RouteDef[] = [
  { method: 'GET', path: '/apps', limit: 'read', handler: listApps },
  { method: 'POST', path: '/apps', limit: 'mutation', handler: createApp },
  { method: 'GET', path: '/apps/{app_name}', limit: 'read', handler: (_s, c) => ok(appJson(appOf(c))) },
  { method: 'DELETE', path: '/apps/{app_name}', limit: 'mutation', handler: deleteApp },
  {
    method: 'POST',
    path: '/apps/{app_name}/deploy_token',
    limit: 'mutation',
    handler: (s, c) => ok({ token: s.tokens.issueDeployToken(appOf(c).name) }),
  },
];
