import { describe, expect, it } from 'vitest';
import { GitlabError } from './gitlab-errors';
import { paginate } from './gitlab-pagination';

const URL_BASE = 'http://127.0.0.1:1/api/v4/personal_access_tokens';
const items = Array.from({ length: 45 }, (_, index) => index + 1);

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

function page(query: string) {
  return paginate(items, new URLSearchParams(query), URL_BASE);
}

describe('GitLab offset pagination', () => {
  it('defaults to page 1 of 20 and says where the next page is', () => {
    const first = page('');
    expect(first.items).toEqual(items.slice(0, 20));
    expect(first.headers).toMatchObject({
      'x-page': '1',
      'x-per-page': '20',
      'x-next-page': '2',
      'x-prev-page': '',
      'x-total': '45',
      'x-total-pages': '3',
    });
    expect(first.headers.link).toBe(
      `<${URL_BASE}?page=2&per_page=20>; rel="next", ` +
        `<${URL_BASE}?page=1&per_page=20>; rel="first", ` +
        `<${URL_BASE}?page=3&per_page=20>; rel="last"`,
    );
  });

  it('keeps the other query parameters in the links, sorted as Rails does', () => {
    const last = page('state=active&page=3&search=ci');
    expect(last.items).toEqual([41, 42, 43, 44, 45]);
    expect(last.headers['x-next-page']).toBe('');
    expect(last.headers.link).toContain(
      `<${URL_BASE}?page=2&per_page=20&search=ci&state=active>; rel="prev"`,
    );
    expect(last.headers.link).not.toContain('rel="next"');
  });

  it('clamps per_page to 1..100 and page to ≥ 1', () => {
    expect(page('per_page=500').headers['x-per-page']).toBe('100');
    expect(page('per_page=0').headers['x-per-page']).toBe('1');
    expect(page('page=-4').headers['x-page']).toBe('1');
  });

  it('answers an empty page past the end, with one total page for an empty list', () => {
    const beyond = page('page=9');
    expect(beyond.items).toEqual([]);
    expect(beyond.headers['x-prev-page']).toBe('');
    const empty = paginate([], new URLSearchParams(), URL_BASE);
    expect(empty.headers['x-total-pages']).toBe('1');
    expect(empty.headers['x-total']).toBe('0');
  });

  it('refuses a page that is not an integer as Grape does', () => {
    expect(() => page('page=two')).toThrow(GitlabError);
    expect(thrown(() => page('per_page=1.5'))).toMatchObject({
      status: 400,
      body: { error: 'per_page is invalid' },
    });
  });
});
