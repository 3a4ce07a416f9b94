import { describe, expect, it } from 'vitest';
import {
  account,
  guidedAccount,
  guidedProvider,
  importCandidate,
  provider,
} from '../test/fixtures';
import { importBatches, importTargets, initialRows, noTargetHint, rowProblem } from './import-plan';

const podA = guidedAccount({ id: 'pod-a' });
const podB = guidedAccount({ id: 'pod-b' });
const podApi = guidedAccount({ id: 'pod-api', mode: 'api' });
const kestra = account();

describe('import plan', () => {
  it('offers only guided accounts of the credential’s service', () => {
    expect(importTargets([kestra, podApi, podA, podB], importCandidate()).map((a) => a.id)).toEqual(
      ['pod-a', 'pod-b'],
    );
  });

  it('preselects new credentials that have an account, and leaves tracked ones unchecked', () => {
    const rows = initialRows(
      [
        importCandidate({ id: 'new' }),
        importCandidate({ id: 'known', alreadyTracked: true }),
        importCandidate({ id: 'other', provider: 'teraswitch' }),
      ],
      [kestra, podA],
    );
    expect(rows.map((r) => [r.candidate.id, r.selected, r.accountId])).toEqual([
      ['new', true, 'pod-a'],
      ['known', false, 'pod-a'],
      ['other', false, ''],
    ]);
  });

  it('says what a selected row still needs', () => {
    const [row] = initialRows([importCandidate()], [podA]);
    if (row === undefined) throw new Error('row expected');
    expect(rowProblem(row, [])).toBeNull();
    expect(rowProblem({ ...row, name: ' ' }, [])).toBe('Give the token a name.');
    expect(rowProblem(row, ['Owner'])).toBe('Choose a role.');
    expect(rowProblem({ ...row, accountId: '' }, [])).toBe('Choose an account.');
  });

  it('groups the selected rows by account, with trimmed names and roles only when chosen', () => {
    const rows = initialRows(
      [
        importCandidate({ id: '1', suggestedName: ' one ' }),
        importCandidate({ id: '2', suggestedName: 'two' }),
        importCandidate({ id: '3', suggestedName: 'three' }),
      ],
      [podA, podB],
    ).map((row) =>
      row.candidate.id === '2'
        ? { ...row, accountId: 'pod-b', role: 'Owner' }
        : row.candidate.id === '3'
          ? { ...row, selected: false }
          : row,
    );
    expect(importBatches(rows)).toEqual([
      { accountId: 'pod-a', items: [{ candidateId: '1', name: 'one' }] },
      { accountId: 'pod-b', items: [{ candidateId: '2', name: 'two', role: 'Owner' }] },
    ]);
  });
});

describe('noTargetHint', () => {
  it('asks for a guided account, or explains that the service lists its own tokens', () => {
    expect(noTargetHint(guidedProvider(), 'Podstack')).toBe('Add a guided Podstack account first.');
    expect(noTargetHint(provider(), 'Kestra Enterprise')).toBe(
      'Not tracked by hand: add a Kestra Enterprise account to list its tokens.',
    );
  });
});
