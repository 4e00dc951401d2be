import { versionOf } from './client.js';
import { groupOf, imageOfMachine } from './app-machines.js';
import type { HealthOutcome } from './health.js';
import type { Machine } from './types.js';

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
  /** How the new release reached it: health-checked while started, or written while stopped (`skip_launch`). */
  check?: 'verified' | 'stopped';
  ms?: number;
  note?: string;
}

const short = (version: string) => version.slice(-8);

/**
 * The summary's per-Machine table, one row per Machine the deploy saw or made. Each step of the
 * per-Machine path records what it did through one method here, so a row always tells the whole story.
 */
export class DeployReport {
  private readonly rows = new Map<string, MachineReport>();

  all(): MachineReport[] {
    return [...this.rows.values()];
  }

  private edit(id: string, change: (row: MachineReport) => void): void {
    const row = this.rows.get(id);
    if (row) change(row);
  }

  /** A Machine as the deploy found it. */
  found(m: Machine): void {
    this.rows.set(m.id, {
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

  created(machine: Machine, group: string, region: string, image: string): void {
    this.rows.set(machine.id, {
      id: machine.id,
      region: machine.region ?? region,
      group,
      action: 'created',
      newVersion: versionOf(machine),
      newImage: image,
      health: 'pending',
    });
  }

  /** Adds a fact to a Machine's note (its volume, where it was placed instead). */
  note(id: string, text: string): void {
    this.edit(id, (row) => (row.note = row.note ? `${row.note}; ${text}` : text));
  }

  /** A created Machine's role: a canary, or green standing in for a blue Machine. */
  role(id: string, change: { action?: MachineReport['action']; replaces?: Machine }): void {
    const row = this.rows.get(id);
    if (!row) return;
    if (change.action) row.action = change.action;
    if (change.replaces) {
      row.oldVersion = versionOf(change.replaces);
      row.oldImage = imageOfMachine(change.replaces);
      row.note = `green for ${change.replaces.id}`;
    }
  }

  updating(machine: Machine, group: string, image: string): void {
    this.rows.set(machine.id, {
      id: machine.id,
      region: machine.region,
      group,
      action: 'updated',
      oldVersion: versionOf(machine),
      oldImage: imageOfMachine(machine),
      newImage: image,
      health: 'pending',
    });
  }

  /** Fly accepted the update (or create) with this version. */
  version(id: string, version: string | undefined): void {
    const row = this.rows.get(id);
    if (row) row.newVersion = version;
  }

  /** The health gate passed. */
  healthy(id: string, outcome: HealthOutcome, sinceMs: number): void {
    const row = this.rows.get(id);
    if (!row) return;
    row.health = outcome.health;
    row.check = 'verified';
    row.state = outcome.machine.state;
    row.newVersion = versionOf(outcome.machine) ?? row.newVersion;
    row.ms = Date.now() - sinceMs;
  }

  /** A stopped Machine took the new version without being started (`skip_launch`). */
  leftStopped(id: string, sinceMs: number): void {
    const row = this.rows.get(id);
    if (!row) return;
    row.health = 'stopped (not started)';
    row.check = 'stopped';
    row.state = 'stopped';
    row.ms = Date.now() - sinceMs;
  }

  /** A Machine this deploy created was destroyed again (rollback), with why. */
  destroyed(id: string, reason: string): void {
    this.edit(id, (row) => Object.assign(row, { action: 'destroyed', note: reason, state: 'destroyed' }));
  }

  canaryPassed(id: string): void {
    this.edit(id, (row) => Object.assign(row, { state: 'destroyed', note: 'canary passed, destroyed' }));
  }

  /** Removed by `count`: the app asked for fewer Machines in its region. */
  scaledDown(id: string): void {
    this.edit(id, (row) =>
      Object.assign(row, { action: 'destroyed', state: 'destroyed', note: 'scaled down (count)' }),
    );
  }

  blueDestroyed(id: string): void {
    this.edit(id, (row) => Object.assign(row, { state: 'destroyed', health: 'blue, destroyed' }));
  }

  /** Blue-green: the old Machine green replaced, about to be stopped and destroyed. */
  blue(m: Machine): void {
    this.rows.set(m.id, {
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

  /** Rollback found the update never landed, or Fly reverted it: the Machine is as it was. */
  untouched(id: string): void {
    const row = this.rows.get(id);
    if (!row) return;
    row.action = 'unchanged';
    // An update Fly accepted (it answered with a new version) and then reverted is not "never applied".
    row.note = row.newVersion
      ? `Fly reverted the update to …${short(row.newVersion)}; still on the previous version`
      : 'update never applied';
    row.newVersion = undefined;
    row.newImage = undefined;
    row.health = '-';
  }

  /** Rollback put the previous config back. */
  restored(id: string, previous: Machine, version: string | undefined, warm: boolean, sinceMs: number): void {
    const row = this.rows.get(id);
    if (!row) return;
    const failed = row.newVersion ? `new version …${short(row.newVersion)} failed; ` : '';
    row.action = 'restored';
    row.note = `${failed}back on ${imageOfMachine(previous) ?? 'the previous image'}`;
    row.newVersion = version;
    row.newImage = imageOfMachine(previous);
    row.health = warm ? 'passing (restored)' : 'stopped (restored)';
    row.ms = Date.now() - sinceMs;
  }

  /** The state each Machine ended in, from the final listing. */
  finalStates(after: Machine[]): void {
    for (const m of after) {
      const row = this.rows.get(m.id);
      if (row) row.state = m.state;
    }
  }
}
