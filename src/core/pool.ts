import pLimit from 'p-limit';

/**
 * Runs `fn` over `items`, at most `limit` at a time, in order of `items`. Once one fails no further item
 * starts (a deploy stops changing Machines at the first failure); the first failure is the one thrown.
 */
export async function inPool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const limiter = pLimit(Math.max(1, limit));
  let failure: { error: unknown } | undefined;
  const results = await Promise.all(
    items.map((item) =>
      limiter(async () => {
        if (failure) return undefined;
        try {
          return await fn(item);
        } catch (error) {
          failure ??= { error };
          return undefined;
        }
      }),
    ),
  );
  if (failure) throw failure.error;
  return results as R[];
}

/** Like Promise.allSettled over inPool, for cleanup that must try every item: returns what failed. */
export async function settleAll<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<{ item: T; error: unknown }[]> {
  const limiter = pLimit(Math.max(1, limit));
  const failures: { item: T; error: unknown }[] = [];
  await Promise.all(
    items.map((item) =>
      limiter(async () => {
        try {
          await fn(item);
        } catch (error) {
          failures.push({ item, error });
        }
      }),
    ),
  );
  return failures;
}
