import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { Clock } from '../../clock';
import type { HttpClient, HttpResponse } from '../../http/http-client.types';
import { githubRequest, githubUrl, type GithubCall } from '../../providers/github/github-http';
import { sealToPublicKey } from './sealed-box';

export interface GithubActionsTarget {
  repository: string;
  environment: string | null;
  secretName: string;
  apiBaseUrl: string;
}

export interface GithubPublish {
  target: GithubActionsTarget;
  secret: string;
  /** The GitHub token that authorizes the write (from the keychain). */
  credential: string;
  http: HttpClient;
  clock: Clock;
}

const PublicKeySchema = z.object({ key_id: z.string().min(1), key: z.string().min(1) });
const SecretMetadataSchema = z.object({ name: z.string(), updated_at: z.string() });

/**
 * Repository or environment secret: fetch the public key, seal the secret to it, PUT it, then
 * read the secret's metadata back. GitHub never returns a secret's value, so the proof of the
 * write is `updated_at`: it must have moved since before the PUT (or, when GitHub's one-second
 * resolution hides a quick second write, be no earlier than the second the publish started).
 */
export async function publishToGithubActions(input: GithubPublish): Promise<void> {
  const { target, secret } = input;
  const call = async (request: GithubCall): Promise<HttpResponse> => {
    try {
      return await githubRequest(input.http, input.credential, request, [secret]);
    } catch (error) {
      throw explain(error, target);
    }
  };
  const secretsUrl = (...rest: string[]): string =>
    githubUrl(target.apiBaseUrl, ...secretsPath(target), ...rest);

  const keyResponse = await call({
    method: 'GET',
    url: secretsUrl('public-key'),
    retry: 'idempotent',
    acceptStatus: [404],
  });
  if (keyResponse.status === 404) throw await whatIsMissing(target, call);
  const publicKey = keyResponse.json(PublicKeySchema);

  const readMetadata = async (): Promise<string | null> => {
    const response = await call({
      method: 'GET',
      url: secretsUrl(target.secretName),
      retry: 'idempotent',
      acceptStatus: [404],
    });
    return response.status === 404 ? null : response.json(SecretMetadataSchema).updated_at;
  };
  const before = await readMetadata();
  const startedAt = input.clock.now();

  const encrypted = await sealToPublicKey(secret, publicKey.key);
  // Setting a secret to a value is idempotent: sending the PUT again after a lost answer is safe.
  await call({
    method: 'PUT',
    url: secretsUrl(target.secretName),
    json: { encrypted_value: encrypted, key_id: publicKey.key_id },
    retry: 'idempotent',
  });

  const after = await readMetadata();
  if (after === null || !moved(before, after, startedAt)) {
    throw new AppError(
      'BAD_RESPONSE',
      `GitHub accepted ${describeGithubTarget(target)}, but reading it back did not show the update. Publish again to be sure.`,
    );
  }
}

export function describeGithubTarget(target: GithubActionsTarget): string {
  const where =
    target.environment === null
      ? target.repository
      : `${target.repository} (environment ${target.environment})`;
  return `the Actions secret ${target.secretName} of ${where}`;
}

export function secretsPath(target: GithubActionsTarget): string[] {
  const [owner = '', repo = ''] = target.repository.split('/');
  return target.environment === null
    ? ['repos', owner, repo, 'actions', 'secrets']
    : ['repos', owner, repo, 'environments', target.environment, 'secrets'];
}

function moved(before: string | null, after: string, startedAt: Date): boolean {
  if (before === null || after !== before) return true;
  const wholeSecond = Math.floor(startedAt.getTime() / 1000) * 1000;
  return Date.parse(after) >= wholeSecond;
}

/** GitHub answers 404 both for a missing repository and a missing environment: ask which. */
async function whatIsMissing(
  target: GithubActionsTarget,
  call: (request: GithubCall) => Promise<HttpResponse>,
): Promise<AppError> {
  if (target.environment !== null) {
    const [owner = '', repo = ''] = target.repository.split('/');
    const repository = await call({
      method: 'GET',
      url: githubUrl(target.apiBaseUrl, 'repos', owner, repo),
      retry: 'idempotent',
      acceptStatus: [404],
    });
    if (repository.status !== 404) {
      return new AppError(
        'NOT_FOUND',
        `The repository ${target.repository} has no environment "${target.environment}". Create it in the repository's settings (Environments), or correct the target.`,
      );
    }
  }
  return new AppError(
    'NOT_FOUND',
    `GitHub has no repository ${target.repository} that the target's token can see. Check the name, or give the token access to the repository.`,
  );
}

function explain(error: unknown, target: GithubActionsTarget): unknown {
  if (!(error instanceof AppError)) return error;
  if (error.code === 'AUTH_FAILED') {
    return new AppError(
      'AUTH_FAILED',
      'GitHub refused the token this target uses to publish (HTTP 401): it is wrong, expired or revoked. Track a working GitHub token and use it for this target.',
    );
  }
  if (error.code === 'FORBIDDEN') {
    return new AppError(
      'FORBIDDEN',
      `The GitHub token this target uses may not manage Actions secrets of ${target.repository} (HTTP 403). A classic token needs the "repo" scope; a fine-grained token needs "Secrets: Read and write" on this repository.`,
    );
  }
  return error;
}
