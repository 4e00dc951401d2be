import { UserError } from '../core/errors.js';
import type { FlyApi } from './client.js';
import type { FlyToml } from './fly-toml.js';
import type { Machine, MachineConfig } from './types.js';

/** `[mounts]` for one process group, in flyctl's terms. */
export interface MountSpec {
  source: string;
  destination: string;
  initialSizeGb: number;
  extendThresholdPercent?: number;
  addSizeGb?: number;
  sizeGbLimit?: number;
}

/** A volume as the Volumes API answers (fly-machines-openapi.json `Volume`), narrowed to what a deploy reads. */
export interface Volume {
  id: string;
  name: string;
  region: string;
  state?: string;
  size_gb?: number;
  attached_machine_id?: string | null;
  attached_alloc_id?: string | null;
  host_status?: string;
}

/** flyctl's default `initial_size` (deploy.DefaultVolumeInitialSizeGB). */
const DEFAULT_INITIAL_SIZE_GB = 1;

const sizeGb = (value: unknown): number | undefined => {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const match = /^(\d+)\s*(gb?|g)?$/i.exec(String(value).trim());
  return match ? Number(match[1]) : undefined;
};

/** The mount a process group declares (a `[mounts]` with `processes` applies only to those groups). */
export function mountFor(toml: FlyToml, group: string): MountSpec | undefined {
  const table = toml.mounts.find((m) => {
    const processes = m.processes;
    return !Array.isArray(processes) || processes.length === 0 || processes.includes(group);
  });
  if (!table) return undefined;
  const percent = table.auto_extend_size_threshold;
  return {
    source: String(table.source ?? ''),
    destination: String(table.destination ?? ''),
    initialSizeGb: sizeGb(table.initial_size) ?? DEFAULT_INITIAL_SIZE_GB,
    extendThresholdPercent: percent === undefined ? undefined : Number(percent),
    addSizeGb: sizeGb(table.auto_extend_size_increment),
    sizeGbLimit: sizeGb(table.auto_extend_size_limit),
  };
}

/** The Machine config's `mounts` for a spec, on a given volume (flyctl appconfig mount conversion). */
export function mountConfig(spec: MountSpec, volumeId: string): NonNullable<MachineConfig['mounts']> {
  return [
    {
      volume: volumeId,
      path: spec.destination,
      name: spec.source,
      ...(spec.extendThresholdPercent !== undefined
        ? { extend_threshold_percent: spec.extendThresholdPercent }
        : {}),
      ...(spec.addSizeGb !== undefined ? { add_size_gb: spec.addSizeGb } : {}),
      ...(spec.sizeGbLimit !== undefined ? { size_gb_limit: spec.sizeGbLimit } : {}),
    },
  ];
}

interface MountedVolume {
  volume?: string;
  name?: string;
  path?: string;
}

export function mountedVolume(config: MachineConfig | undefined): MountedVolume | undefined {
  return (config?.mounts as MountedVolume[] | undefined)?.[0];
}

/**
 * The app's volumes for one deploy, as flyctl keeps them: unattached ones by name, handed out per region
 * to new Machines; where none is left in a region a new one is created with `initial_size`.
 */
export class VolumePool {
  private unattached = new Map<string, Volume[]>();
  private known = new Set<string>();
  /** Volumes this deploy created, for the summary (and left in place on a rollback: they may hold data). */
  readonly created: Volume[] = [];

  constructor(private readonly api: FlyApi) {}

  private path(id?: string): string {
    const base = `apps/${encodeURIComponent(this.api.app)}/volumes`;
    return id ? `${base}/${encodeURIComponent(id)}` : base;
  }

  /** Lists the app's volumes; the unattached, healthy ones are kept by name (flyctl `setVolumes`). */
  async load(): Promise<Volume[]> {
    const response = await this.api.send<Volume[]>('GET', this.path());
    if (!Array.isArray(response.body))
      throw new Error(`Fly API GET /${this.path()} answered ${typeof response.body}, not a list of volumes`);
    const volumes = response.body.filter((v) => v && typeof v.id === 'string' && typeof v.name === 'string');
    this.known = new Set(volumes.map((v) => v.id));
    this.unattached = new Map();
    for (const v of volumes) {
      const free = !v.attached_machine_id && !v.attached_alloc_id && (v.host_status ?? 'ok') === 'ok';
      if (free && v.state !== 'destroyed' && v.state !== 'pending_destroy')
        this.unattached.set(v.name, [...(this.unattached.get(v.name) ?? []), v]);
    }
    return volumes;
  }

  /** An unattached volume of that name in the region, else a new one; `fresh` says which. */
  async take(spec: MountSpec, region: string): Promise<{ volume: Volume; fresh: boolean }> {
    const free = this.unattached.get(spec.source) ?? [];
    const index = free.findIndex((v) => v.region === region);
    if (index >= 0) return { volume: free.splice(index, 1)[0], fresh: false };
    return { volume: await this.create(spec, region), fresh: true };
  }

  /** Returns a volume a Machine could not use after all (its create failed) to the unattached pool. */
  giveBack(volume: Volume): void {
    this.unattached.set(volume.name, [...(this.unattached.get(volume.name) ?? []), volume]);
  }

  /**
   * Creates a volume. Not idempotent: after a timeout or 5xx the app's volumes are listed and one of
   * that name and region this deploy has not seen before is taken as the result, not made twice.
   */
  async create(spec: MountSpec, region: string): Promise<Volume> {
    const response = await this.api.send<Volume>('POST', this.path(), {
      body: { name: spec.source, region, size_gb: spec.initialSizeGb },
      idempotent: false,
      reconcile: async () => {
        const listed = await this.api.send<Volume[]>('GET', this.path());
        const found = (Array.isArray(listed.body) ? listed.body : []).find(
          (v) => v.name === spec.source && v.region === region && !this.known.has(v.id),
        );
        return found ? { status: 200, headers: {}, body: found } : undefined;
      },
    });
    const volume = response.body;
    if (!volume || typeof volume.id !== 'string')
      throw new Error(`Fly API POST /${this.path()} answered without a volume id`);
    this.known.add(volume.id);
    this.created.push(volume);
    return volume;
  }

  async destroy(id: string): Promise<void> {
    await this.api.send('DELETE', this.path(id), { accept: [404] });
  }
}

/**
 * flyctl's `validateVolumeConfig`, without its prompt: a Machine whose volume fly.toml no longer
 * mounts, or mounts under another name, or a Machine fly.toml now wants a volume on, cannot be
 * updated in place without losing or stranding data, so the deploy stops before changing anything.
 */
export function checkVolumes(toml: FlyToml, app: string, groups: Map<string, Machine[]>): void {
  for (const [group, machines] of groups) {
    const spec = mountFor(toml, group);
    for (const m of machines) {
      const mounted = mountedVolume(m.config);
      if (mounted && !spec)
        throw new UserError(
          `Machine ${m.id} (${group}) has volume ${mounted.volume ?? '?'} mounted at ${mounted.path ?? '?'}, but ${toml.file} has no [mounts] for group "${group}"; a deploy would detach it.`,
          {
            input: 'config',
            fix: `add [mounts] source = "${mounted.name ?? 'data'}", destination = "${mounted.path ?? '/data'}" back to ${toml.file}, or move the data and destroy the Machine first (\`fly machine destroy ${m.id} -a ${app}\`).`,
          },
        );
      if (spec && !mounted)
        throw new UserError(
          `Machine ${m.id} (${group}) has no volume, but ${toml.file} mounts "${spec.source}" at ${spec.destination}; Fly cannot attach a volume to an existing Machine.`,
          {
            input: 'config',
            fix: `destroy that Machine (\`fly machine destroy ${m.id} -a ${app}\`) so the next deploy creates it with a volume, or remove [mounts] for group "${group}".`,
          },
        );
      if (spec && mounted?.name && mounted.name !== spec.source)
        throw new UserError(
          `Machine ${m.id} (${group}) mounts volume "${mounted.name}", but ${toml.file} names "${spec.source}"; a Machine's volume cannot be swapped.`,
          { input: 'config', fix: `set [mounts] source = "${mounted.name}" in ${toml.file}.` },
        );
    }
  }
}
