import { addAbortSignal, type Readable } from 'node:stream';

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';

  constructor(readonly limit: number) {
    super(`response body over ${limit} bytes`);
  }
}

/**
 * Reads a body as UTF-8, giving up as soon as it passes `limit` bytes: a token list is a few
 * kilobytes, so a huge body is a wrong address or a hostile server, and not worth the memory.
 * `signal` ends the read too: a server that drips a byte now and then never trips an idle timeout.
 */
export async function readBodyText(
  body: Readable & AsyncIterable<Buffer>,
  declaredLength: string | undefined,
  limit: number,
  signal: AbortSignal,
): Promise<string> {
  addAbortSignal(signal, body);
  if (declaredLength !== undefined && Number(declaredLength) > limit) {
    body.destroy();
    throw new BodyTooLargeError(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Node's own Readable types its chunks as any; the caller promises Buffers.
  const chunksOfBody: AsyncIterable<Buffer> = body;
  for await (const chunk of chunksOfBody) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
