/** GitLab serves at most 100 items a page. */
export const GITLAB_PER_PAGE = 100;
/** 10,000 tokens: more than any account holds; a bound so a broken header cannot loop forever. */
export const GITLAB_MAX_PAGES = 100;

function pageOfLink(link: string): number | null {
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (match?.[1] === undefined) continue;
    try {
      const page = new URL(match[1]).searchParams.get('page');
      return page !== null && /^\d+$/.test(page) ? Number(page) : null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The page after `current`, from X-Next-Page (empty on the last page) or else the Link header's
 * rel="next". Only the page number is taken from Link: its URL is never followed, so a proxy's
 * rewritten host cannot receive the credential.
 */
export function nextPage(headers: Record<string, string>, current: number): number | null {
  const header = headers['x-next-page'];
  let next: number | null = null;
  if (header !== undefined && header.trim() !== '') {
    next = /^\d+$/.test(header.trim()) ? Number(header.trim()) : null;
  } else if (header === undefined && headers.link !== undefined) {
    next = pageOfLink(headers.link);
  }
  return next !== null && next > current ? next : null;
}
