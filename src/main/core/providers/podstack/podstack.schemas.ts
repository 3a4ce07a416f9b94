import { z } from 'zod';

/**
 * `GET /v1/pods`: only the envelope matters for verify. It proves the answer came from Podstack's
 * API and not a login or proxy page; the pods' own fields are not TokenDesk's business.
 */
export const PodstackPodsSchema = z.object({ pods: z.array(z.unknown()) });
