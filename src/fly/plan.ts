/**
 * How many Machines may be down at once: `max_unavailable` ≥ 1 is a count, below 1 a fraction of the
 * group rounded up (flyctl), capped so `min_machines_running` stay up, and never below 1.
 */
export function batchSize(maxUnavailable: number, machines: number, minRunning = 0): number {
  if (machines <= 0) return 0;
  let size = maxUnavailable >= 1 ? Math.floor(maxUnavailable) : Math.ceil(machines * maxUnavailable);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with minRunning ≤ 0 the cap is machines or more, which the clamp below already applies
  if (minRunning > 0) size = Math.min(size, machines - minRunning);
  return Math.max(1, Math.min(size, machines));
}

/**
 * Rolling order as flyctl runs it: Machines sorted by id, the first one alone as a spearhead (a bad
 * release then takes down one Machine, not a batch), the rest in batches. Stopped ("cold") Machines
 * serve no traffic, so they go in batches of up to 30 after the warm ones.
 */
export function rollingBatches<T extends { id: string }>(
  machines: T[],
  options: { maxUnavailable: number; minRunning?: number; isWarm: (m: T) => boolean },
): T[][] {
  const sorted = [...machines].sort((a, b) => a.id.localeCompare(b.id));
  const warm = sorted.filter(options.isWarm);
  const cold = sorted.filter((m) => !options.isWarm(m));
  const size = batchSize(options.maxUnavailable, warm.length, options.minRunning);
  // Without a warm Machine the first cold one is the spearhead.
  const [spearhead, ...rest] = warm.length ? warm : cold;
  if (!spearhead) return [];
  return [
    [spearhead],
    ...chunks(warm.length ? rest : [], size),
    ...chunks(warm.length ? cold : rest, COLD_BATCH),
  ];
}

/** Stopped Machines serve no traffic: flyctl starts them in batches of up to 30. */
const COLD_BATCH = 30;

/** `items` in runs of `size`, the last one shorter; the count is known up front, so it always ends. */
function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

/** How many Machines a first deploy creates per region: two in the primary region for HA, as `fly deploy --ha`. */
export function firstDeployCounts(
  regions: string[],
  primary: string,
  options: { ha: boolean; minRunning: number },
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const region of regions) {
    const isPrimary = region === primary;
    counts.set(region, Math.max(1, isPrimary && options.ha ? 2 : 1, isPrimary ? options.minRunning : 0));
  }
  return counts;
}
