import { describe, expect, it } from 'vitest';
import { isLoopbackHost, normalizeBaseUrl } from './base-url';

describe('normalizeBaseUrl', () => {
  it.each([
    ['https://kestra.example.com/', 'https://kestra.example.com'],
    ['  https://kestra.example.com/base//  ', 'https://kestra.example.com/base'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:1135/', 'http://localhost:1135'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
  ])('accepts %s', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['http://kestra.example.com', /https/],
    ['http://127.0.0.1.evil.test', /https/],
    ['javascript:alert(1)', /https/],
    ['kestra.example.com', /full address/],
    ['', /full address/],
    ['https://a:b@kestra.example.com', /user name/],
    ['https://kestra.example.com/?x=1', /\?/],
  ])('refuses %s', (input, message) => {
    expect(() => normalizeBaseUrl(input)).toThrow(message);
  });
});

describe('isLoopbackHost', () => {
  it('knows the loopback range and nothing else', () => {
    expect(isLoopbackHost('127.4.5.6')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
  });
});
