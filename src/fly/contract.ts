import { checkEach, checkFields } from '../core/contract.js';

/**
 * What fly-deploy needs from each Machines API answer before it acts on it, by operation. Every field
 * named here is declared with this type in the vendored OpenAPI description
 * (test/fixtures/fly/machines-openapi.json); test/fly/contract.test.ts holds the two together. A field
 * is required here when a decision reads it: a Machine without an id cannot be leased, updated or
 * destroyed, and one without a state cannot be judged.
 */
export const MACHINE_FIELDS = {
  id: 'string',
  state: 'string',
  config: 'object?',
  instance_id: 'string?',
  region: 'string?',
  name: 'string?',
} as const;

export const WAIT_FIELDS = { ok: 'boolean?', state: 'string?' } as const;
export const EVENT_FIELDS = { type: 'string?', status: 'string?', timestamp: 'number?' } as const;
export const SECRETS_FIELDS = { version: 'number?' } as const;

/** Operation (as the spec writes its path) → the schema its 200 answer uses and the fields checked. */
export const FLY_CONTRACT = [
  {
    method: 'get',
    path: '/apps/{app_name}/machines',
    schema: 'Machine',
    array: true,
    fields: MACHINE_FIELDS,
  },
  {
    method: 'post',
    path: '/apps/{app_name}/machines',
    schema: 'Machine',
    array: false,
    fields: MACHINE_FIELDS,
  },
  {
    method: 'get',
    path: '/apps/{app_name}/machines/{machine_id}',
    schema: 'Machine',
    array: false,
    fields: MACHINE_FIELDS,
  },
  {
    method: 'post',
    path: '/apps/{app_name}/machines/{machine_id}',
    schema: 'Machine',
    array: false,
    fields: MACHINE_FIELDS,
  },
  {
    method: 'get',
    path: '/apps/{app_name}/machines/{machine_id}/wait',
    schema: 'WaitMachineResponse',
    array: false,
    fields: WAIT_FIELDS,
  },
  {
    method: 'get',
    path: '/apps/{app_name}/machines/{machine_id}/events',
    schema: 'MachineEvent',
    array: true,
    fields: EVENT_FIELDS,
  },
] as const;

export const checkMachine = (body: unknown): string | undefined =>
  checkFields(body, MACHINE_FIELDS, 'a Machine');
export const checkMachines = (body: unknown): string | undefined =>
  checkEach(body, MACHINE_FIELDS, 'Machines');
/** 200 is `{ok, state}`; 400/408 carry Fly's `{error}` text, which the caller reads. */
export const checkWait = (body: unknown, status: number): string | undefined =>
  status === 200 && body !== undefined ? checkFields(body, WAIT_FIELDS, 'the wait answer') : undefined;
export const checkEvents = (body: unknown, status: number): string | undefined =>
  status === 200 ? checkEach(body, EVENT_FIELDS, 'Machine events') : undefined;
/** A 404 from `find` has Fly's `{error}` body; only a 200 must be a Machine. */
export const checkFoundMachine = (body: unknown, status: number): string | undefined =>
  status === 200 ? checkMachine(body) : undefined;
