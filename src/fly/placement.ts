import { InputError } from '../core/errors.js';
import { validateRegions } from './regions.js';
import type { Machine } from './types.js';

/** One entry of the `count` input: how many Machines a group (or every group) should have in a region. */
export interface CountEntry {
  group?: string;
  region: string;
  count: number;
}

const MAX_PER_REGION = 100;

/**
 * Parses `count` as `fly scale count` reads it: `sin=3`, `sin=2,bom=1`, a group prefix for one process
 * group (`worker:sin=1`), or a bare number for the primary region. Checked before any call.
 */
export function parseCount(text: string, primary: string): CountEntry[] {
  const entries: CountEntry[] = [];
  for (const raw of text.split(/[,\s]+/).filter(Boolean)) {
    const match = /^(?:([a-z0-9_-]+):)?(?:([a-z]{3})=)?(\d+)$/i.exec(raw);
    if (!match)
      throw new InputError(
        'count',
        `"${raw}" is not a Machine count.`,
        'write region=N entries, e.g. count: sin=2,bom=1 (or worker:sin=1 for one process group).',
      );
    const count = Number(match[3]);
    if (count > MAX_PER_REGION)
      throw new InputError(
        'count',
        `"${raw}" asks for ${count} Machines in one region.`,
        `use at most ${MAX_PER_REGION}.`,
      );
    const [region] = validateRegions('count', [match[2] ?? primary]);
    const group = match[1];
    if (entries.some((e) => e.group === group && e.region === region))
      throw new InputError(
        'count',
        `names ${group ? `${group}:` : ''}${region} twice.`,
        'give each region one count.',
      );
    entries.push({ group, region, count });
  }
  return entries;
}

/** What a group should look like after the deploy: Machines to add per region, and which to remove. */
export interface GroupPlan {
  group: string;
  add: Map<string, number>;
  remove: Machine[];
  /** Regions and counts the group should end with, for the summary. */
  target: Map<string, number>;
}

/** The counts asked for one group: its own entries win over the ones for every group. */
export function countsFor(entries: CountEntry[], group: string): Map<string, number> | undefined {
  const mine = entries.filter((e) => e.group === group);
  const shared = entries.filter((e) => e.group === undefined && !mine.some((m) => m.region === e.region));
  const all = [...shared, ...mine];
  return all.length ? new Map(all.map((e) => [e.region, e.count])) : undefined;
}

/**
 * Which Machine goes first when a region has too many, as `fly scale count` picks: stopped before
 * started (they serve nothing), then the newest.
 */
export function surplus(machines: Machine[], keep: number): Machine[] {
  const order = [...machines].sort((a, b) => {
    const stopped = Number(b.state !== 'started') - Number(a.state !== 'started');
    return stopped || String(b.created_at ?? b.id).localeCompare(String(a.created_at ?? a.id));
  });
  return order.slice(0, Math.max(0, machines.length - keep));
}

/**
 * Plans one group: with counts, each named region is brought to its count (regions not named are left
 * alone, as `fly scale count --region`); without, a group with no Machines gets the first-deploy layout
 * and an existing group gets one Machine in each listed region where it has none.
 */
export function planGroup(
  group: string,
  machines: Machine[],
  options: { counts?: Map<string, number>; regions: string[]; firstLayout: () => Map<string, number> },
): GroupPlan {
  const byRegion = new Map<string, Machine[]>();
  for (const m of machines) byRegion.set(m.region, [...(byRegion.get(m.region) ?? []), m]);
  const have = (region: string) => byRegion.get(region)?.length ?? 0;
  let wanted: Map<string, number>;
  if (options.counts) wanted = options.counts;
  else if (!machines.length) wanted = options.firstLayout();
  else wanted = new Map(options.regions.filter((r) => have(r) === 0).map((r) => [r, 1]));
  const add = new Map<string, number>();
  const remove: Machine[] = [];
  for (const [region, count] of wanted) {
    if (count > have(region)) add.set(region, count - have(region));
    else if (count < have(region)) remove.push(...surplus(byRegion.get(region) ?? [], count));
  }
  const target = new Map<string, number>();
  for (const region of new Set([...byRegion.keys(), ...wanted.keys()])) {
    const n = wanted.get(region) ?? have(region);
    if (n > 0) target.set(region, n);
  }
  return { group, add, remove, target };
}

/** `app: sin×2, bom×1` — where a group's Machines are. */
export function describePlacement(counts: Map<string, number>): string {
  return [...counts].map(([region, n]) => `${region}×${n}`).join(', ') || 'none';
}
