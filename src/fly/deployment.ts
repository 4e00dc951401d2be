import { randomBytes } from 'node:crypto';
import { Deadline } from '../core/deadline.js';
import { formatDuration } from '../core/duration.js';
import { FlyApi, versionOf } from './client.js';
import { isWarm, TRANSIENT } from './app-machines.js';
import type { DeployOptions } from './deploy-options.js';
import { CapacityError } from './errors.js';
import { verifyVersion, waitHealthy } from './health.js';
import { deployTimeoutMs } from './inputs.js';
import { LeaseKeeper } from './leases.js';
import { machineConfigFor } from './machine-config.js';
import { restoredConfig } from './release-record.js';
import { DeployReport } from './report.js';
import { META, type Machine, type MachineConfig } from './types.js';
import { mountConfig, mountedVolume, mountFor, type Volume, type VolumePool } from './volumes.js';
import { startRestoredMachine, updateLeavesStopped } from './restart-after-restore.js';

/** A Machine changed in place, with what it was, for a rollback. */
export interface Snapshot {
  machine: Machine;
  group: string;
  warm: boolean;
}

export const newId = () => randomBytes(8).toString('hex');

/**
 * flyctl updates a clone of the Machine's config, so what fly.toml does not describe stays as it was:
 * a `schedule`, `auto_destroy` or `dns.skip_registration` set with `fly machine update` survives.
 */
function keepMachineSettings(config: MachineConfig, existing: MachineConfig | undefined): void {
  if (!existing) return;
  if (config.schedule === undefined && existing.schedule !== undefined) config.schedule = existing.schedule;
  if (config.auto_destroy === undefined && existing.auto_destroy !== undefined)
    config.auto_destroy = existing.auto_destroy;
  if (config.dns === undefined && existing.dns !== undefined) config.dns = existing.dns;
}

interface CreateExtra {
  skipServiceRegistration?: boolean;
  metadata?: Record<string, string>;
  /** A new, empty volume only this Machine uses (the Machine machine_checks test), deleted with it. */
  scratchVolume?: boolean;
}

/**
 * One deploy's state and its per-Machine path, shared by every strategy: create a Machine, update one
 * in place, gate it on start + health + version. What it changed and created is kept for a rollback,
 * and every step is written to the report.
 */
export class Deployment {
  readonly api: FlyApi;
  /** The whole deploy's clock (`timeout`): every call and retry stops at it; a rollback gets its own. */
  readonly overall: Deadline;
  readonly leases: LeaseKeeper;
  readonly started = Date.now();
  readonly timeline: { atMs: number; text: string }[] = [];
  readonly warnings: string[] = [];
  readonly report = new DeployReport();
  /** Machines changed in place, with what they were, for a rollback. */
  readonly changed = new Map<string, Snapshot>();
  /** Machines this deploy created (green, canary, first deploy), destroyed on a rollback. */
  readonly created = new Map<string, Machine>();
  apiCalls = 0;
  minSecretsVersion?: number;
  releaseVersion = 1;
  readonly deployId = newId();
  /** This release's id, written to every Machine as `fly_release_id` (flyctl `setMachineReleaseData`). */
  readonly releaseId = newId();
  /** The new image's digest as Fly resolved it, kept even when the release is rolled back (for records). */
  newDigest?: string;
  /** How many Machines the app should have once the deploy is done (the placement plan's total). */
  expectedMachines?: number;
  /** The app's volumes, loaded when fly.toml mounts one. */
  volumes?: VolumePool;
  /** Empty volumes made for a machine_checks Machine (Machine id → volume), deleted with it. */
  readonly scratch = new Map<string, Volume>();
  /** Every scratch volume this deploy made, deleted or not. */
  readonly scratchIds = new Set<string>();

  /** How long a one-off Machine (release_command, a machine check) may run: the input, fly.toml, else 5m. */
  get oneOffTimeoutMs(): number {
    return this.o.releaseCommandTimeoutMs ?? this.o.toml.deploy.releaseCommandTimeoutMs ?? 300_000;
  }

  constructor(readonly o: DeployOptions) {
    const budget = o.timeoutMs ?? deployTimeoutMs(o.strategy, o.waitTimeoutMs, o.toml);
    this.overall = new Deadline(budget, `fly-deploy's timeout (${formatDuration(budget)})`);
    this.api = new FlyApi({
      deadline: this.overall,
      apiUrl: o.apiUrl,
      token: o.apiToken,
      app: o.app,
      retry: o.retry,
      log: (line) => this.log(line),
      onCall: (call) => {
        this.apiCalls++;
        o.onCall?.(call);
      },
    });
    this.leases = new LeaseKeeper(
      this.api,
      o.leaseTtlSeconds ?? 13,
      `runway fly-deploy ${this.deployId}`,
      (line) => this.warn(line),
    );
  }

  log(line: string): void {
    this.o.log?.(line);
  }

  warn(line: string): void {
    this.warnings.push(line);
    (this.o.warn ?? this.o.log)?.(line);
  }

  /** A timeline entry (the summary's "what happened when"), also logged. */
  mark(text: string): void {
    this.timeline.push({ atMs: Date.now() - this.started, text });
    this.log(`[${formatDuration(Date.now() - this.started)}] ${text}`);
  }

  /**
   * The group's Machine config from fly.toml. An existing Machine keeps its volume (only the mount
   * path and auto-extend settings follow fly.toml); a new Machine's volume is chosen when it is created.
   * A rollback with a recorded release (`restoreConfig`) puts that release's config back instead.
   */
  configFor(group: string, existing?: MachineConfig): MachineConfig {
    const recorded = this.o.restoreConfig?.[group];
    const release = { image: this.o.image, releaseVersion: this.releaseVersion, deployId: this.deployId };
    const config = recorded
      ? restoredConfig(recorded, existing, release)
      : machineConfigFor(this.o.toml, { ...release, group, existing });
    config.metadata = { ...config.metadata, [META.releaseId]: this.releaseId };
    keepMachineSettings(config, existing);
    const spec = mountFor(this.o.toml, group);
    const volume = mountedVolume(existing)?.volume;
    if (spec && volume) config.mounts = mountConfig(spec, volume);
    else delete config.mounts;
    return config;
  }

  /** One Machine's wait: wait-timeout from now, never past the deploy's overall deadline. */
  deadline(): number {
    return Math.min(Date.now() + this.o.waitTimeoutMs, this.overall.at);
  }

  /**
   * Creates a Machine in `region`; when Fly has no capacity there, in the next `fallback-regions` entry
   * instead (said in the timeline and the Machine's note), until one takes it or the list runs out.
   */
  async createMachine(
    group: string,
    region: string,
    config: MachineConfig,
    extra: CreateExtra = {},
  ): Promise<Machine> {
    const candidates = [region, ...(this.o.fallbackRegions ?? []).filter((r) => r !== region)];
    for (const [i, candidate] of candidates.entries()) {
      try {
        const machine = await this.createIn(group, candidate, config, extra);
        if (candidate !== region)
          this.report.note(machine.id, `placed in ${candidate}: no capacity in ${region}`);
        return machine;
      } catch (error) {
        const next = candidates[i + 1];
        if (!(error instanceof CapacityError) || !next) throw error;
        this.mark(`no capacity for a ${group} Machine in ${candidate}; trying ${next} (fallback-regions)`);
      }
    }
    throw new Error('unreachable: no region to create a Machine in');
  }

  /** Creates a Machine with a launch id so a 408 "silent success" is found rather than duplicated. */
  private async createIn(
    group: string,
    region: string,
    config: MachineConfig,
    extra: CreateExtra,
  ): Promise<Machine> {
    const launchId = newId();
    const volume = await this.volumeFor(group, region, config, extra.scratchVolume === true);
    const mounts = volume ? mountConfig(volume.spec, volume.volume.id) : config.mounts;
    const body = {
      config: {
        ...config,
        ...(mounts ? { mounts } : {}),
        metadata: { ...config.metadata, ...extra.metadata, [META.launchId]: launchId },
      },
      region,
      skip_service_registration: extra.skipServiceRegistration || undefined,
      min_secrets_version: this.minSecretsVersion,
    };
    // No `lease_ttl` on create: a create that timed out but happened would hold a lease whose nonce we
    // never saw, locking us out of our own Machine. The lease is taken right after instead.
    let machine: Machine;
    try {
      machine = await this.api.create(body, { key: META.launchId, id: launchId });
    } catch (error) {
      if (volume && extra.scratchVolume) await this.volumes?.destroy(volume.volume.id).catch(() => undefined);
      else if (volume) this.volumes?.giveBack(volume.volume);
      throw error;
    }
    this.newDigest ??= machine.image_ref?.digest;
    this.created.set(machine.id, machine);
    if (volume && extra.scratchVolume) {
      this.scratch.set(machine.id, volume.volume);
      this.scratchIds.add(volume.volume.id);
    }
    await this.leases.acquire(machine.id);
    this.report.created(machine, group, region, this.o.image);
    if (volume)
      this.report.note(
        machine.id,
        `volume ${volume.volume.id} (${volume.spec.source}${volume.fresh ? ', new' : ''}${extra.scratchVolume ? ', scratch' : ''})`,
      );
    return machine;
  }

  /**
   * The volume a new Machine of a group that mounts one gets: an unattached one of that name in its
   * region, else a new one (`initial_size`), as flyctl does; the Machine that machine_checks test always
   * gets a new, empty one so it never touches data a Machine left behind.
   */
  private async volumeFor(group: string, region: string, config: MachineConfig, scratch: boolean) {
    const spec = mountFor(this.o.toml, group);
    if (!spec || !this.volumes || (config.mounts?.length ?? 0) > 0) return undefined;
    const taken = scratch
      ? { volume: await this.volumes.create(spec, region), fresh: true }
      : await this.volumes.take(spec, region);
    if (taken.fresh)
      this.mark(`created volume ${taken.volume.id} (${spec.source}, ${spec.initialSizeGb} GB) in ${region}`);
    return { spec, ...taken };
  }

  /** Deletes a scratch volume once its Machine is gone (a volume cannot go while attached). */
  async dropScratch(machineId: string): Promise<void> {
    const volume = this.scratch.get(machineId);
    if (!volume || !this.volumes) return;
    await this.api.wait(machineId, 'destroyed', { timeoutMs: this.o.waitTimeoutMs, missingOk: true });
    await this.volumes.destroy(volume.id);
    this.scratch.delete(machineId);
  }

  /** Creates a Machine and gates it: the whole path of a new Machine on the new release. */
  async launch(group: string, region: string, config: MachineConfig): Promise<Machine> {
    const since = Date.now();
    const machine = await this.createMachine(group, region, config);
    await this.gate(machine.id, versionOf(machine), config, since);
    return machine;
  }

  /**
   * A Machine mid-transition (`replacing` after an earlier update, `starting`, `stopping`) refuses
   * updates with "concurrent update in progress": wait for it to settle and use its fresh state.
   */
  async settled(machine: Machine): Promise<Machine> {
    if (!TRANSIENT.has(machine.state)) return machine;
    this.log(`Machine ${machine.id} is ${machine.state}; waiting for it to settle`);
    await this.api.wait(machine.id, 'settled', { timeoutMs: this.o.waitTimeoutMs, missingOk: true });
    return (await this.api.find(machine.id)) ?? machine;
  }

  /** Start + health gate + version check for a Machine this deploy created or updated. */
  async gate(id: string, version: string | undefined, config: MachineConfig, sinceMs: number): Promise<void> {
    const outcome = await waitHealthy(this.api, id, {
      version,
      config,
      deadline: this.deadline(),
      sinceMs,
      log: (l) => this.log(l),
    });
    this.report.healthy(id, outcome, sinceMs);
  }

  /** Destroys a Machine this deploy created (a passed canary, a rolled-back new Machine). */
  async destroyCreated(id: string): Promise<void> {
    await this.api.destroy(id, this.leases.nonce(id));
    this.leases.forget(id);
    this.created.delete(id);
  }

  /**
   * Updates one existing Machine in place: cordoned first so the proxy drains it instead of sending
   * requests to a rebooting Machine, updated with the nonce (and `current_version`, so a retried update
   * cannot stack on top of another), gated, then uncordoned. Stopped Machines stay stopped (`skip_launch`).
   */
  async updateInPlace(
    original: Machine,
    group: string,
    options: { forceStart?: boolean } = {},
  ): Promise<void> {
    const nonce = await this.leases.acquire(original.id);
    const machine = await this.settled(original);
    const warm = isWarm(machine) || options.forceStart === true;
    const config = this.configFor(group, machine.config);
    const serving = warm && (config.services?.length ?? 0) > 0;
    this.report.updating(machine, group, this.o.image);
    const since = Date.now();
    this.changed.set(machine.id, { machine, group, warm: isWarm(machine) });
    if (serving && !machine.cordoned) await this.api.cordon(machine.id, nonce);
    const updated = await this.api.update(
      machine.id,
      {
        config,
        region: machine.region,
        skip_launch: !warm,
        current_version: versionOf(machine),
        min_secrets_version: this.minSecretsVersion,
      },
      nonce,
      machine.region,
    );
    const version = versionOf(updated);
    this.newDigest ??= updated.image_ref?.digest;
    this.report.version(machine.id, version);
    // A stopped Machine started to verify the release stays stopped after the update unless started.
    if (options.forceStart && updateLeavesStopped(machine.state))
      await startRestoredMachine(this.api, machine.id, version, nonce, this.o.waitTimeoutMs);
    if (warm) {
      await this.gate(machine.id, version, config, since);
    } else {
      verifyVersion(await this.api.get(machine.id), version, this.o.image);
      this.report.leftStopped(machine.id, since);
    }
    if (serving && !machine.cordoned) await this.api.uncordon(machine.id, nonce);
    this.log(`Machine ${machine.id} (${machine.region}) now runs version ${version ?? '?'}`);
  }

  /** Puts one changed Machine back on its previous config (and so its previous image). */
  async restore(snap: Snapshot): Promise<void> {
    const { machine } = snap;
    const nonce = this.leases.nonce(machine.id) ?? (await this.leases.acquire(machine.id));
    const found = await this.api.find(machine.id);
    const current = found ? await this.settled(found) : undefined;
    if (
      current &&
      versionOf(current) === versionOf(machine) &&
      current.config?.image === machine.config?.image
    ) {
      // The update never landed (it failed before Fly applied it): only the cordon needs undoing.
      if (!machine.cordoned && current.cordoned) await this.api.uncordon(machine.id, nonce);
      this.report.untouched(machine.id);
      this.changed.delete(machine.id);
      return;
    }
    const since = Date.now();
    const previous = machine.config as MachineConfig;
    const restored = await this.api.update(
      machine.id,
      { config: previous, region: machine.region, skip_launch: !snap.warm },
      nonce,
      machine.region,
    );
    const version = versionOf(restored);
    // A release that crashed until flyd gave up left the Machine stopped; the restore must start it.
    if (snap.warm && updateLeavesStopped(current?.state))
      await startRestoredMachine(this.api, machine.id, version, nonce, this.o.waitTimeoutMs);
    if (snap.warm) {
      await waitHealthy(this.api, machine.id, {
        version,
        config: previous,
        deadline: this.deadline(),
        sinceMs: since,
      });
    } else {
      verifyVersion(await this.api.get(machine.id), version, previous.image);
    }
    if (!machine.cordoned) await this.api.uncordon(machine.id, nonce);
    this.report.restored(machine.id, machine, version, snap.warm, since);
    this.changed.delete(machine.id);
  }
}
