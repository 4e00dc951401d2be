import type { CfError } from './store.js';

/** Every v4 answer is this envelope; a list adds `result_info`. */
export const envelope = (result: unknown, extra: Record<string, unknown> = {}) => ({
  success: true,
  errors: [],
  messages: [],
  result,
  ...extra,
});

export const failure = (errors: CfError[]) => ({ success: false, errors, messages: [], result: null });

export const NO_ROUTE: CfError = { code: 7000, message: 'No route for that URI' };

/** Paging bounds of one list route: Cloudflare's default and largest `per_page`. */
interface PageBounds {
  perPage: number;
  maxPerPage: number;
}

/** A page of `items` in the envelope, with Cloudflare's `result_info`; `per_page` is held within the route's bounds. */
export function page<T>(items: T[], query: URLSearchParams, bounds: PageBounds) {
  const perPage = Math.min(bounds.maxPerPage, Math.max(5, Number(query.get('per_page') ?? bounds.perPage)));
  const p = Math.max(1, Number(query.get('page') ?? 1));
  const slice = items.slice((p - 1) * perPage, p * perPage);
  return envelope(slice, {
    result_info: {
      page: p,
      per_page: perPage,
      count: slice.length,
      total_count: items.length,
      total_pages: Math.max(1, Math.ceil(items.length / perPage)),
    },
  });
}
