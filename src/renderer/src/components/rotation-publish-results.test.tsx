import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PublishResult } from '../../../shared/model';
import { rotationView } from '../test/fixtures';
import { RotationPublishResults } from './rotation-publish-results';

const result = (overrides: Partial<PublishResult>): PublishResult => ({
  targetId: 'pub-1',
  target: 'octo/app · GITLAB_TOKEN',
  state: 'written-new',
  holds: 'new',
  ok: true,
  error: null,
  ...overrides,
});

describe('the targets of a rotation', () => {
  it('names each target as the user knows it and says which secret it holds', () => {
    render(
      <RotationPublishResults
        view={rotationView({
          publishResults: [
            result({}),
            result({
              targetId: 'pub-2',
              target: 'group/project · CI variable DEPLOY_TOKEN',
              state: 'refused',
              holds: 'old',
              ok: false,
              error: 'GitLab refused the token this target uses (HTTP 401).',
            }),
            result({
              targetId: 'pub-3',
              target: '~/.env · API',
              state: 'restored-old',
              holds: 'old',
            }),
          ],
        })}
      />,
    );
    const items = screen.getAllByTestId('rotation-publish-result').map((li) => li.textContent);
    expect(items).toEqual([
      '✓ octo/app · GITLAB_TOKEN: updated and read back',
      '✕ group/project · CI variable DEPLOY_TOKEN: not updated (still the old secret): GitLab refused the token this target uses (HTTP 401).',
      '✓ ~/.env · API: the old secret is back (read back)',
    ]);
    expect(screen.queryByText(/pub-/)).toBeNull();
  });
});
