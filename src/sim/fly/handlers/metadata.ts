import { FlyError, noContent, ok, type Reply } from '../errors.js';
import { isObject } from '../json.js';
import type { SimMachine } from '../machine.js';
import { M, type RouteDef } from '../router.js';
import { machineOf, type Call } from '../state.js';

function metadataOf(machine: SimMachine): Record<string, string> {
  machine.config.metadata ??= {};
  return machine.config.metadata as Record<string, string>;
}

function bulkMetadata(_sim: unknown, call: Call): Reply {
  const machine = machineOf(call);
  const { metadata: wanted, machine_version: expected } = call.body;
  if (!isObject(wanted)) throw new FlyError(400, 'metadata is required: an object of key → value');
  if (expected && expected !== machine.current.version) {
    throw new FlyError(
      412,
      `failed_precondition: machine_version ${String(expected)} does not match the current version ${machine.current.version}`,
    );
  }
  for (const [key, value] of Object.entries(wanted)) {
    if (value !== null && typeof value !== 'string')
      throw new FlyError(400, `metadata value for "${key}" must be a string or null`);
  }
  const metadata = metadataOf(machine);
  for (const [key, value] of Object.entries(wanted)) {
    if (value === null || value === '') delete metadata[key];
    else metadata[key] = value as string;
  }
  return noContent();
}

function getMetadataKey(_sim: unknown, call: Call): Reply {
  const value = metadataOf(machineOf(call))[call.params.key];
  if (value === undefined) throw new FlyError(404, `metadata key "${call.params.key}" not found`);
  return ok({ value });
}

function setMetadataKey(_sim: unknown, call: Call): Reply {
  const value = call.body.value;
  if (typeof value !== 'string') throw new FlyError(400, 'value is required and must be a string');
  if (value === '') delete metadataOf(machineOf(call))[call.params.key];
  else metadataOf(machineOf(call))[call.params.key] = value;
  return noContent();
}

function deleteMetadataKey(_sim: unknown, call: Call): Reply {
  delete metadataOf(machineOf(call))[call.params.key];
  return noContent();
}

export const METADATA_ROUTES: RouteDef[] = [
  {
    method: 'GET',
    path: `${M}/metadata`,
    limit: 'read',
    handler: (_s, c) => ok({ ...metadataOf(machineOf(c)) }),
  },
  { method: 'PUT', path: `${M}/metadata`, limit: 'mutation', handler: bulkMetadata },
  { method: 'PATCH', path: `${M}/metadata`, limit: 'mutation', handler: bulkMetadata },
  { method: 'GET', path: `${M}/metadata/{key}`, limit: 'read', handler: getMetadataKey },
  { method: 'POST', path: `${M}/metadata/{key}`, limit: 'mutation', handler: setMetadataKey },
  { method: 'DELETE', path: `${M}/metadata/{key}`, limit: 'mutation', handler: deleteMetadataKey },
];
