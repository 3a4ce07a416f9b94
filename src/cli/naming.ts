import type { Account, AccountInventory, TokenInfo } from '../shared/model';
import { UsageError } from './cli-errors';

/** A token with the account it belongs to, as the commands address it. */
export interface NamedToken {
  account: Account;
  token: TokenInfo;
}

/** `Account label/token name`: how lists show a token and how users type it back. */
export const fullName = ({ account, token }: NamedToken): string =>
  `${account.label}/${token.name}`;

/** Every known token with its account, in the order the accounts were added. */
export function namedTokens(
  accounts: readonly Account[],
  inventories: readonly AccountInventory[],
): NamedToken[] {
  return accounts.flatMap((account) => {
    const inventory = inventories.find((entry) => entry.accountId === account.id);
    return inventory === undefined ? [] : inventory.tokens.map((token) => ({ account, token }));
  });
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The ways a user names a token, tried in order until one matches: its id; `account/name` with
 * the account's label or id (labels may hold a slash themselves, so the whole string is
 * compared); its name alone; the start of its prefix (the part the service shows) or of its id.
 */
const tokenMatchers: ReadonlyArray<(name: string, candidate: NamedToken) => boolean> = [
  (name, { token }) => token.id === name,
  (name, named) =>
    same(fullName(named), name) || same(`${named.account.id}/${named.token.name}`, name),
  (name, { token }) => same(token.name, name),
  (name, { token }) =>
    name.length >= 3 &&
    ((token.prefix !== null && token.prefix.toLowerCase().startsWith(name.toLowerCase())) ||
      token.id.startsWith(name)),
];

/** The one token `name` stands for; none or several is a usage error that lists the candidates. */
export function resolveToken(name: string, tokens: readonly NamedToken[]): NamedToken {
  for (const matches of tokenMatchers) {
    const found = tokens.filter((candidate) => matches(name, candidate));
    if (found.length === 1 && found[0] !== undefined) return found[0];
    if (found.length > 1) {
      throw new UsageError(
        `"${name}" matches ${found.length} tokens; name one of them:\n` +
          found
            .map((candidate) => `  ${fullName(candidate)}  (id ${candidate.token.id})`)
            .join('\n'),
      );
    }
  }
  throw new UsageError(
    `No token is called "${name}". Name it as \`tokendesk list\` shows it (account/name), by ` +
      'its prefix or by its id.',
  );
}

/** An account by its label (any case) or its id; a unique start of either is enough. */
export function resolveAccount(name: string, accounts: readonly Account[]): Account {
  const exact = accounts.filter((a) => a.id === name || same(a.label, name));
  const found =
    exact.length > 0
      ? exact
      : accounts.filter(
          (a) => a.id.startsWith(name) || a.label.toLowerCase().startsWith(name.toLowerCase()),
        );
  if (found.length === 1 && found[0] !== undefined) return found[0];
  if (found.length > 1) {
    throw new UsageError(
      `"${name}" matches ${found.length} accounts; name one of them:\n` +
        found.map((a) => `  ${a.label}  (id ${a.id})`).join('\n'),
    );
  }
  throw new UsageError(
    `No account is called "${name}". Accounts: ${accounts.map((a) => a.label).join(', ') || 'none yet (add one in the app)'}.`,
  );
}
