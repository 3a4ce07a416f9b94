import { describe, expect, it } from 'vitest';
import { compileNameRule } from './name-rule';

describe('compileNameRule', () => {
  it('matches the whole name and tolerates a pattern that is not valid in JavaScript', () => {
    const rule = compileNameRule('[a-z]+');
    expect(rule === null ? null : [rule.test('abc'), rule.test('abc1')]).toEqual([true, false]);
    expect(compileNameRule('(unclosed')).toBeNull();
  });
});
