import { z } from 'zod';

/**
 * TeraSwitch's list envelope (`…IEnumerableApiResponse` in the v2 OpenAPI). Only the envelope
 * matters for verify: it proves the answer came from the API, not a login or proxy page.
 */
export const TeraswitchListSchema = z.object({
  success: z.literal(true),
  result: z.array(z.unknown()),
});
