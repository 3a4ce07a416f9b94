import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}/;

const instant = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'not a date-time' })
  .transform((value) => new Date(value).toISOString())
  .nullish();

/**
 * `expires_at` is a date; GitLab checks `expires_at <= now`, so the token stops working at
 * 00:00 UTC that day. Some versions write it as a date-time: its date part is what counts.
 */
const expiryDate = z
  .string()
  .regex(DATE, { message: 'not a date' })
  .transform((value) => `${value.slice(0, 10)}T00:00:00.000Z`)
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'not a date' })
  .nullish();

/** Entities::PersonalAccessToken (and ResourceAccessToken, which adds access_level). */
export const GitlabTokenSchema = z.object({
  id: z.number().int().nonnegative(),
  name: z.string(),
  revoked: z.boolean().nullish(),
  active: z.boolean().nullish(),
  created_at: instant,
  description: z.string().nullish(),
  scopes: z.array(z.string()).nullish(),
  user_id: z.number().int().nullish(),
  last_used_at: instant,
  expires_at: expiryDate,
  access_level: z.number().int().nullish(),
});
export type GitlabToken = z.infer<typeof GitlabTokenSchema>;

export const GitlabTokenListSchema = z.array(GitlabTokenSchema);

/** Create and rotate answers: the record plus the new secret, shown this once. */
export const GitlabNewTokenSchema = GitlabTokenSchema.extend({ token: z.string().min(20) });
