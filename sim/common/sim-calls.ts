/** The latest accepted call whose presented credential is `value`. */
export function lastAcceptedUse<C extends { accepted: boolean }>(
  calls: readonly C[],
  presented: (call: C) => string | null,
  value: string,
): C | undefined {
  return calls.findLast((call) => call.accepted && presented(call) === value);
}

/** The newest item by `createdAt`; of two made in the same millisecond, the later in the list. */
export function newestCreated<T extends { createdAt: string }>(items: readonly T[]): T | undefined {
  return [...items].reverse().sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}
