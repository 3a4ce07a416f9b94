import { invalidParam } from './gitlab-errors';

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  if (!/^-?\d+$/.test(text)) throw invalidParam(name);
  return Number(text);
}

/** Rails' `to_query`: keys sorted, values form-encoded. */
function toQuery(params: Map<string, string>): string {
  return [...params.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}

/**
 * GitLab's offset pagination (Gitlab::Pagination::OffsetPagination and OffsetHeaderBuilder):
 * `page` from 1, `per_page` default 20 and at most 100 (Kaminari clamps, it does not refuse),
 * X-* headers, and a Link header with prev/next/first/last built from the request's own URL.
 */
export function paginate<T>(items: readonly T[], query: URLSearchParams, selfUrl: string): Page<T> {
  const page = Math.max(1, intParam(query, 'page', 1));
  const perPage = Math.min(
    MAX_PER_PAGE,
    Math.max(1, intParam(query, 'per_page', DEFAULT_PER_PAGE)),
  );
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const outOfRange = page > totalPages;
  const nextPage = !outOfRange && page < totalPages ? page + 1 : null;
  const prevPage = !outOfRange && page > 1 ? page - 1 : null;

  const href = (target: number): string => {
    const params = new Map<string, string>();
    for (const [key, value] of query) params.set(key, value);
    params.set('page', String(target));
    params.set('per_page', String(perPage));
    return `<${selfUrl}?${toQuery(params)}>`;
  };
  const links: string[] = [];
  if (prevPage !== null) links.push(`${href(prevPage)}; rel="prev"`);
  if (nextPage !== null) links.push(`${href(nextPage)}; rel="next"`);
  links.push(`${href(1)}; rel="first"`, `${href(totalPages)}; rel="last"`);

  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-next-page': nextPage === null ? '' : String(nextPage),
      'x-prev-page': prevPage === null ? '' : String(prevPage),
      'x-total': String(total),
      'x-total-pages': String(totalPages),
      link: links.join(', '),
    },
  };
}
