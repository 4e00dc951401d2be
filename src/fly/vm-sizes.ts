import type { MachineGuest } from './types.js';
import { goAtoi } from './config/go-atoi.js';

/**
 * fly-go's MachinePresets (machine_types.go): shared CPUs carry 256 MB each, performance CPUs 2048 MB
 * each, and the GPU presets are 8 performance CPUs with 32 GB.
 */
export const MACHINE_PRESETS: Readonly<Record<string, Readonly<MachineGuest>>> = Object.freeze({
  ...Object.fromEntries(
    [1, 2, 4, 6, 8].map((n) => [`shared-cpu-${n}x`, { cpu_kind: 'shared', cpus: n, memory_mb: n * 256 }]),
  ),
  ...Object.fromEntries(
    [1, 2, 4, 6, 8, 10, 12, 14, 16].map((n) => [
      `performance-${n}x`,
      { cpu_kind: 'performance', cpus: n, memory_mb: n * 2048 },
    ]),
  ),
  'a100-40gb': gpuPreset('a100-pcie-40gb'),
  'a100-80gb': gpuPreset('a100-sxm4-80gb'),
  l40s: gpuPreset('l40s'),
  a10: gpuPreset('a10'),
});

function gpuPreset(kind: string): MachineGuest {
  return { gpu_kind: kind, gpus: 1, cpu_kind: 'performance', cpus: 8, memory_mb: 16 * 2048 };
}

/** flyctl's size when [[vm]] names none: fly.DefaultVMSize, or fly.DefaultGPUVMSize when gpu_kind is set. */
export const DEFAULT_VM_SIZE = 'shared-cpu-1x';
export const DEFAULT_GPU_VM_SIZE = 'performance-8x';

/** A copy of a preset's guest (MachineGuest.SetSize), or undefined when Fly has no preset of that name. */
export function guestPreset(size: string): MachineGuest | undefined {
  const preset = MACHINE_PRESETS[size];
  return preset ? { ...preset } : undefined;
}

/** Preset names of the same family as `size`, for the message that refuses it (as fly-go lists them). */
export function presetsLike(size: string): string[] {
  const family = size.startsWith('performance') ? 'performance' : size.startsWith('shared') ? 'shared' : '';
  const names = Object.keys(MACHINE_PRESETS);
  return (family ? names.filter((n) => n.startsWith(family)) : names).sort();
}

/** Fly's memory bounds per CPU (fly-go MIN/MAX_MEMORY_MB_PER_*): the API refuses anything outside. */
export function memoryBoundsPerCpu(cpuKind: string | undefined): [number, number] {
  return cpuKind === 'performance' ? [2048, 8192] : [256, 2048];
}

// go-units' size grammar: a number, an optional space, an optional unit letter, optional "i" and "b".
const SIZE = /^(\d+(?:\.\d+)*) ?([kmgtp])?i?b?$/i;
const EXPONENT: Record<string, number> = { k: 1, m: 2, g: 3, t: 4, p: 5 };

function bytesOf(text: string, base: number): number | undefined {
  const match = SIZE.exec(text);
  if (!match) return undefined;
  const unit = match[2]?.toLowerCase();
  return Math.trunc(Number(match[1]) * (unit ? base ** EXPONENT[unit] : 1));
}

/**
 * flyctl's helpers.ParseSize: a bare integer is already in the target unit; anything else is parsed as
 * bytes (binary units for memory, decimal for volume sizes) and divided down, truncating.
 */
function parseSize(value: unknown, base: number, unitBytes: number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const whole = goAtoi(value);
  if (whole !== undefined) return whole;
  const bytes = bytesOf(value, base);
  return bytes === undefined ? undefined : Math.trunc(bytes / unitBytes);
}

/** `[[vm]] memory`: `"256mb"`, `"4G"`, `"1gb"`, `512` or `"512"` (MB) → megabytes (units.RAMInBytes / MiB). */
export function parseMemoryMb(value: unknown): number | undefined {
  const mb = parseSize(value, 1024, 1024 ** 2);
  return (mb ?? 0) > 0 ? mb : undefined;
}

/** Volume sizes (`initial_size`, `auto_extend_size_*`): `"10gb"`, `"3GB"`, `10` → gigabytes (units.FromHumanSize / GB). */
export function parseSizeGb(value: unknown): number | undefined {
  return parseSize(value, 1000, 1000 ** 3);
}
