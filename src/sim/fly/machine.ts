import { EventEmitter } from 'node:events';
import { CheckRunner, checkSpecs, type CheckStatus } from './checks.js';
import { goDurationMs } from './duration.js';
import { privateIp, ulid } from './ids.js';
import type { ImageBehaviour, ImageRef } from './images.js';
import { objectOf, objectsOf, stringOf, type Json } from './json.js';
import { MachineProcess, type ExitInfo } from './runtime.js';

export type MachineState =
  | 'created'
  | 'starting'
  | 'started'
  | 'stopping'
  | 'stopped'
  | 'suspending'
  | 'suspended'
  | 'restarting'
  | 'replacing'
  | 'destroying'
  | 'destroyed'
  | 'failed';

/** Persistent states `/wait?state=settled` accepts (fly.md §1.5). */
export const SETTLED_STATES = new Set<string>(['started', 'stopped', 'suspended', 'failed', 'destroyed']);

export interface VersionRecord {
  version: string;
  config: Json;
  imageRef: ImageRef;
  behaviour: ImageBehaviour;
  /** Secrets are bound at create/update time: a later secrets change needs a new version to be seen. */
  secrets: Record<string, string>;
  createdAt: string;
}

export interface MachineEvent {
  id: string;
  type: string;
  status: string;
  source: 'user' | 'flyd';
  timestamp: number;
  request?: Record<string, unknown>;
}

export interface Lease {
  nonce: string;
  expiresAt: number;
  owner: string;
  description: string;
  version: string;
}

export interface MachineContext {
  app: string;
  timeScale: number;
  /**
   * The guest filesystem for one boot: guest path prefix → host directory (`/` the fresh rootfs, a
   * mount's path its volume). Absent in unit tests that need no disk.
   */
  filesystem?: (machine: SimMachine) => Record<string, string>;
  /** The Machine is destroyed: its volume is free for another Machine. */
  onDestroyed?: (machine: SimMachine) => void;
  /**
   * The app's 6PN as a command Machine sees it when it boots: "[private ip]:internal port" → the host
   * address serving it, for every listening Machine of the app (a machine_checks command probes one).
   */
  privateNetwork?: () => Record<string, string>;
}

const SIGNALS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGTERM: 15,
};

/** The command a one-off Machine runs: `init.cmd`, else the first process's `cmd`. */
function commandOf(config: Json): string[] {
  const init = objectOf(config.init).cmd;
  if (Array.isArray(init) && init.length) return init.map(String);
  for (const process of objectsOf(config.processes)) {
    if (Array.isArray(process.cmd) && process.cmd.length) return process.cmd.map(String);
  }
  return [];
}

/**
 * A Machine runs its command to completion (rather than serving) when it is set up the way flyctl sets up
 * a release_command Machine: a command plus restart policy `no`, auto_destroy, or the release process group.
 */
export function isCommandMachine(config: Json): boolean {
  if (commandOf(config).length === 0) return false;
  return (
    objectOf(config.restart).policy === 'no' ||
    config.auto_destroy === true ||
    objectOf(config.metadata).fly_process_group === 'fly_app_release_command' ||
    objectOf(config.env).RELEASE_COMMAND === '1'
  );
}

export function internalPorts(config: Json): number[] {
  const ports = new Set<number>();
  for (const service of objectsOf(config.services)) {
    if (Number.isInteger(service.internal_port)) ports.add(Number(service.internal_port));
  }
  for (const check of checkSpecs(config)) ports.add(check.port);
  if (ports.size === 0) ports.add(8080);
  return [...ports];
}

export class SimMachine {
  readonly changes = new EventEmitter();
  state: MachineState = 'created';
  cordoned: boolean;
  /** Taken out of the proxy's rotation before the process is signalled, so no request lands on a dying VM. */
  draining = false;
  readonly events: MachineEvent[] = [];
  readonly versions: VersionRecord[] = [];
  lease?: Lease;
  process?: MachineProcess;
  checks?: CheckRunner;
  restartCount = 0;
  /** Check statuses forced by a test; they outlive restarts and updates until cleared. */
  readonly checkOverrides = new Map<string, CheckStatus['status']>();
  readonly privateIp = privateIp();
  readonly createdAt = new Date().toISOString();
  updatedAt = this.createdAt;
  /** This boot's root filesystem on the host (the proxy serves `[[statics]]` from it). */
  rootfs?: string;
  private gen = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly ctx: MachineContext,
    readonly id: string,
    public name: string,
    public region: string,
    first: VersionRecord,
    cordoned: boolean,
  ) {
    this.versions.push(first);
    this.cordoned = cordoned;
    this.changes.setMaxListeners(0);
  }

  get current(): VersionRecord {
    return this.versions[this.versions.length - 1];
  }

  get config(): Json {
    return this.current.config;
  }

  /** The state of one version: older versions report `replaced`. Undefined for an unknown version. */
  stateOf(version?: string): string | undefined {
    if (!version || version === this.current.version) return this.state;
    return this.versions.some((v) => v.version === version) ? 'replaced' : undefined;
  }

  // ---- lifecycle -------------------------------------------------------------------------------------

  /** `prepareMs`: how long the image takes to prepare (longer on a host's first pull of that digest). */
  create(skipLaunch: boolean, prepareMs: number): void {
    this.event('launch', 'created', 'user');
    const g = ++this.gen;
    // A new Machine sits in `created` while its image is prepared, which is when start returns 412.
    this.after(prepareMs, () =>
      this.enqueue(async () => {
        if (g !== this.gen) return;
        if (skipLaunch) this.setState('stopped');
        else await this.launch(g);
      }),
    );
  }

  start(): { previous_state: string; migrated: boolean; new_host: string } {
    const previous = this.state;
    if (previous === 'started' || previous === 'starting' || previous === 'restarting') {
      return { previous_state: previous, migrated: false, new_host: '' };
    }
    const g = ++this.gen;
    this.restartCount = 0;
    this.setState('starting');
    this.event('start', 'start', 'user');
    this.enqueue(() => this.launch(g));
    return { previous_state: previous, migrated: false, new_host: '' };
  }

  stop(
    signal: string | undefined,
    timeoutMs: number | undefined,
    final: 'stopped' | 'suspended' = 'stopped',
  ): void {
    if (this.state === 'created') {
      // Stopped before it ever booted: the pending launch is cancelled.
      ++this.gen;
      this.event('stop', 'stopping', 'user');
      this.setState('stopped');
      return;
    }
    if (!['started', 'starting', 'restarting'].includes(this.state)) return;
    const g = ++this.gen;
    this.draining = true;
    this.setState(final === 'stopped' ? 'stopping' : 'suspending');
    this.event(
      final === 'stopped' ? 'stop' : 'suspend',
      final === 'stopped' ? 'stopping' : 'suspending',
      'user',
    );
    this.enqueue(async () => {
      const info = await this.halt(signal ?? this.stopSignal(), timeoutMs ?? this.stopTimeout());
      if (g !== this.gen) return;
      this.exitEvent(info, true, false);
      this.setState(final);
      this.maybeAutoDestroy();
    });
  }

  restart(signal: string | undefined, timeoutMs: number | undefined): void {
    const g = ++this.gen;
    this.draining = true;
    this.setState('restarting');
    this.event('restart', 'restarting', 'user');
    this.restartCount = 0;
    this.enqueue(async () => {
      const info = await this.halt(signal ?? this.stopSignal(), timeoutMs ?? this.stopTimeout());
      if (info) this.exitEvent(info, true, true);
      await this.launch(g);
    });
  }

  /** `revert`: flyd gives up on `next` after preparing it and boots the previous version again. */
  update(next: VersionRecord, skipLaunch: boolean, prepareMs: number, revert = false): void {
    const previous = this.state;
    const before = this.current;
    const oldSignal = this.stopSignal();
    const oldTimeout = this.stopTimeout();
    const g = ++this.gen;
    this.draining = true;
    this.restartCount = 0;
    this.versions.push(next);
    this.setState('replacing');
    this.event('update', 'replacing', 'user', { config: next.config });
    // flyd leaves a Machine that was not running stopped after an update (fly.md §1.5).
    const startAfter =
      !skipLaunch && ['started', 'starting', 'restarting', 'created', 'failed'].includes(previous);
    this.enqueue(async () => {
      const info = await this.halt(oldSignal, oldTimeout);
      if (info) this.exitEvent(info, true, false);
      await this.sleep(prepareMs);
      if (g !== this.gen) return;
      if (revert) {
        // The previous version becomes current again; the new one now reads `replaced`.
        this.versions.push(before);
        this.event('update', 'reverted', 'flyd', { config: before.config });
      }
      if (startAfter) await this.launch(g);
      else this.setState('stopped');
    });
  }

  destroy(kill: boolean, source: 'user' | 'flyd' = 'user'): void {
    if (this.state === 'destroyed' || this.state === 'destroying') return;
    ++this.gen;
    this.draining = true;
    this.setState('destroying');
    this.event('destroy', 'destroying', source);
    this.enqueue(async () => {
      await this.halt(kill ? 'SIGKILL' : this.stopSignal(), this.stopTimeout());
      this.lease = undefined;
      this.event('destroy', 'destroyed', source);
      this.setState('destroyed');
      this.ctx.onDestroyed?.(this);
      for (const timer of this.timers) clearTimeout(timer);
    });
  }

  signal(signal: string): void {
    this.process?.signal(signal);
  }

  /** Stops everything at sim shutdown without recording events. */
  async shutdown(): Promise<void> {
    ++this.gen;
    for (const timer of this.timers) clearTimeout(timer);
    this.checks?.stop();
    const proc = this.process;
    this.process = undefined;
    if (proc) await proc.stop('SIGKILL', 1000);
  }

  /** Routable by the app's proxy: started, registered, not draining, listening and passing service checks. */
  routable(): boolean {
    const services = this.config.services;
    return (
      this.state === 'started' &&
      !this.cordoned &&
      !this.draining &&
      Array.isArray(services) &&
      services.length > 0 &&
      !!this.process?.listening &&
      (this.checks?.servicePassing() ?? false)
    );
  }

  /** The host port serving the first service, for the proxy. */
  publicPort(): number | undefined {
    const internal = objectsOf(this.config.services)[0]?.internal_port ?? 8080;
    return this.process?.ports.get(Number(internal));
  }

  checkStatuses(): CheckStatus[] {
    return this.checks?.list() ?? [];
  }

  // ---- internals -------------------------------------------------------------------------------------

  private async launch(g: number): Promise<void> {
    if (g !== this.gen || this.state === 'destroyed' || this.state === 'destroying') return;
    const version = this.current;
    const config = version.config;
    this.setState('starting');
    const ports = internalPorts(config);
    const specs = checkSpecs(config);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(objectOf(config.env))) env[k] = String(v);
    Object.assign(env, version.secrets, {
      FLY_APP_NAME: this.ctx.app,
      FLY_MACHINE_ID: this.id,
      FLY_ALLOC_ID: this.id,
      FLY_REGION: this.region,
      FLY_IMAGE_REF: imageString(version.imageRef),
      FLY_MACHINE_VERSION: version.version,
      FLY_PRIVATE_IP: this.privateIp,
      FLY_PROCESS_GROUP: stringOf(objectOf(config.metadata).fly_process_group) ?? 'app',
      PORT: String(ports[0]),
    });
    if (isCommandMachine(config)) env.SIM_PRIVATE_NET = JSON.stringify(this.ctx.privateNetwork?.() ?? {});
    const filesystem = this.ctx.filesystem?.(this) ?? {};
    this.rootfs = filesystem['/'];
    const proc = new MachineProcess({
      behaviour: version.behaviour,
      mode: isCommandMachine(config) ? 'command' : 'serve',
      internalPorts: ports,
      checkPaths: specs.filter((s) => s.type === 'http').map((s) => s.path),
      command: commandOf(config),
      init: objectOf(config.init),
      filesystem,
      env,
      timeScale: this.ctx.timeScale,
    });
    this.process = proc;
    proc.on('listening', () => this.notify());
    proc.on('exit', (info: ExitInfo) => {
      if (!proc.requestedStop) this.enqueue(() => this.onExit(proc, info));
    });
    await proc.booted;
    if (g !== this.gen) {
      // Superseded while booting (shutdown, or a stop/destroy that found no process yet).
      if (this.process === proc) this.process = undefined;
      await proc.stop('SIGKILL', 1000);
      return;
    }
    this.draining = false;
    this.setState('started');
    this.event('start', 'started', 'flyd');
    const runner = new CheckRunner(
      specs,
      (port) => proc.ports.get(port),
      this.ctx.timeScale,
      () => this.notify(),
      this.checkOverrides,
    );
    this.checks = runner;
    runner.start();
  }

  private async onExit(proc: MachineProcess, info: ExitInfo): Promise<void> {
    if (this.process !== proc) return;
    this.process = undefined;
    this.checks?.stop();
    this.checks = undefined;
    const restart = objectOf(this.config.restart);
    const policy = stringOf(restart.policy) ?? 'on-failure';
    const maxRetries = Number.isInteger(restart.max_retries) ? Number(restart.max_retries) : 10;
    const restarting =
      policy === 'always' || (policy === 'on-failure' && info.code !== 0 && this.restartCount < maxRetries);
    this.exitEvent(info, false, restarting);
    if (restarting) {
      this.restartCount++;
      const g = this.gen;
      this.setState('starting');
      const backoff = Math.min(200 * 2 ** (this.restartCount - 1), 3000);
      this.after(backoff, () => this.enqueue(() => this.launch(g)));
    } else {
      this.setState('stopped');
      this.maybeAutoDestroy();
    }
  }

  private maybeAutoDestroy(): void {
    if (this.config.auto_destroy !== true) return;
    const g = this.gen;
    this.after(300, () => {
      if (g === this.gen && this.state === 'stopped') this.destroy(false, 'flyd');
    });
  }

  private async halt(signal: string, timeoutMs: number): Promise<ExitInfo | undefined> {
    this.checks?.stop();
    this.checks = undefined;
    const proc = this.process;
    if (!proc) return undefined;
    this.process = undefined;
    this.notify();
    return proc.stop(normalizeSignal(signal), timeoutMs);
  }

  private exitEvent(info: ExitInfo | undefined, requestedStop: boolean, restarting: boolean): void {
    const code = info?.code ?? 0;
    this.event('exit', restarting ? 'restarting' : 'stopped', 'flyd', {
      exit_event: {
        exit_code: code,
        guest_exit_code: code,
        guest_signal: info?.signal ? (SIGNALS[info.signal] ?? -1) : -1,
        oom_killed: false,
        requested_stop: requestedStop,
        restarting,
        exited_at: new Date().toISOString(),
      },
      restart_count: this.restartCount,
    });
  }

  private stopSignal(): string {
    return normalizeSignal(objectOf(this.config.stop_config).signal ?? 'SIGINT');
  }

  private stopTimeout(): number {
    return goDurationMs(objectOf(this.config.stop_config).timeout, 5000);
  }

  event(
    type: string,
    status: string,
    source: 'user' | 'flyd',
    request?: Record<string, unknown>,
  ): MachineEvent {
    const event: MachineEvent = {
      id: ulid(),
      type,
      status,
      source,
      timestamp: Date.now(),
      ...(request ? { request } : {}),
    };
    this.events.unshift(event);
    if (this.events.length > 200) this.events.length = 200;
    this.notify();
    return event;
  }

  private setState(state: MachineState): void {
    this.state = state;
    this.updatedAt = new Date().toISOString();
    this.notify();
  }

  notify(): void {
    this.changes.emit('change');
  }

  private enqueue(fn: () => Promise<void> | void): void {
    this.queue = this.queue.then(fn).catch((error: unknown) => {
      this.event('error', 'failed', 'flyd', {
        message: error instanceof Error ? error.message : String(error),
      });
    });
  }

  private after(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms * this.ctx.timeScale);
    this.timers.add(timer);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.after(ms, resolve));
  }
}

export function normalizeSignal(signal: unknown): string {
  if (typeof signal === 'number')
    return Object.entries(SIGNALS).find(([, n]) => n === signal)?.[0] ?? 'SIGTERM';
  const text = String(signal ?? '').toUpperCase();
  if (/^\d+$/.test(text)) return normalizeSignal(Number(text));
  const name = text.startsWith('SIG') ? text : `SIG${text}`;
  return name in SIGNALS ? name : 'SIGTERM';
}

export function imageString(ref: ImageRef): string {
  const base = ref.registry === 'docker.io' ? ref.repository : `${ref.registry}/${ref.repository}`;
  return `${base}${ref.tag ? `:${ref.tag}` : ''}@${ref.digest}`;
}
