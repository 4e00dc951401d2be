/**
 * How many Machines may be down at once: `max_unavailable` ≥ 1 is a count, below 1 a fraction of the
 * group rounded up (flyctl), capped so `min_machines_running` stay up, and never below 1.
 */
export function batchSize(maxUnavailable: number, machines: number, minRunning = 0): number {
  if (machines <= 0) return 0;
  let size = maxUnavailable >= 1 ? Math.floor(maxUnavailable) : Math.ceil(machines * maxUnavailable);
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
  const batches: T[][] = [];
  const size = batchSize(options.maxUnavailable, warm.length, options.minRunning);
  const queue = [...warm];
  if (queue.length) batches.push([queue.shift() as T]);
  while (queue.length) batches.push(queue.splice(0, size));
  const coldQueue = [...cold];
  if (!warm.length && coldQueue.length) batches.push([coldQueue.shift() as T]);
  while (coldQueue.length) batches.push(coldQueue.splice(0, 30));
  return batches;
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

/** Runs `fn` over items with at most `limit` in flight; the first error stops new work and is rethrown. */
export async function inPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  // Stryker disable next-line ArrayDeclaration: every index is written before the results are returned
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed: unknown;
  let hasFailed = false;
  const worker = async () => {
    while (!hasFailed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]);
      } catch (error) {
        if (!hasFailed) {
          hasFailed = true;
          failed = error;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (hasFailed) throw failed;
  return results;
}

/** Like Promise.allSettled over inPool, for cleanup that must try every item. */
export async function settleAll<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<{ item: T; error: unknown }[]> {
  const failures: { item: T; error: unknown }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await fn(item);
      } catch (error) {
        failures.push({ item, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return failures;
}
