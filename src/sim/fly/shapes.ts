import { objectsOf, type Json } from './json.js';
import type { SimMachine } from './machine.js';
import type { AppState } from './state.js';

/** The API still answers booleans for autostop "off"/"stop" (spec description of fly.MachineService). */
function responseConfig(config: Json): Json {
  const copy = structuredClone(config);
  for (const service of objectsOf(copy.services)) {
    if (service.autostop === 'off') service.autostop = false;
    else if (service.autostop === 'stop') service.autostop = true;
  }
  return copy;
}

export function machineJson(machine: SimMachine, options: { summary?: boolean } = {}) {
  const version = machine.current;
  const base = {
    id: machine.id,
    name: machine.name,
    state: machine.state,
    region: machine.region,
    instance_id: version.version,
    version: version.version,
    private_ip: machine.privateIp,
    image_ref: version.imageRef,
    created_at: machine.createdAt,
    updated_at: machine.updatedAt,
    cordoned: machine.cordoned,
  };
  if (options.summary) return base;
  return {
    ...base,
    config: responseConfig(version.config),
    events: machine.events.slice(0, 20),
    checks: machine.checkStatuses(),
    host_status: 'ok',
  };
}

export function appJson(app: AppState) {
  const machines = [...app.machines.values()].filter((m) => m.state !== 'destroyed');
  return {
    id: app.id,
    name: app.name,
    machine_count: machines.length,
    volume_count: [...app.volumes.values()].filter((v) => v.state !== 'destroyed').length,
    network: 'default',
    status: machines.some((m) => m.state === 'started') ? 'deployed' : 'pending',
    organization: { name: app.org, slug: app.org },
  };
}
