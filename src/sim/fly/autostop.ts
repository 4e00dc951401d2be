import { objectOf, objectsOf, stringOf } from './json.js';
import type { SimMachine } from './machine.js';

/** The proxy's view of one service's scaling settings (fly.toml `auto_stop_machines` and friends). */
export interface ScalePolicy {
  autostart: boolean;
  autostop: 'off' | 'stop' | 'suspend';
  minRunning: number;
}

/** fly-go writes autostop as false ("off"), true ("stop") or the string "suspend". */
export function scalePolicy(machine: SimMachine): ScalePolicy | undefined {
  const service = objectsOf(objectOf(machine.config).services)[0];
  if (!service) return undefined;
  const raw = service.autostop;
  const autostop = raw === true || raw === 'stop' ? 'stop' : raw === 'suspend' ? 'suspend' : 'off';
  const min = Number(service.min_machines_running ?? 0);
  return {
    autostart: service.autostart === true,
    autostop,
    minRunning: Number.isInteger(min) && min > 0 ? min : 0,
  };
}

const groupOf = (m: SimMachine) => stringOf(objectOf(objectOf(m.config).metadata).fly_process_group) ?? 'app';
const primaryOf = (m: SimMachine) => stringOf(objectOf(objectOf(m.config).env).PRIMARY_REGION);
const leased = (m: SimMachine) => !!m.lease && m.lease.expiresAt > Date.now();

/**
 * What Fly's proxy does for an app with `auto_stop_machines` / `auto_start_machines`: a request that finds
 * no Machine to serve it starts a stopped one (autostart), and a Machine that served no request for
 * `idleMs` is stopped (autostop) unless that would leave its process group below `min_machines_running`
 * in the primary region. Sim choices: a leased Machine (a deploy is working on it) is never stopped by
 * the proxy, but may be started, as the proxy does not take leases.
 */
export class AutoScaler {
  private readonly lastServed = new Map<string, number>();
  private readonly woken = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly machines: () => SimMachine[],
    readonly idleMs: number,
  ) {}

  /** The proxy relayed a request to this Machine. */
  served(id: string): void {
    this.lastServed.set(id, Date.now());
  }

  /** Starts one stopped Machine that allows autostart; true when one was started (or is already starting). */
  wake(): boolean {
    const all = this.machines();
    const now = Date.now();
    // One wake per burst: a Machine started for an earlier request is still booting or passing its
    // first checks, so the request waits for it rather than starting another.
    const booting = all.some((m) => {
      const since = this.woken.get(m.id);
      return (
        since !== undefined &&
        now - since < 15_000 &&
        (m.state === 'starting' || (m.state === 'started' && !m.routable()))
      );
    });
    if (booting) return true;
    const sleeping = all.find(
      (m) =>
        (m.state === 'stopped' || m.state === 'suspended') &&
        !m.cordoned &&
        (scalePolicy(m)?.autostart ?? false),
    );
    if (!sleeping) return false;
    this.woken.set(sleeping.id, now);
    this.lastServed.set(sleeping.id, now);
    sleeping.start();
    return true;
  }

  /** One autostop pass: idle started Machines stopped, min_machines_running kept per group. */
  tick(): string[] {
    const now = Date.now();
    const stopped: string[] = [];
    const all = this.machines();
    for (const m of all) {
      const policy = scalePolicy(m);
      if (!policy || policy.autostop === 'off' || m.state !== 'started' || leased(m)) continue;
      const last = this.lastServed.get(m.id) ?? 0;
      if (now - last < this.idleMs) continue;
      const primary = primaryOf(m);
      const running = all.filter(
        (x) =>
          x.state === 'started' &&
          groupOf(x) === groupOf(m) &&
          (!primary || x.region === primary) &&
          !stopped.includes(x.id),
      );
      if ((!primary || m.region === primary) && running.length <= policy.minRunning) continue;
      m.stop(undefined, undefined, policy.autostop === 'suspend' ? 'suspended' : 'stopped');
      stopped.push(m.id);
    }
    return stopped;
  }

  start(everyMs: number): void {
    this.timer ??= setInterval(() => this.tick(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
