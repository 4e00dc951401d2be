import { createHash } from 'node:crypto';
import { FlyError, ok, type Reply } from '../errors.js';
import { isObject } from '../json.js';
import type { RouteDef } from '../router.js';
import { appOf, type AppState, type Call, type Secret } from '../state.js';

const S = '/apps/{app_name}/secrets';

function secretJson(name: string, secret: Secret, withValue: boolean) {
  return {
    name,
    digest: secret.digest,
    created_at: secret.created_at,
    updated_at: secret.updated_at,
    ...(withValue ? { value: secret.value } : {}),
  };
}

function putSecret(app: AppState, name: string, value: string): Secret {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new FlyError(
      400,
      `invalid secret name "${name}": letters, digits and underscores, not starting with a digit`,
    );
  const now = new Date().toISOString();
  const secret: Secret = {
    value,
    digest: createHash('sha256').update(value).digest('hex').slice(0, 16),
    created_at: app.secrets.get(name)?.created_at ?? now,
    updated_at: now,
  };
  app.secrets.set(name, secret);
  return secret;
}

/** Every secrets change bumps the app's secrets version (Machines pin it with `min_secrets_version`). */
function bumpVersion(app: AppState) {
  app.secretsVersion++;
  return { version: app.secretsVersion, Version: app.secretsVersion };
}

function listSecrets(_sim: unknown, call: Call): Reply {
  const withValues = call.query.get('show_secrets') === 'true';
  return ok({ secrets: [...appOf(call).secrets].map(([name, s]) => secretJson(name, s, withValues)) });
}

function updateSecrets(_sim: unknown, call: Call): Reply {
  const app = appOf(call);
  const values = call.body.values;
  if (!isObject(values))
    throw new FlyError(400, 'values is required: an object of NAME → value (null deletes)');
  for (const [name, value] of Object.entries(values)) {
    if (value !== null && typeof value !== 'string')
      throw new FlyError(400, `secret "${name}" must be a string or null`);
  }
  for (const [name, value] of Object.entries(values)) {
    if (value === null) app.secrets.delete(name);
    else putSecret(app, name, value as string);
  }
  const version = bumpVersion(app);
  return ok({ secrets: [...app.secrets].map(([name, s]) => secretJson(name, s, false)), ...version });
}

function getSecret(_sim: unknown, call: Call): Reply {
  const secret = appOf(call).secrets.get(call.params.secret_name);
  if (!secret) throw new FlyError(404, `secret ${call.params.secret_name} not found`);
  return ok(secretJson(call.params.secret_name, secret, call.query.get('show_secrets') === 'true'));
}

function setSecret(_sim: unknown, call: Call): Reply {
  const app = appOf(call);
  const value = call.body.value;
  if (typeof value !== 'string') throw new FlyError(400, 'value is required and must be a string');
  const secret = putSecret(app, call.params.secret_name, value);
  return ok({ ...secretJson(call.params.secret_name, secret, false), ...bumpVersion(app) }, 201);
}

function deleteSecret(_sim: unknown, call: Call): Reply {
  const app = appOf(call);
  if (!app.secrets.delete(call.params.secret_name))
    throw new FlyError(404, `secret ${call.params.secret_name} not found`);
  return ok(bumpVersion(app));
}

export const SECRET_ROUTES: RouteDef[] = [
  { method: 'GET', path: S, limit: 'read', handler: listSecrets },
  { method: 'POST', path: S, limit: 'mutation', handler: updateSecrets },
  { method: 'GET', path: `${S}/{secret_name}`, limit: 'read', handler: getSecret },
  { method: 'POST', path: `${S}/{secret_name}`, limit: 'mutation', handler: setSecret },
  { method: 'DELETE', path: `${S}/{secret_name}`, limit: 'mutation', handler: deleteSecret },
];
