export interface JsonAnswer {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when the answer had none (e.g. 204). */
  body: unknown;
}

/** One request as an API client sends it to a simulator: a JSON body when given, the answer parsed. */
export async function fetchJson(
  url: string,
  method: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
}
