import { randomBytes } from 'node:crypto';
import { errorMessage, UserError } from '../core/errors.js';
import { formatDuration } from '../core/duration.js';
import type { HttpCall } from '../core/http.js';
import { sleep, type RetryOptions } from '../core/retry.js';
import { registerSecret } from '../core/secrets.js';
import { FlyApi, versionOf } from './client.js';
import type { FlyToml, Strategy } from './fly-toml.js';
import { MachineFailure, verifyVersion, waitHealthy } from './health.js';
import { LeaseKeeper } from './leases.js';
import { countChecks, machineConfigFor, releaseCommandConfig } from './machine-config.js';
import { firstDeployCounts, inPool, rollingBatches, settleAll } from './plan.js';
import { claimFleet } from './claim.js';
import { runReleaseCommand } from './release-command.js';
import { startRestoredMachine, updateLeavesStopped } from './restart-after-restore.js';
import { META, PLATFORM_VERSION, RELEASE_COMMAND_GROUP, type Machine, type MachineConfig } from './types.js';

export type DeployStatus = 'deployed' | 'rolled-back' | 'failed';

export interface DeployOptions {
  app: string;
  toml: FlyToml;
  image: string;
  strategy: Strategy;
  /** ≥ 1 a count, below 1 a fraction of each group. */
  maxUnavailable: number;
  /** Per Machine (or per green set), as flyctl's `--wait-timeout`. */
  waitTimeoutMs: number;
  /** Where a first deploy creates Machines (validated live codes; the first is the primary region). */
  regions: string[];
  secrets?: Record<string, string>;
  apiToken: string;
  apiUrl: string;
  rollback: boolean;
  environment?: string;
  publicUrl: string;
  /** How long the proxy needs to notice a cordon or uncordon before blue-green stops blue (flyctl: 10 s). */
  proxySettleMs?: number;
  leaseTtlSeconds?: number;
  releaseCommandTimeoutMs?: number;
  /** A rollback redeploy must not re-run migrations from the old image. */
  skipReleaseCommand?: boolean;
  /** `fly deploy --ha`: two Machines in the primary region on a first deploy. */
  ha?: boolean;
  retry?: RetryOptions;
  log?: (line: string) => void;
  warn?: (line: string) => void;
  onCall?: (call: HttpCall) => void;
}

export interface MachineReport {
  id: string;
  region: string;
  group: string;
  action: 'updated' | 'created' | 'replaced' | 'destroyed' | 'restored' | 'canary' | 'unchanged' | 'failed';
  oldVersion?: string;
  newVersion?: string;
  oldImage?: string;
  newImage?: string;
  state?: string;
  health: string;
  ms?: number;
  note?: string;
}

export interface DeployResult {
  status: DeployStatus;
  app: string;
  environment?: string;
  strategy: Strategy;
  /** The deployed reference pinned to its digest (`repo@sha256:…`); the requested one if Fly gave none. */
  image: string;
  requestedImage: string;
  previousImage?: string;
  releaseVersion: number;
  firstDeploy: boolean;
  url: string;
  machines: { id: string; region: string; version?: string; state: string; image?: string }[];
  report: MachineReport[];
  /** Why the deploy did not complete (the summary's one line). */
  reason?: string;
  error?: unknown;
  /** The rollback itself failed: what is left broken and the commands to fix it by hand. */
  rollbackFailure?: { message: string; commands: string[] };
  warnings: string[];
  timeline: { atMs: number; text: string }[];
  apiCalls: number;
  durationMs: number;
}

interface Snapshot {
  machine: Machine;
  group: string;
  warm: boolean;
}

const TRANSIENT = new Set([
  'creating',
  'starting',
  'stopping',
  'restarting',
  'suspending',
  'updating',
  'replacing',
  'launch_failed',
]);
const isWarm = (m: Machine) => ['started', 'starting', 'failed'].includes(m.state);
const groupOf = (m: Machine) =>
  m.config?.metadata?.[META.processGroup] ?? m.config?.metadata?.process_group ?? 'app';
const newId = () => randomBytes(8).toString('hex');

/** `repo:tag` or `repo:tag@sha256:…` → `repo@sha256:…`, the form that pins exactly what ran. */
export function pinnedReference(image: string, digest: string | undefined): string {
  if (!digest) return image;
  const base = image.split('@')[0];
  const slash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const repo = colon > slash ? base.slice(0, colon) : base;
  return `${repo}@${digest}`;
}

export function imageOfMachine(m: Machine): string | undefined {
  const image = m.config?.image ?? m.incomplete_config?.image;
  if (!image) return undefined;
  return image.includes('@') ? image : pinnedReference(image, m.image_ref?.digest);
}

/** The Machines a flyctl deploy manages: Fly Launch (v2) app Machines, not release or console ones. */
export function managedMachines(all: Machine[]): Machine[] {
  return all.filter(
    (m) =>
      m.config?.metadata?.[META.platformVersion] === PLATFORM_VERSION &&
      !['destroyed', 'destroying'].includes(m.state) &&
      ![RELEASE_COMMAND_GROUP, 'fly_app_console', 'fly_app_test_machine_command'].includes(groupOf(m)) &&
      m.config?.metadata?.[META.canary] !== 'true',
  );
}

class Deployment {
  readonly api: FlyApi;
  readonly leases: LeaseKeeper;
  readonly started = Date.now();
  readonly timeline: { atMs: number; text: string }[] = [];
  readonly warnings: string[] = [];
  readonly report = new Map<string, MachineReport>();
  /** Machines changed in place, with what they were, for a rollback. */
  readonly changed = new Map<string, Snapshot>();
  /** Machines this deploy created (green, canary, first deploy), destroyed on a rollback. */
  readonly created = new Map<string, Machine>();
  apiCalls = 0;
  minSecretsVersion?: number;
  releaseVersion = 1;
  deployId = newId();
  /** The new image's digest as Fly resolved it, kept even when the release is rolled back (for records). */
  newDigest?: string;

  constructor(readonly o: DeployOptions) {
    this.api = new FlyApi({
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

  mark(text: string): void {
    this.timeline.push({ atMs: Date.now() - this.started, text });
    this.log(`[${formatDuration(Date.now() - this.started)}] ${text}`);
  }

  configFor(group: string, existing?: MachineConfig): MachineConfig {
    return machineConfigFor(this.o.toml, {
      image: this.o.image,
      group,
      releaseVersion: this.releaseVersion,
      existing,
      deployId: this.deployId,
    });
  }

  deadline(): number {
    return Date.now() + this.o.waitTimeoutMs;
  }

  /** Creates a Machine with a launch id so a 408 "silent success" is found rather than duplicated. */
  async createMachine(
    group: string,
    region: string,
    config: MachineConfig,
    extra: { skipServiceRegistration?: boolean; metadata?: Record<string, string> } = {},
  ): Promise<Machine> {
    const launchId = newId();
    const body = {
      config: { ...config, metadata: { ...config.metadata, ...extra.metadata, [META.launchId]: launchId } },
      region,
      skip_service_registration: extra.skipServiceRegistration || undefined,
      min_secrets_version: this.minSecretsVersion,
    };
    // No `lease_ttl` on create: a create that timed out but happened would hold a lease whose nonce we
    // never saw, locking us out of our own Machine. The lease is taken right after instead.
    const machine = await this.api.create(body, { key: META.launchId, id: launchId });
    this.newDigest ??= machine.image_ref?.digest;
    this.created.set(machine.id, machine);
    await this.leases.acquire(machine.id);
    this.report.set(machine.id, {
      id: machine.id,
      region: machine.region ?? region,
      group,
      action: 'created',
      newVersion: versionOf(machine),
      newImage: this.o.image,
      health: 'pending',
    });
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
    const entry = this.report.get(id);
    if (entry) {
      entry.health = outcome.health;
      entry.state = outcome.machine.state;
      entry.newVersion = versionOf(outcome.machine) ?? entry.newVersion;
      entry.ms = Date.now() - sinceMs;
    }
  }

  async destroyCreated(reason: string): Promise<{ item: Machine; error: unknown }[]> {
    const machines = [...this.created.values()];
    const failures = await settleAll(machines, 8, async (m) => {
      await this.api.destroy(m.id, this.leases.nonce(m.id));
      this.leases.forget(m.id);
      this.created.delete(m.id);
      const entry = this.report.get(m.id);
      if (entry) {
        entry.action = 'destroyed';
        entry.note = reason;
        entry.state = 'destroyed';
      }
    });
    if (machines.length)
      this.mark(
        `destroyed ${machines.length - failures.length} of ${machines.length} new Machine(s) (${reason})`,
      );
    return failures;
  }

  /** Rolling/canary rollback: the previous config (and so the previous image) back on every changed Machine. */
  async restoreChanged(): Promise<{ item: Snapshot; error: unknown }[]> {
    const snapshots = [...this.changed.values()];
    if (!snapshots.length) return [];
    this.mark(`rolling back ${snapshots.length} Machine(s) to their previous image`);
    return settleAll(snapshots, 8, async (snap) => {
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
        const entry = this.report.get(machine.id);
        if (entry) {
          entry.action = 'unchanged';
          // An update Fly accepted (it answered with a new version) and then reverted is not "never applied".
          entry.note = entry.newVersion
            ? `Fly reverted the update to …${entry.newVersion.slice(-8)}; still on the previous version`
            : 'update never applied';
          entry.newVersion = undefined;
          entry.newImage = undefined;
          entry.health = '-';
        }
        this.changed.delete(machine.id);
        return;
      }
      const since = Date.now();
      const restored = await this.api.update(
        machine.id,
        { config: machine.config as MachineConfig, region: machine.region, skip_launch: !snap.warm },
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
          config: machine.config as MachineConfig,
          deadline: this.deadline(),
          sinceMs: since,
        });
      } else {
        verifyVersion(await this.api.get(machine.id), version, (machine.config as MachineConfig).image);
      }
      if (!machine.cordoned) await this.api.uncordon(machine.id, nonce);
      const entry = this.report.get(machine.id);
      if (entry) {
        entry.action = 'restored';
        entry.note = `${entry.newVersion ? `new version …${entry.newVersion.slice(-8)} failed; ` : ''}back on ${imageOfMachine(machine) ?? 'the previous image'}`;
        entry.newVersion = version;
        entry.newImage = imageOfMachine(machine);
        entry.health = snap.warm ? 'passing (restored)' : 'stopped (restored)';
        entry.ms = Date.now() - since;
      }
      this.changed.delete(machine.id);
    });
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
    const entry: MachineReport = {
      id: machine.id,
      region: machine.region,
      group,
      action: 'updated',
      oldVersion: versionOf(machine),
      oldImage: imageOfMachine(machine),
      newImage: this.o.image,
      health: 'pending',
    };
    this.report.set(machine.id, entry);
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
    entry.newVersion = version;
    if (warm) {
      await this.gate(machine.id, version, config, since);
    } else {
      verifyVersion(await this.api.get(machine.id), version, this.o.image);
      entry.health = 'stopped (not started)';
      entry.state = 'stopped';
      entry.ms = Date.now() - since;
    }
    if (serving && !machine.cordoned) await this.api.uncordon(machine.id, nonce);
    this.log(`Machine ${machine.id} (${machine.region}) now runs version ${version ?? '?'}: ${entry.health}`);
  }

  async rolling(groups: Map<string, Machine[]>): Promise<void> {
    // Process groups are independent, as in flyctl; each rolls in batches with a spearhead.
    await Promise.all(
      [...groups].map(async ([group, machines]) => {
        const minRunning = Math.max(
          0,
          ...(this.configFor(group).services?.map((s) => s.min_machines_running ?? 0) ?? [0]),
        );
        const batches = rollingBatches(machines, {
          maxUnavailable: this.o.maxUnavailable,
          minRunning,
          isWarm,
        });
        for (const [i, batch] of batches.entries()) {
          this.mark(
            `group ${group}: batch ${i + 1}/${batches.length} (${batch.map((m) => m.id).join(', ')})`,
          );
          // A group with every Machine stopped (auto-stopped staging) would otherwise take the new
          // release untested; its spearhead is started and gated so a bad release is still caught.
          const probe = i === 0 && !machines.some(isWarm);
          if (probe)
            this.mark(
              `group ${group}: every Machine is stopped; starting ${batch[0].id} to check the release`,
            );
          await inPool(batch, batch.length, (m) => this.updateInPlace(m, group, { forceStart: probe }));
        }
      }),
    );
  }

  /**
   * Every Machine at once, no batches and no spearhead. Unlike flyctl's immediate (which does not wait),
   * each Machine is still gated on start and health so a bad release is rolled back rather than left.
   */
  async immediate(groups: Map<string, Machine[]>): Promise<void> {
    const all = [...groups].flatMap(([group, machines]) => machines.map((m) => ({ m, group })));
    this.mark(`updating all ${all.length} Machine(s) at once (immediate)`);
    await inPool(all, 16, ({ m, group }) => this.updateInPlace(m, group));
  }

  async canary(groups: Map<string, Machine[]>): Promise<void> {
    for (const [group, machines] of groups) {
      const region = machines[0]?.region ?? this.o.regions[0];
      const config = this.configFor(group, machines[0]?.config);
      this.mark(`group ${group}: creating a canary Machine in ${region}`);
      const canary = await this.createMachine(group, region, config, {
        skipServiceRegistration: true,
        metadata: { [META.canary]: 'true' },
      });
      const entry = this.report.get(canary.id);
      if (entry) entry.action = 'canary';
      await this.gate(canary.id, versionOf(canary), config, Date.now());
      this.mark(`canary ${canary.id} healthy; destroying it and rolling out`);
      await this.api.destroy(canary.id, this.leases.nonce(canary.id));
      this.leases.forget(canary.id);
      this.created.delete(canary.id);
      if (entry) {
        entry.state = 'destroyed';
        entry.note = 'canary passed, destroyed';
      }
    }
    await this.rolling(groups);
  }

  /** The first deploy of a group: create its Machines (two in the primary region for HA), gate them all. */
  async firstDeploy(groups: string[]): Promise<void> {
    const configured = this.o.toml.primaryRegion;
    const primary = configured && this.o.regions.includes(configured) ? configured : this.o.regions[0];
    const creations: { group: string; region: string }[] = [];
    for (const group of groups) {
      const config = this.configFor(group);
      const minRunning = Math.max(0, ...(config.services ?? []).map((s) => s.min_machines_running ?? 0));
      const counts = firstDeployCounts(this.o.regions, primary, {
        ha: (this.o.ha ?? true) && (config.services?.length ?? 0) > 0,
        minRunning,
      });
      for (const [region, count] of counts) for (let i = 0; i < count; i++) creations.push({ group, region });
    }
    this.mark(`first deploy: creating ${creations.length} Machine(s) in ${this.o.regions.join(', ')}`);
    await inPool(creations, 8, async ({ group, region }) => {
      const config = this.configFor(group);
      const since = Date.now();
      const machine = await this.createMachine(group, region, config);
      await this.gate(machine.id, versionOf(machine), config, since);
    });
  }

  /**
   * Blue-green as flyctl runs it: green Machines created without service registration, all started and
   * passing, then uncordoned; only then is blue cordoned, stopped and destroyed. Until green is
   * uncordoned a failure just destroys green, and blue never stopped serving.
   */
  async blueGreen(groups: Map<string, Machine[]>): Promise<void> {
    const blue = [...groups].flatMap(([group, machines]) => machines.map((m) => ({ m, group })));
    await inPool(blue, 16, ({ m }) => this.leases.acquire(m.id));
    const tag = String(Math.floor(Date.now() / 1000));
    this.mark(`creating ${blue.length} green Machine(s)`);
    const greens: { machine: Machine; config: MachineConfig; since: number }[] = [];
    await inPool(blue, Math.min(16, Math.max(1, blue.length)), async ({ m, group }) => {
      const config = this.configFor(group, m.config);
      const since = Date.now();
      const green = await this.createMachine(group, m.region, config, {
        skipServiceRegistration: true,
        metadata: { [META.bluegreenTag]: tag, [META.bluegreenLaunchId]: newId() },
      });
      const entry = this.report.get(green.id);
      if (entry) {
        entry.oldVersion = versionOf(m);
        entry.oldImage = imageOfMachine(m);
        entry.note = `green for ${m.id}`;
      }
      greens.push({ machine: green, config, since });
      await this.gate(green.id, versionOf(green), config, since);
    });
    this.mark(`all ${greens.length} green Machine(s) started and passing; uncordoning green`);
    await inPool(greens, 16, async ({ machine }) =>
      this.api.uncordon(machine.id, this.leases.nonce(machine.id)),
    );
    // From here green serves: failures below leave the new release running and are reported, not undone.
    this.created.clear();
    for (const { m } of blue) {
      this.report.set(m.id, {
        id: m.id,
        region: m.region,
        group: groupOf(m),
        action: 'replaced',
        oldVersion: versionOf(m),
        oldImage: imageOfMachine(m),
        health: 'blue',
        state: m.state,
      });
    }
    const leftovers = new Set<string>();
    const step = async (label: string, fn: (m: Machine) => Promise<void>) => {
      const failures = await settleAll(
        blue.filter(({ m }) => !leftovers.has(m.id)),
        16,
        async ({ m }) => fn(m),
      );
      for (const { item, error } of failures) {
        leftovers.add(item.m.id);
        this.warn(
          `blue Machine ${item.m.id}: ${label} failed: ${errorMessage(error)}; remove it with \`fly machines destroy --force ${item.m.id} -a ${this.o.app}\``,
        );
      }
    };
    await step('tagging', (m) =>
      this.api.setMetadata(m.id, META.bluegreenTag, 'safe_to_destroy', this.leases.nonce(m.id)),
    );
    if (this.o.proxySettleMs) await sleep(this.o.proxySettleMs);
    this.mark('cordoning blue');
    await step('cordon', (m) => this.api.cordon(m.id, this.leases.nonce(m.id)));
    if (this.o.proxySettleMs) await sleep(this.o.proxySettleMs);
    this.mark('stopping blue');
    await step('stop', async (m) => {
      if (!isWarm(m)) return;
      await this.api.stop(m.id, this.leases.nonce(m.id), {
        signal: this.o.toml.killSignal ?? 'SIGINT',
        timeout: this.o.toml.killTimeout,
      });
      const stopped = await this.api.wait(m.id, 'stopped', {
        version: versionOf(m),
        timeoutMs: this.o.waitTimeoutMs,
        missingOk: true,
      });
      if (!stopped.ok && stopped.timedOut)
        throw new Error(`did not stop within ${formatDuration(this.o.waitTimeoutMs)}`);
    });
    this.mark('destroying blue');
    await step('destroy', async (m) => {
      await this.api.destroy(m.id, this.leases.nonce(m.id));
      this.leases.forget(m.id);
      const entry = this.report.get(m.id);
      if (entry) {
        entry.state = 'destroyed';
        entry.health = 'blue, destroyed';
      }
    });
  }
}

function groupMachines(machines: Machine[]): Map<string, Machine[]> {
  const groups = new Map<string, Machine[]>();
  for (const m of machines) {
    const group = groupOf(m);
    groups.set(group, [...(groups.get(group) ?? []), m]);
  }
  return groups;
}

function mostCommon(values: (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function manualCommands(app: string, previousImage: string | undefined, ids: string[]): string[] {
  const commands = ids.map((id) => `fly machine lease clear ${id} -a ${app}`);
  if (previousImage) {
    commands.push(`fly deploy -a ${app} --image ${previousImage} --strategy immediate`);
  } else {
    commands.push(...ids.map((id) => `fly machines destroy --force ${id} -a ${app}`));
  }
  commands.push(`fly status -a ${app}`);
  return commands;
}

/**
 * Ships `image` to the app and never leaves it worse than it found it: on a bad release the previous
 * state is restored and the result says `rolled-back`; only a failed restore is left for a human, with
 * the commands to run. Never throws for a deploy failure (the result carries it); throws only for
 * problems found before anything changed.
 */
export async function deploy(options: DeployOptions): Promise<DeployResult> {
  registerSecret(options.apiToken);
  for (const value of Object.values(options.secrets ?? {})) registerSecret(value);
  const d = new Deployment(options);
  let status: DeployStatus = 'deployed';
  let reason: string | undefined;
  let failure: unknown;
  let rollbackFailure: DeployResult['rollbackFailure'];
  let previousImage: string | undefined;
  let firstDeploy = false;
  let before: Machine[] = [];
  let listed = false;
  try {
    d.mark(`deploying ${options.image} to ${options.app} (${options.strategy})`);
    const all = await d.api.list();
    listed = true;
    before = managedMachines(all);
    // A Machine on an unreachable host comes back with only `incomplete_config`: it cannot be updated
    // or restored safely, so it is left alone (flyctl skips them too) and said so.
    const unreachable = all.filter((m) => m.host_status && m.host_status !== 'ok' && !m.config);
    if (unreachable.length) {
      d.warn(
        `${unreachable.length} Machine(s) on unreachable hosts were skipped: ${unreachable.map((m) => m.id).join(', ')}`,
      );
    }
    const ignored = all.filter(
      (m) =>
        !before.includes(m) &&
        !unreachable.includes(m) &&
        !['destroyed', 'destroying'].includes(m.state) &&
        groupOf(m) !== RELEASE_COMMAND_GROUP,
    );
    if (ignored.length)
      d.warn(
        `${ignored.length} Machine(s) not managed by Fly Launch (no fly_platform_version=v2) are left alone: ${ignored.map((m) => m.id).join(', ')}`,
      );
    previousImage = mostCommon(before.map(imageOfMachine));
    d.releaseVersion =
      1 +
      Math.max(
        0,
        ...all.map((m) => Number(m.config?.metadata?.[META.releaseVersion] ?? 0)).filter(Number.isFinite),
      );
    firstDeploy = before.length === 0;
    for (const m of before) {
      d.report.set(m.id, {
        id: m.id,
        region: m.region,
        group: groupOf(m),
        action: 'unchanged',
        oldVersion: versionOf(m),
        oldImage: imageOfMachine(m),
        state: m.state,
        health: '-',
      });
    }
    d.mark(
      firstDeploy
        ? `no Machines yet: first deploy, release v${d.releaseVersion}`
        : `${before.length} Machine(s) on ${previousImage ?? 'unknown image'}; release v${d.releaseVersion}`,
    );

    if (!firstDeploy) {
      // Every lease up front, before secrets or release_command: a Machine leased by someone else (a
      // racing deploy, a person with flyctl) stops this deploy before its first change.
      await claimFleet(d.leases, before);
      d.mark(
        `leased ${before.length} Machine(s) for ${options.leaseTtlSeconds ?? 13}s, refreshed while the deploy runs`,
      );
    }

    if (options.secrets && Object.keys(options.secrets).length) {
      d.minSecretsVersion = await d.api.setSecrets(options.secrets);
      d.mark(
        `set ${Object.keys(options.secrets).length} secret(s); pinning min_secrets_version ${d.minSecretsVersion ?? '?'}`,
      );
    }

    if (options.toml.deploy.releaseCommand && !options.skipReleaseCommand) {
      // A leftover release Machine from an interrupted run would hold the Machine slot (flyctl destroys it).
      for (const old of all.filter(
        (m) => groupOf(m) === RELEASE_COMMAND_GROUP && !['destroyed', 'destroying'].includes(m.state),
      )) {
        await d.api.destroy(old.id);
      }
      d.mark(`running release_command \`${options.toml.deploy.releaseCommand}\``);
      const largest = before
        .map((m) => m.config?.guest)
        .sort((a, b) => (b?.memory_mb ?? 0) - (a?.memory_mb ?? 0))[0];
      const run = await runReleaseCommand(d.api, {
        config: releaseCommandConfig(options.toml, options.image, d.releaseVersion, largest),
        region: options.toml.primaryRegion ?? options.regions[0],
        command: options.toml.deploy.releaseCommand,
        timeoutMs: options.releaseCommandTimeoutMs ?? options.toml.deploy.releaseCommandTimeoutMs ?? 300_000,
        waitTimeoutMs: options.waitTimeoutMs,
        minSecretsVersion: d.minSecretsVersion,
        launchId: newId(),
        log: (line) => d.log(line),
      });
      d.mark(`release_command exited 0 in ${formatDuration(run.ms)}`);
    }

    const groups = groupMachines(before);
    const missingGroups = Object.keys(options.toml.processes).filter((g) => !groups.has(g));
    if (!firstDeploy && missingGroups.length)
      d.warn(
        `process group(s) ${missingGroups.join(', ')} have no Machines; run the first deploy of a group with \`fly scale count\``,
      );
    const removedGroups = [...groups.keys()].filter((g) => !(g in options.toml.processes));
    if (removedGroups.length) {
      throw new UserError(
        `the app has Machines in process group(s) ${removedGroups.join(', ')} that ${options.toml.file} no longer defines.`,
        {
          input: 'config',
          fix: `add them back to [processes], or remove those Machines first (\`fly scale count ${removedGroups[0]}=0 -a ${options.app}\`).`,
        },
      );
    }

    if (firstDeploy) {
      await d.firstDeploy(Object.keys(options.toml.processes));
    } else if (options.strategy === 'bluegreen') {
      await d.blueGreen(groups);
    } else if (options.strategy === 'canary') {
      await d.canary(groups);
    } else if (options.strategy === 'immediate') {
      await d.immediate(groups);
    } else {
      await d.rolling(groups);
    }
    d.mark('all Machines on the new release');
  } catch (error) {
    failure = error;
    reason = errorMessage(error);
    const touched = d.changed.size + d.created.size;
    if (touched === 0) {
      status = 'failed';
      d.mark(`stopped before changing anything: ${reason}`);
    } else if (!options.rollback) {
      status = 'failed';
      d.mark(
        `failed: ${reason.replace(/\.$/, '')}; rollback is off, so ${touched} Machine(s) were left as they are`,
      );
    } else {
      d.mark(`failed: ${reason.replace(/\.$/, '')}; rolling back`);
      const destroyFailures = await d.destroyCreated('rolled back');
      const restoreFailures = await d.restoreChanged();
      const broken = [
        ...destroyFailures.map((f) => ({ id: f.item.id, error: f.error })),
        ...restoreFailures.map((f) => ({ id: f.item.machine.id, error: f.error })),
      ];
      if (broken.length) {
        status = 'failed';
        rollbackFailure = {
          message: `ROLLBACK FAILED for ${broken.length} Machine(s): ${broken.map((b) => `${b.id} (${errorMessage(b.error)})`).join('; ')}`,
          commands: manualCommands(
            options.app,
            previousImage,
            broken.map((b) => b.id),
          ),
        };
        d.mark(rollbackFailure.message);
      } else {
        status = 'rolled-back';
        d.mark(
          firstDeploy
            ? 'rolled back: the new Machines were destroyed'
            : `rolled back: the app runs ${previousImage ?? 'the previous release'} again`,
        );
      }
    }
  } finally {
    await d.leases.releaseAll();
  }

  let after: Machine[] = [];
  try {
    // When the first list failed (bad token, no such app) a second would only repeat the error.
    if (listed) after = managedMachines(await d.api.list());
  } catch (error) {
    d.warn(`could not list Machines after the deploy: ${errorMessage(error)}`);
  }
  const expectedCount = before.length;
  if (status === 'deployed' && !firstDeploy && after.length !== expectedCount) {
    d.warn(
      `the app had ${expectedCount} Machine(s) before the deploy and has ${after.length} now; check \`fly status -a ${options.app}\`.`,
    );
  }
  for (const m of after) {
    const entry = d.report.get(m.id);
    if (entry) entry.state = m.state;
  }
  const onNew = after.find((m) => m.config?.image === options.image);
  // A release that was rolled back still has the digest Fly resolved for it: records name it exactly.
  const image =
    status === 'deployed' && onNew
      ? pinnedReference(options.image, onNew.image_ref?.digest)
      : pinnedReference(options.image, d.newDigest);
  return {
    status,
    app: options.app,
    environment: options.environment,
    strategy: options.strategy,
    image,
    requestedImage: options.image,
    previousImage,
    releaseVersion: d.releaseVersion,
    firstDeploy,
    url: options.publicUrl,
    machines: after.map((m) => ({
      id: m.id,
      region: m.region,
      version: versionOf(m),
      state: m.state,
      image: imageOfMachine(m),
    })),
    report: [...d.report.values()],
    reason,
    error: failure,
    rollbackFailure,
    warnings: d.warnings,
    timeline: d.timeline,
    apiCalls: d.apiCalls,
    durationMs: Date.now() - d.started,
  };
}

/**
 * Puts the previous release back: a redeploy of its image with the caller's options, so with the strategy
 * of the deploy it undoes (no default of its own), without secrets and without re-running release_command.
 */
export async function rollbackTo(previousImage: string, options: DeployOptions): Promise<DeployResult> {
  return deploy({ ...options, image: previousImage, secrets: undefined, skipReleaseCommand: true });
}

export { MachineFailure, countChecks };
