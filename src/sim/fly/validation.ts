import { isGoDuration } from './duration.js';
import { validateFiles } from './guest.js';
import { FlyError } from './errors.js';
import { ulid } from './ids.js';
import { behaviourOf, type ImageRegistry } from './images.js';
import { isObject, objectOf, objectsOf, type Json } from './json.js';
import type { VersionRecord } from './machine.js';
import type { AppState } from './state.js';

/** The request body as a JSON object; empty bodies read as `{}`, anything else is Fly's 400. */
export function parseBody(raw: string): Json {
  if (!raw.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new FlyError(400, 'invalid request body: could not parse JSON');
  }
  if (!isObject(parsed)) throw new FlyError(400, 'invalid request body: expected a JSON object');
  return parsed;
}

/** Validates a create/update body and builds the Machine version it describes. */
export function buildVersion(registry: ImageRegistry, app: AppState, body: Json): VersionRecord {
  const config = body.config;
  if (!isObject(config)) throw new FlyError(400, 'invalid request: config is required');
  if (typeof config.image !== 'string' || !config.image.trim())
    throw new FlyError(400, 'invalid machine config: image is required');
  validateConfig(config);
  checkSecretsVersion(app, body.min_secrets_version);
  const resolved = registry.resolve(config.image);
  if ('error' in resolved) throw new FlyError(422, resolved.error);
  const secrets: Record<string, string> = {};
  if (body.skip_secrets !== true) for (const [name, secret] of app.secrets) secrets[name] = secret.value;
  return {
    version: ulid(),
    config: structuredClone(config),
    imageRef: resolved.imageRef,
    behaviour: behaviourOf(resolved.source),
    secrets,
    createdAt: new Date().toISOString(),
  };
}

/** `min_secrets_version` newer than the app's secrets: Fly's 412 until the secrets have propagated. */
function checkSecretsVersion(app: AppState, raw: unknown): void {
  if (raw === undefined || raw === null) return;
  const wanted = Number(raw);
  if (!Number.isInteger(wanted) || wanted < 0)
    throw new FlyError(400, 'invalid min_secrets_version: must be a whole number');
  if (wanted > app.secretsVersion) {
    throw new FlyError(
      412,
      `failed_precondition: min_secrets_version ${wanted} is newer than the app's secrets version ${app.secretsVersion}; secrets have not propagated yet, retry shortly`,
    );
  }
}

/** The parts of a Machine config flyd itself refuses (shapes, ports, durations, enums). */
export function validateConfig(config: Json): void {
  validateServices(config.services);
  if (config.checks !== undefined) {
    if (!isObject(config.checks))
      throw new FlyError(400, 'invalid machine config: checks must be an object of name → check');
    for (const check of Object.values(config.checks)) validateCheck(objectOf(check), 'checks');
  }
  const policy = objectOf(config.restart).policy;
  if (policy !== undefined && !['no', 'always', 'on-failure', 'spot-price'].includes(String(policy))) {
    throw new FlyError(
      400,
      `invalid machine config: restart.policy "${String(policy)}" must be one of no, always, on-failure, spot-price`,
    );
  }
  validateStringMap(config.env, 'env');
  if (config.metadata !== undefined && config.metadata !== null)
    validateStringMap(config.metadata, 'metadata');
  validateFiles(config);
  validateMounts(config.mounts);
}

function validateServices(services: unknown): void {
  if (services === undefined) return;
  if (!Array.isArray(services)) throw new FlyError(400, 'invalid machine config: services must be an array');
  for (const service of objectsOf(services)) {
    const port = service.internal_port;
    if (port !== undefined && (!Number.isInteger(port) || Number(port) < 1 || Number(port) > 65535)) {
      throw new FlyError(
        400,
        `invalid machine config: services.internal_port ${JSON.stringify(port)} is not a port number`,
      );
    }
    for (const check of objectsOf(service.checks)) validateCheck(check, 'services.checks');
  }
}

function validateStringMap(value: unknown, where: string): void {
  if (value === undefined) return;
  if (!isObject(value))
    throw new FlyError(400, `invalid machine config: ${where} must be an object of strings`);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string')
      throw new FlyError(400, `invalid machine config: ${where}.${k} must be a string`);
  }
}

/** A mount names a volume id and an absolute path; flyd gives a Machine one volume at most. */
function validateMounts(mounts: unknown): void {
  if (mounts === undefined || mounts === null) return;
  if (!Array.isArray(mounts)) throw new FlyError(400, 'invalid machine config: mounts must be an array');
  if (mounts.length > 1) throw new FlyError(400, 'invalid machine config: a Machine can mount one volume');
  for (const mount of objectsOf(mounts)) {
    if (typeof mount.volume !== 'string' || !mount.volume)
      throw new FlyError(400, 'invalid machine config: mounts.volume (a volume id) is required');
    if (typeof mount.path !== 'string' || !mount.path.startsWith('/'))
      throw new FlyError(400, 'invalid machine config: mounts.path must be an absolute path');
  }
}

function validateCheck(check: Json, where: string): void {
  for (const field of ['interval', 'timeout', 'grace_period']) {
    if (check[field] !== undefined && !isGoDuration(check[field])) {
      throw new FlyError(
        400,
        `invalid machine config: ${where}.${field} ${JSON.stringify(check[field])} is not a duration such as "15s"`,
      );
    }
  }
  if (check.type !== undefined && !['http', 'tcp'].includes(String(check.type)))
    throw new FlyError(400, `invalid machine config: ${where}.type must be http or tcp`);
}
