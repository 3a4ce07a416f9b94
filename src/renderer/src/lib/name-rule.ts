/**
 * Compiles a provider's name pattern for a whole-value match. Returns null when the pattern
 * is not a valid JavaScript regex, leaving the check to the service rather than blocking
 * the user on our parsing.
 */
export function compileNameRule(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    return null;
  }
}
