import type { FlyToml } from '../fly-toml.js';
import { bad } from './problems.js';
import type { MachineGuest } from '../types.js';
import {
  DEFAULT_GPU_VM_SIZE,
  DEFAULT_VM_SIZE,
  guestPreset,
  memoryBoundsPerCpu,
  parseMemoryMb,
  presetsLike,
} from '../vm-sizes.js';
import { computeForGroup } from './groups.js';

type Table = Record<string, unknown>;

/** The fly-go MachineGuest fields a [[vm]] may set inline, copied over the preset when not empty. */
const GUEST_FIELDS = [
  'cpu_kind',
  'cpus',
  'memory_mb',
  'max_memory_mb',
  'gpus',
  'gpu_kind',
  'host_dedication_id',
  'persist_rootfs',
  'kernel_args',
] as const;

/** The [[vm]] keys fly-go reads as Go ints, each with an example for the fix. */
const WHOLE_NUMBER_FIELDS: Record<string, string> = {
  cpus: 'cpus = 2',
  memory_mb: 'memory_mb = 1024',
  max_memory_mb: 'max_memory_mb = 2048',
  gpus: 'gpus = 1',
};

/** A value as fly.toml spells it: a number as written (nan, inf and -inf as TOML writes them), else JSON. */
const asWritten = (value: unknown): string =>
  typeof value === 'number' ? String(value).replace('Infinity', 'inf').toLowerCase() : JSON.stringify(value);

/**
 * flyctl refuses the file when one of these is not a whole number: it reads fly.toml through
 * encoding/json, which cannot encode nan or inf and will not put text, a boolean or 1.5 in a Go int.
 * Sent on, such a value would reach the Machines API as a string, a fraction or null.
 */
function checkWholeNumbers(toml: FlyToml, vm: Table, where: string): void {
  for (const [key, example] of Object.entries(WHOLE_NUMBER_FIELDS)) {
    const value = vm[key];
    if (value !== undefined && !Number.isInteger(value))
      throw bad(
        toml.file,
        `${where} ${key} ${asWritten(value)} is not a whole number.`,
        `write it without quotes, e.g. ${example}.`,
      );
  }
}

const isEmpty = (v: unknown) =>
  v === undefined || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0);

function presetFor(toml: FlyToml, vm: Table, where: string): MachineGuest {
  let size = DEFAULT_VM_SIZE;
  if (typeof vm.size === 'string' && vm.size) size = vm.size;
  else if (!isEmpty(vm.gpu_kind)) size = DEFAULT_GPU_VM_SIZE;
  const guest = guestPreset(size);
  if (!guest)
    throw bad(
      toml.file,
      `${where} size "${size}" is not a Fly preset.`,
      `use one of: ${presetsLike(size).join(', ')}.`,
    );
  return guest;
}

function checkSizing(toml: FlyToml, guest: MachineGuest, where: string): void {
  if (guest.cpu_kind !== 'shared' && guest.cpu_kind !== 'performance')
    throw bad(
      toml.file,
      `${where} cpu_kind "${String(guest.cpu_kind)}" is not shared or performance.`,
      'use "shared" or "performance".',
    );
  const cpus = guest.cpus ?? 1;
  const memory = guest.memory_mb ?? 0;
  const [min, max] = memoryBoundsPerCpu(guest.cpu_kind);
  // cpus and memory are whole numbers here (checkWholeNumbers). No memory fits fewer than one CPU: a
  // [[vm]] cpus = 0 is not copied over the preset's, and below zero min × cpus exceeds max × cpus.
  if (memory < min * cpus || memory > max * cpus) {
    throw bad(
      toml.file,
      `${where} ${memory} MB on ${cpus} ${guest.cpu_kind} CPU(s) is outside Fly's ${min}–${max} MB per CPU, so the Machines API would refuse it.`,
      'change memory or cpus (or pick a size preset).',
    );
  }
}

/**
 * flyctl's computeToGuest: the size preset (shared-cpu-1x by default, performance-8x when only a GPU
 * kind is given), the group's host dedication, `memory`, then every guest field the section sets.
 * Sizes Fly would refuse are refused here, before any call.
 */
export function guestFromVm(
  toml: FlyToml,
  vm: Table,
  where: string,
  hostDedicationId?: string,
): MachineGuest {
  checkWholeNumbers(toml, vm, where);
  const guest = presetFor(toml, vm, where);
  if (hostDedicationId) guest.host_dedication_id = hostDedicationId;
  if (vm.memory !== undefined) {
    const mb = parseMemoryMb(typeof vm.memory === 'number' ? String(vm.memory) : vm.memory);
    if (mb === undefined)
      throw bad(
        toml.file,
        `${where} memory ${asWritten(vm.memory)} is not a size above zero.`,
        'write e.g. "256mb" or "1gb".',
      );
    guest.memory_mb = mb;
  }
  for (const key of GUEST_FIELDS) if (!isEmpty(vm[key])) (guest as Table)[key] = vm[key];
  checkSizing(toml, guest, where);
  return guest;
}

/** The group's host dedication: its [[vm]]'s when that sets one (flyctl's Flatten), else the top level. */
export function hostDedicationFor(toml: FlyToml, group: string): string | undefined {
  const vm = computeForGroup(toml, group);
  if (vm && typeof vm.host_dedication_id === 'string' && vm.host_dedication_id) return vm.host_dedication_id;
  return toml.hostDedicationId;
}

/** The guest fly.toml asks for this group, or undefined so a Machine keeps its own (`fly scale vm`). */
export function guestForGroup(toml: FlyToml, group: string): MachineGuest | undefined {
  const vm = computeForGroup(toml, group);
  return vm ? guestFromVm(toml, vm, '[[vm]]', hostDedicationFor(toml, group)) : undefined;
}
