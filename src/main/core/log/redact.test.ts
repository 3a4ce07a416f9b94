import { describe, expect, it } from 'vitest';
import { looksLikeToken, redact } from './redact';

const BASE64URL = 'q8Zr2mN4-vT7xW1yK3bL9cD5fG0hJ6sPa';

describe('redact', () => {
  it('removes every occurrence of a known secret, even a short one', () => {
    expect(redact('a=hunter2 and b=hunter2', ['hunter2'])).toBe('a=[redacted] and b=[redacted]');
  });

  it('removes a known secret in its URL-encoded form', () => {
    expect(redact('?t=a%2Bb%2Fc%3Dd', ['a+b/c=d'])).toBe('?t=[redacted]');
  });

  it('ignores known "secrets" too short to protect anything', () => {
    expect(redact('abc def', ['abc'])).toBe('abc def');
  });

  it.each([
    ['Authorization: Bearer abc.def', 'Authorization: [redacted]'],
    ['PRIVATE-TOKEN: plain', 'PRIVATE-TOKEN: [redacted]'],
    ['{"authorization":"Basic dXNlcjpwYXNz"}', '{"authorization":"[redacted]"}'],
    ['cookie=JWT=abc; other=1', 'cookie=[redacted]'],
  ])('removes header values: %s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('removes Bearer and Basic credentials anywhere in a line', () => {
    expect(redact('sent Bearer abcd1234 to the host')).toBe('sent Bearer [redacted] to the host');
    expect(redact('tried Basic dXNlcjpwYXNz first')).toBe('tried Basic [redacted] first');
  });

  it('keeps Bearer and Basic used as words', () => {
    const prose = 'Basic authentication and Bearer tokens are both supported';
    expect(redact(prose)).toBe(prose);
  });

  it.each([
    'glpat-xYz123abcDEF456ghi',
    'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
    'sk-bodhiapp_1a2b3c4d5e',
    'podstack_ab12cd34_secretpart',
    'github_pat_11ABCDEFG0123456789_abcdef',
  ])('removes prefixed tokens: %s', (token) => {
    expect(redact(`the token ${token} failed`)).toBe('the token [redacted] failed');
  });

  it.each([
    ['base64url', BASE64URL],
    ['hex', '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b'],
    ['base64', 'dGhpcyBpcyBhIHNlY3JldCB2YWx1ZQ0K+abc=='],
    ['lowercase alphanumeric', 'a1b2c3d4e5f6g7h8i9j0k1l2m3'],
    ['UUID', '123e4567-e89b-12d3-a456-426614174000'],
    ['base64url without digits', 'roekWBRFoaQONajbGzhZnvihEKRXEsPmuCooalHEffU'],
  ])('removes token-shaped strings (%s)', (_kind, token) => {
    expect(redact(`value ${token} seen`)).toBe('value [redacted] seen');
  });

  it('keeps prose, hosts, ISO dates, paths and short ids readable', () => {
    const text =
      'Kestra at kestra.example.com answered on 2025-06-01T12:00:00.000Z for ' +
      'https://kestra.example.com/api/v1/users/4wjtkzwVGBM9yKnjm3yv8r/api-tokens: ' +
      'token deploy-bot-2024-ci-runner-production was created';
    expect(redact(text)).toBe(text);
  });

  it('keeps long plain words and kebab names with capitals', () => {
    expect(looksLikeToken('internationalizationframeworks')).toBe(false);
    expect(looksLikeToken('Deploy-Bot-2024-CI-Runner-Production')).toBe(false);
    expect(looksLikeToken('createHttpClientWithDispatcherOptions')).toBe(false);
    expect(looksLikeToken(BASE64URL)).toBe(true);
  });

  it('judges each path segment on its own', () => {
    expect(redact(`/api/v1/tokens/${BASE64URL}/x`)).toBe('/api/v1/tokens/[redacted]/x');
  });
});
