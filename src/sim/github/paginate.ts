/** A page of `items` with the `Link` header GitHub sends (next/last/first/prev, only those that apply). */
export function paginate<T>(
  apiUrl: string,
  items: T[],
  query: URLSearchParams,
  url: URL,
): { page: T[]; link?: string } {
  const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const pageUrl = (n: number) => {
    const u = new URL(url.toString());
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(n));
    return `${apiUrl}${u.pathname}${u.search}`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`<${pageUrl(page - 1)}>; rel="prev"`);
  if (page < last) parts.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(last)}>; rel="last"`);
  if (page > 1) parts.push(`<${pageUrl(1)}>; rel="first"`);
  return { page: slice, link: parts.length ? parts.join(', ') : undefined };
}
