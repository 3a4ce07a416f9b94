import { z } from 'zod';

/** A date-time as Bodhi's chrono writes it, normalized to ISO with milliseconds. */
const dateTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'not a date-time' })
  .transform((value) => new Date(value).toISOString());

/** `TokenDetail`: `scopes` is one string despite its name. Grants are not needed here. */
export const BodhiTokenSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  token_prefix: z.string().nullish(),
  scopes: z.string().nullish(),
  status: z.enum(['active', 'inactive']),
  last_used_at: dateTime.nullish(),
  created_at: dateTime.nullish(),
  updated_at: dateTime.nullish(),
});
export type BodhiToken = z.infer<typeof BodhiTokenSchema>;

export const BodhiTokenPageSchema = z.object({
  data: z.array(BodhiTokenSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().nullish(),
  page_size: z.number().int().nullish(),
});

/** The create answer: the full token, the only time Bodhi shows it. No id comes with it. */
export const BodhiCreatedSchema = z.object({ token: z.string().min(1) });

/** `GET /bodhi/v1/user` answers 200 whoever asks; only `api_token` proves a bearer token. */
export const BodhiUserInfoSchema = z.object({ auth_status: z.string() });

/** Bodhi's error envelope; `code` is `<error enum>-<variant>`, e.g. `auth_error-token_inactive`. */
export const BodhiErrorSchema = z.object({ error: z.object({ code: z.string() }) });
