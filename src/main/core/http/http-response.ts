import type { z } from 'zod';
import type { HttpResponse } from './http-client.types';
import type { FailureContext } from './http-errors';
import { httpError } from './http-errors';

function looksLikeHtml(text: string): boolean {
  return /^\s*<(?:!doctype|html|head|body|\?xml)/i.test(text);
}

/** Where the first mismatch is, by field path only: values may be secrets. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'its shape was not the expected one';
  const path = issue.path.length === 0 ? 'the body' : `field "${issue.path.map(String).join('.')}"`;
  return `${path} was not as expected (${issue.code})`;
}

export function createHttpResponse(
  status: number,
  headers: Record<string, string>,
  text: string,
  ctx: FailureContext,
): HttpResponse {
  return {
    status,
    headers,
    text,
    json<T>(schema: z.ZodType<T>): T {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        const what = looksLikeHtml(text) ? 'a web page instead of data' : 'data that is not JSON';
        throw httpError(
          'BAD_RESPONSE',
          `${ctx.service} sent ${what} (HTTP ${status}). Check that the account's address points at the service's API.`,
          ctx,
        );
      }
      const result = schema.safeParse(parsed);
      if (!result.success) {
        throw httpError(
          'BAD_RESPONSE',
          `${ctx.service} sent a response TokenDesk does not understand: ${describeIssue(result.error)}. The service's API may have changed; check for a TokenDesk update.`,
          ctx,
        );
      }
      return result.data;
    },
  };
}
