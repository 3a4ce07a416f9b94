import { z } from 'zod';
import type { PublishTarget } from '../../../../shared/model';
import type { HttpClient } from '../../http/http-client.types';
import { parseDotenv } from '../../import/dotenv-parser';
import { githubRequest, githubUrl } from '../../providers/github/github-http';
import type { TargetCredentials } from '../target-credentials';
import { secretsPath } from '../targets/github-actions.target';
import { variableUrl } from '../targets/gitlab-variable.target';
import { readIniValue } from '../targets/ini-profile-edit';
import { expandHome, readUserText } from '../targets/user-file';

/**
 * What a target holds now. A value is read back where the target allows it (GitLab variables,
 * local files); a GitHub secret cannot be read, only when it was last written. `null`: the
 * target has no such variable, entry or secret. Values stay in main: they are compared, never
 * returned past the drift check.
 */
export type TargetReading =
  { kind: 'value'; value: string | null } | { kind: 'updated-at'; at: string | null };

export interface ReadbackDeps {
  http: HttpClient;
  credentials: TargetCredentials;
  home: string;
}

const VariableSchema = z.object({ value: z.string() });
const SecretMetadataSchema = z.object({ updated_at: z.string() });

export async function readTarget(
  target: PublishTarget,
  deps: ReadbackDeps,
  known: string[],
): Promise<TargetReading> {
  switch (target.kind) {
    case 'gitlab-variable': {
      const credential = await deps.credentials.read(target.credential, 'gitlab');
      known.push(credential);
      const response = await deps.http.request({
        method: 'GET',
        url: variableUrl(target),
        service: 'GitLab',
        headers: { 'private-token': credential },
        secrets: [...known],
        retry: 'idempotent',
        acceptStatus: [404],
      });
      return {
        kind: 'value',
        value: response.status === 404 ? null : response.json(VariableSchema).value,
      };
    }
    case 'github-actions': {
      const credential = await deps.credentials.read(target.credential, 'github');
      known.push(credential);
      const response = await githubRequest(
        deps.http,
        credential,
        {
          method: 'GET',
          url: githubUrl(target.apiBaseUrl, ...secretsPath(target), target.secretName),
          retry: 'idempotent',
          acceptStatus: [404],
        },
        [...known],
      );
      return {
        kind: 'updated-at',
        at: response.status === 404 ? null : response.json(SecretMetadataSchema).updated_at,
      };
    }
    case 'dotenv': {
      const text = await readUserText(expandHome(target.path, deps.home));
      return {
        kind: 'value',
        value: text === null ? null : (parseDotenv(text).get(target.key) ?? null),
      };
    }
    case 'podstack-profile': {
      const text = await readUserText(expandHome(target.path, deps.home));
      return {
        kind: 'value',
        value: text === null ? null : readIniValue(text, target.profile, 'api_token'),
      };
    }
  }
}
