import { z } from 'zod';

/**
 * Kestra's responses, as tolerant as the official Terraform provider: every list field but
 * id and name may be absent (or null, as Jackson writes it without NON_NULL).
 */
const optionalText = z.string().nullish();

/** An ISO date-time as Java's Instant writes it (nanoseconds included), normalized to ms. */
const instant = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'not a date-time' })
  .transform((value) => new Date(value).toISOString())
  .nullish();

export const KestraApiTokenSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: optionalText,
  prefix: optionalText,
  iat: instant,
  exp: instant,
  lastUsed: instant,
  extended: z.boolean().nullish(),
  expired: z.boolean().nullish(),
});
export type KestraApiToken = z.infer<typeof KestraApiTokenSchema>;

export const KestraApiTokenListSchema = z.object({
  results: z.array(KestraApiTokenSchema),
  total: z.number().int().nullish(),
});

export const KestraCreatedTokenSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  fullToken: z.string().min(12),
});

/** Only the envelope matters: it proves the answer came from Kestra's API, not a login page. */
export const KestraSearchSchema = z.object({ results: z.array(z.unknown()) });
