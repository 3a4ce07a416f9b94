import { z } from 'zod';
import { SimHttpError } from './sim-error';

/** A control or dashboard body checked against `schema`; a mismatch is a 400 naming the fields. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new SimHttpError(400, z.prettifyError(result.error));
  return result.data;
}

/**
 * A dashboard action over HTTP: the body parsed by `schema`, then `run`. Actions whose dashboard
 * call answers nothing reply `answer` instead, so the caller still sees what happened.
 */
export function dashboardAction<T>(
  schema: z.ZodType<T>,
  run: (input: T) => unknown,
  answer?: object,
): (body: unknown) => unknown {
  return (body) => {
    const result = run(parseBody(schema, body));
    return answer ?? result;
  };
}
