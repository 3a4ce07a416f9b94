import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, unknown>;
  in?: z.ZodType;
}

interface Bounds {
  minimum?: number;
  minLength?: number;
}

function internals(schema: z.ZodType): { def: Def; bag: Bounds } {
  return (schema as unknown as { _zod: { def: Def; bag: Bounds } })._zod;
}

/** The schema an object field holds, whatever wraps it (optional, default, …). */
export function fieldsOf(schema: z.ZodType): Record<string, z.ZodType> {
  const { def } = internals(schema);
  if (def.type === 'object' && def.shape) return def.shape;
  return {};
}

export function isOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

/**
 * A smallest valid value for a schema of the contract, built from zod's own description of it:
 * the fuzz starts from a valid call and breaks one thing at a time, for every channel there is.
 */
export function sampleOf(schema: z.ZodType): unknown {
  const { def, bag } = internals(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {}).map(([key, field]) => [key, sampleOf(field)]),
      );
    case 'string':
      return 's'.repeat(Math.max(1, bag.minLength ?? 0));
    case 'number':
      return Math.max(1, bag.minimum ?? 1);
    case 'boolean':
      return true;
    case 'literal':
      return def.values?.[0];
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'prefault':
      return sampleOf(def.innerType as z.ZodType);
    case 'array':
      return Array.from({ length: Math.max(1, bag.minimum ?? 1) }, () =>
        sampleOf(def.element as z.ZodType),
      );
    case 'record':
      return {};
    case 'union':
      return sampleOf((def.options ?? [])[0] as z.ZodType);
    case 'pipe':
      return sampleOf(def.in as z.ZodType);
    default:
      throw new Error(`no sample for a zod ${def.type}: extend sampleOf`);
  }
}
