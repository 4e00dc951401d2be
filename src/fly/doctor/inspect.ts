import { versionOf, type FlyApi } from '../client.js';
import { META, PLATFORM_VERSION, RELEASE_COMMAND_GROUP, type LeaseData, type Machine } from '../types.js';

/** The description fly-deploy gives its leases (`runway fly-deploy <deploy id>`). */
export const RUNWAY_LEASE = /^runway (fly-deploy|doctor)\b/;

export type FindingKind =
  | 'stale-lease'
  | 'foreign-lease'
  | 'leftover-green'
  | 'leftover-canary'
  | 'leftover-release-command'
  | 'marked-blue'
  | 'cordoned'
  | 'mixed-images'
  | 'count-above'
  | 'count-below';

export interface Finding {
  kind: FindingKind;
  machines: string[];
  text: string;
}

/** What an interrupted rollout left, as the doctor reads the app. */
export interface Inspection {
  app: string;
  machines: Machine[];
  /** Fly Launch app Machines (no canary, release_command or console Machines). */
  fleet: Machine[];
  /** The fleet's newest release and the Machines on it; `older` is the rest of the fleet. */
  newest: Machine[];
  older: Machine[];
  /** Newest-release Machines a blue-green deploy created, with older "blue" Machines still present. */
  greens: Machine[];
  canaries: Machine[];
  releaseCommands: Machine[];
  leases: Map<string, LeaseData>;
  findings: Finding[];
}

const meta = (m: Machine, key: string) => m.config?.metadata?.[key];
const groupOf = (m: Machine) => meta(m, META.processGroup) ?? 'app';
const releaseOf = (m: Machine) => Number(meta(m, META.releaseVersion) ?? 0) || 0;
const gone = (m: Machine) => ['destroyed', 'destroying'].includes(m.state);
const slot = (m: Machine) => `${groupOf(m)}/${m.region}`;
const ids = (ms: Machine[]) => ms.map((m) => m.id);

export function imageOf(m: Machine): string {
  return m.config?.image ?? m.incomplete_config?.image ?? '?';
}

/** Machines per process group and region, e.g. "app/sin ×2". */
export function slots(machines: Machine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of machines) counts.set(slot(m), (counts.get(slot(m)) ?? 0) + 1);
  return counts;
}

/** True when every group/region slot of `need` has at least as many Machines in `have`. */
export function covers(have: Machine[], need: Machine[]): boolean {
  const got = slots(have);
  return [...slots(need)].every(([key, n]) => (got.get(key) ?? 0) >= n);
}

/**
 * The app's declared size, when the caller knows it: a total of app Machines (`expected-machines`), or
 * Machines per process group and region as fly-deploy's `count` declares them (`app/sin` → 2); slots
 * `count` does not name are not judged, as fly-deploy leaves them alone.
 */
export type Declared = { total: number } | { perSlot: Map<string, number> };

/**
 * Reads the app and names what a failed or cancelled rollout left behind. Without a declared size, a
 * blue-green leftover is "above" the blue count it was replacing, and nothing else is judged.
 */
export async function inspectApp(api: FlyApi, declared?: Declared): Promise<Inspection> {
  const machines = (await api.list()).filter((m) => !gone(m));
  const managed = machines.filter((m) => meta(m, META.platformVersion) === PLATFORM_VERSION);
  const releaseCommands = machines.filter((m) => groupOf(m) === RELEASE_COMMAND_GROUP);
  const canaries = managed.filter((m) => meta(m, META.canary) === 'true');
  const fleet = managed.filter(
    (m) =>
      !releaseCommands.includes(m) &&
      !canaries.includes(m) &&
      !['fly_app_console', 'fly_app_test_machine_command'].includes(groupOf(m)),
  );
  const top = Math.max(0, ...fleet.map(releaseOf));
  const newest = fleet.filter((m) => releaseOf(m) === top);
  const older = fleet.filter((m) => releaseOf(m) !== top);
  const tagged = (m: Machine) => {
    const tag = meta(m, META.bluegreenTag);
    return !!tag && tag !== 'safe_to_destroy';
  };
  const greens = older.length && newest.every(tagged) ? newest : [];
  const leases = new Map<string, LeaseData>();
  for (const m of machines) {
    const lease = await api.findLease(m.id);
    if (lease) leases.set(m.id, lease);
  }
  const findings: Finding[] = [];
  const add = (kind: FindingKind, ms: Machine[], text: string) => {
    if (ms.length) findings.push({ kind, machines: ids(ms), text });
  };
  const byLease = (own: boolean) =>
    machines.filter((m) => {
      const lease = leases.get(m.id);
      return lease && RUNWAY_LEASE.test(lease.description ?? '') === own;
    });
  add('stale-lease', byLease(true), "Runway's own leases left by a deploy that did not finish");
  add('foreign-lease', byLease(false), 'leases held by someone else (another tool or a person)');
  add('leftover-green', greens, `green Machines of release v${top} left by an unfinished blue-green deploy`);
  add('leftover-canary', canaries, 'canary Machines left by an unfinished canary deploy');
  add('leftover-release-command', releaseCommands, 'release_command Machines left running or stopped');
  add(
    'marked-blue',
    older.filter((m) => meta(m, META.bluegreenTag) === 'safe_to_destroy'),
    'blue Machines already marked safe_to_destroy',
  );
  add(
    'cordoned',
    fleet.filter((m) => m.cordoned && !greens.includes(m)),
    'cordoned Machines (the proxy sends them no traffic)',
  );
  const images = new Set(fleet.map(imageOf));
  if (images.size > 1 && !greens.length)
    add('mixed-images', older, `Machines still on an older release than v${top} (${[...images].join(', ')})`);
  findings.push(...countFindings(fleet, declared ?? (greens.length ? { total: older.length } : undefined)));
  return {
    app: api.app,
    machines,
    fleet,
    newest,
    older,
    greens,
    canaries,
    releaseCommands,
    leases,
    findings,
  };
}

/** `count-above` / `count-below`: the fleet against its declared size, in total or per group and region. */
function countFindings(fleet: Machine[], declared: Declared | undefined): Finding[] {
  if (!declared) return [];
  const judged: { label: string; have: Machine[]; want: number }[] =
    'total' in declared
      ? [{ label: 'app Machines', have: fleet, want: declared.total }]
      : [...declared.perSlot].map(([key, want]) => ({
          label: `Machines in ${key}`,
          have: fleet.filter((m) => slot(m) === key),
          want,
        }));
  const drift = (above: boolean) =>
    judged.filter((j) => (above ? j.have.length > j.want : j.have.length < j.want));
  const finding = (kind: FindingKind, off: typeof judged): Finding[] =>
    off.length
      ? [
          {
            kind,
            machines: ids(off.flatMap((j) => j.have)),
            text: off.map((j) => `${j.have.length} ${j.label} where ${j.want} are declared`).join('; '),
          },
        ]
      : [];
  return [...finding('count-above', drift(true)), ...finding('count-below', drift(false))];
}

export function describeMachine(m: Machine): string {
  return `${m.id} (${groupOf(m)}, ${m.region}, ${m.state}${m.cordoned ? ', cordoned' : ''}, v${releaseOf(m)} ${imageOf(m)}, version ${versionOf(m) ?? '?'})`;
}
