import type { z } from 'zod';
import { contract, type Channel } from '../../../src/shared/contract';
import { fieldsOf, isOptional, sampleOf } from './sample-args';

export interface Malformed {
  channel: Channel;
  what: string;
  /** The payload as the renderer would send it (JSON text for the HTTP endpoint). */
  payload: unknown;
}

const HUGE = 'A'.repeat(200_000);

/** A value nested deeper than any schema of ours goes: parsers must not recurse into it. */
function deeplyNested(depth: number): unknown {
  let value: unknown = {};
  for (let i = 0; i < depth; i += 1) value = { nested: value };
  return value;
}

/** Built with JSON.parse, as a payload arrives: `__proto__` is then an own key, not the prototype. */
function withOwnKey(base: unknown, key: string, value: unknown): unknown {
  const json = JSON.stringify(base);
  const entry = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  return JSON.parse(json === '{}' ? `{${entry}}` : `${json.slice(0, -1)},${entry}}`);
}

/** Values of the wrong kind for any field; each carries the canary where it can. */
function wrongValues(canary: string): Array<[string, unknown]> {
  return [
    ['a number', 42],
    ['a negative float', -1.5],
    ['a boolean', false],
    ['null', null],
    ['an array', [canary]],
    ['an object', { value: canary }],
    ['a huge string', `${canary}${HUGE}`],
    ['a deeply nested object', deeplyNested(2_000)],
    ['a prototype-polluting object', JSON.parse(`{"__proto__":{"polluted":"${canary}"}}`)],
  ];
}

function extraFields(sample: Record<string, unknown>, canary: string): Array<[string, unknown]> {
  return [
    ['an extra field', { ...sample, extra: 1 }],
    ['an extra field named like the canary', { ...sample, [canary]: canary }],
    ['an own __proto__ key', withOwnKey(sample, '__proto__', { polluted: canary })],
    ['a constructor key', withOwnKey(sample, 'constructor', { prototype: { polluted: canary } })],
    ['a prototype key', withOwnKey(sample, 'prototype', { polluted: canary })],
  ];
}

function notAnObject(canary: string, emptyIsValid: boolean): Array<[string, unknown]> {
  const kinds: Array<[string, unknown]> = [
    ['a number instead of the arguments', 7],
    ['text instead of the arguments', canary],
    ['a huge text instead of the arguments', `${canary}${HUGE}`],
    ['true instead of the arguments', true],
    ['an array instead of the arguments', [{}]],
    ['an empty array instead of the arguments', []],
  ];
  // null and a missing argument mean "no arguments" ({}), which is a valid call where none are needed.
  if (!emptyIsValid) kinds.push(['no arguments', undefined], ['null arguments', null]);
  return kinds;
}

/**
 * Malformed calls of one channel, derived from its schema: the whole payload of the wrong kind,
 * every field missing, of every wrong kind and huge, unknown and prototype-polluting keys, and the
 * same one level down in every nested object. Only payloads the schema does refuse are returned.
 */
export function malformedPayloads(channel: Channel, canary: string): Malformed[] {
  const schema = contract[channel].args as z.ZodType;
  const sample = sampleOf(schema) as Record<string, unknown>;
  const emptyIsValid = schema.safeParse({}).success;
  const out: Array<[string, unknown]> = [
    ...notAnObject(canary, emptyIsValid),
    ...extraFields(sample, canary),
  ];
  for (const [key, field] of Object.entries(fieldsOf(schema))) {
    if (!isOptional(field)) {
      const { [key]: _missing, ...rest } = sample;
      out.push([`${key} missing`, rest]);
    }
    for (const [what, value] of wrongValues(canary)) {
      out.push([`${key} as ${what}`, { ...sample, [key]: value }]);
    }
    const nested = sample[key];
    if (nested !== null && typeof nested === 'object' && !Array.isArray(nested)) {
      for (const [what, value] of extraFields(nested as Record<string, unknown>, canary)) {
        out.push([`${key} with ${what}`, { ...sample, [key]: value }]);
      }
    }
  }
  return out
    .filter(([, payload]) => !schema.safeParse(payload ?? {}).success)
    .map(([what, payload]) => ({ channel, what, payload }));
}
