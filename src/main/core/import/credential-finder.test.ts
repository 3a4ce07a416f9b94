import { describe, expect, it } from 'vitest';
import { parseDotenv } from './dotenv-parser';
import { findInPodstackProfiles, findInVariables } from './credential-finder';
import { parseIni } from './ini-parser';

const PODSTACK = 'podstack_ab12cd34_Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4';
const TERASWITCH = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b:kX9vQ2mN7pL4rT8sW1yZ6aB3cD5eF0gH';

describe('findInVariables', () => {
  it('pairs PODSTACK_API_TOKEN with PODSTACK_PROJECT, as the Podstack SDK does', () => {
    const found = findInVariables(
      '.env',
      parseDotenv(`PODSTACK_API_TOKEN="${PODSTACK}"\nexport PODSTACK_PROJECT=proj-training\n`),
    );
    expect(found).toEqual([
      {
        source: '.env: PODSTACK_API_TOKEN',
        provider: 'podstack',
        suggestedName: 'podstack-api-token',
        project: 'proj-training',
        secret: PODSTACK,
      },
    ]);
  });

  it('recognises a Podstack token by its form under any name, without a project', () => {
    const found = findInVariables('environment', new Map([['TRAINING_TOKEN', PODSTACK]]));
    expect(found.map((f) => [f.provider, f.suggestedName, f.project])).toEqual([
      ['podstack', 'training-token', null],
    ]);
  });

  it('reads TeraSwitch tokens under the Terraform provider’s names, with their project', () => {
    const found = findInVariables(
      'environment',
      new Map([
        ['TERASWITCH_API_KEY', TERASWITCH],
        ['TERASWITCH_PROJECT_ID', '4101'],
      ]),
    );
    expect(found.map((f) => [f.provider, f.project, f.secret])).toEqual([
      ['teraswitch', '4101', TERASWITCH],
    ]);
  });

  it('skips empty values and variables of no service', () => {
    const found = findInVariables(
      'environment',
      new Map([
        ['PODSTACK_API_TOKEN', ''],
        ['PODSTACK_PROJECT', 'proj-training'],
        ['HOME', '/home/dana'],
      ]),
    );
    expect(found).toEqual([]);
  });
});

describe('findInPodstackProfiles', () => {
  it('finds every profile with an api_token, and its project under either key', () => {
    const profiles = parseIni(
      [
        '[default]',
        `api_token = ${PODSTACK}`,
        'project = proj-training',
        '',
        '[research]',
        'api_token = podstack_zz99yy88_abcdefghijklmnop',
        'project_id = proj-research',
        '',
        '[no-token]',
        'region = eu',
        '',
        '[blank]',
        'api_token =',
      ].join('\n'),
    );
    const found = findInPodstackProfiles('~/.podstack/credentials', profiles);
    expect(found.map((f) => [f.source, f.suggestedName, f.project])).toEqual([
      ['~/.podstack/credentials [default]', 'podstack-default', 'proj-training'],
      ['~/.podstack/credentials [research]', 'podstack-research', 'proj-research'],
    ]);
    expect(found.every((f) => f.provider === 'podstack')).toBe(true);
  });
});
