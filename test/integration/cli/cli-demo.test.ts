import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServices, type DemoServices } from '../../../sim/demo/demo-services';
import type { KestraTokenView } from '../../../sim/kestra/kestra.types';
import { leaksInDir } from '../../../e2e/support/secret-scan';
import { CliRunner, type CliResult } from './support/cli-runner';
import { removeDataDir, seedDataDir, type CliWorld } from './support/cli-world';

const KESTRA = 'Kestra (demo)';
const RESEARCH = 'Podstack research (demo)';
const BODHI = 'Bodhi server (demo)';

/**
 * The built `tokendesk` against the demo data set: the demo's Kestra account (an expired token,
 * one expiring within a week, an idle one), its Podstack research account (guided, five tracked
 * tokens) and its Bodhi server (a "notebook" token, as Podstack has a "Notebook").
 */
// Every step spawns the built CLI (a Node start, keytar, the keychain): slow on a busy machine.
describe('tokendesk on the demo data set', { timeout: 120_000 }, () => {
  let services: DemoServices;
  let stack: CliWorld;
  let cli: CliRunner;
  let kestraUrl: string;
  /** Runs that print a secret on purpose (--show-secret --force) and are left out of the scan. */
  const intendedReveals: CliResult[] = [];

  beforeAll(async () => {
    services = await startDemoServices();
    const chosen = services.accounts.filter((a) => [KESTRA, RESEARCH, BODHI].includes(a.label));
    stack = await seedDataDir(chosen);
    cli = new CliRunner(stack.dataDir);
    kestraUrl = chosen.find((a) => a.label === KESTRA)?.baseUrl ?? '';
  }, 60_000);

  afterAll(async () => {
    const secrets = [
      ...(await kestraTokens()).map((t) => t.secret),
      ...services.accounts.flatMap((a) => (a.tracked ?? []).map((t) => t.secret)),
      ...services.accounts.flatMap((a) => (a.credential === undefined ? [] : [a.credential])),
    ];
    // The canary scan: no run printed a secret it was not asked for, and no file holds one.
    const printed = cli.leaks(secrets, intendedReveals);
    // The scan sees a printed secret: each intended reveal counts once when not left out.
    const revealed = cli.leaks(secrets).length;
    const written = await leaksInDir(stack.dataDir, secrets);
    await removeDataDir(stack);
    await services.close();
    expect(printed).toEqual([]);
    expect(revealed).toBe(intendedReveals.length);
    expect(intendedReveals).toHaveLength(2);
    expect(written).toEqual([]);
  });

  async function kestraTokens(): Promise<KestraTokenView[]> {
    const response = await fetch(`${kestraUrl}/__sim/state`);
    const body = (await response.json()) as { service: { tokens: KestraTokenView[] } };
    return body.service.tokens;
  }

  it('check fails on the expired token until it is rotated, and says why and how to fix it', async () => {
    const before = await cli.run(['check', '--fail-on', 'urgent']);
    expect(before.code).toBe(3);
    expect(before.stdout).toContain(`URGENT  ${KESTRA}/old-migration`);
    expect(before.stdout).toMatch(/Expired on /);
    expect(before.stdout).toContain(`fix: tokendesk rotate '${KESTRA}/old-migration'`);

    expect((await cli.run(['check'])).code).toBe(0);
    const json = await cli.run(['check', '--fail-on', 'urgent', '--json']);
    expect(json.code).toBe(3);
    const report = JSON.parse(json.stdout) as {
      failed: boolean;
      items: Array<{ tokenName: string; urgency: string }>;
    };
    expect(report.failed).toBe(true);
    expect(report.items).toContainEqual(
      expect.objectContaining({ tokenName: 'old-migration', urgency: 'critical' }),
    );

    // Bodhi's "notebook" and Podstack's "Notebook": the bare name is ambiguous.
    const ambiguous = await cli.run(['rotate', 'notebook', '--yes']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(`${BODHI}/notebook`);
    expect(ambiguous.stderr).toContain(`${RESEARCH}/Notebook`);
    const unknown = await cli.run(['rotate', 'no-such-token', '--yes']);
    expect(unknown.code).toBe(2);

    const oldToken = (await kestraTokens()).find((t) => t.name === 'old-migration');
    const rotated = await cli.run(['rotate', `${KESTRA}/old-migration`, '--yes']);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toBe('');
    for (const step of ['create done', 'verify done', 'promote done', 'revoke done']) {
      expect(rotated.stderr).toContain(`Rotating ${KESTRA}/old-migration: ${step}`);
    }
    const after = await kestraTokens();
    expect(after.find((t) => t.id === oldToken?.id)).toMatchObject({ revoked: true });
    expect(after.filter((t) => t.name.startsWith('old-migration-r') && !t.revoked)).toHaveLength(1);

    const clean = await cli.run(['check', '--fail-on', 'urgent']);
    expect(clean.code, clean.stdout).toBe(0);
    // Warnings are still there (ci-deploy expires within a week): a stricter job still fails.
    const strict = await cli.run(['check', '--fail-on', 'warning']);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toContain(`WARNING ${KESTRA}/ci-deploy`);
  });

  it('lists the last known inventory with filters, as a table, JSON and CSV', async () => {
    const table = await cli.run(['list']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^TOKEN\s+SERVICE\s+PROJECT\s+PREFIX\s+STATUS/);
    expect(table.stdout).toContain(`${RESEARCH}/Grafana export`);
    expect(table.stderr).toMatch(new RegExp(`${escape(KESTRA)}: as of \\d{4}-`));

    const expiring = await cli.run([
      'list',
      '--service',
      'kestra',
      '--expiring-within',
      '14d',
      '--json',
    ]);
    const names = (JSON.parse(expiring.stdout) as Array<{ token: string }>).map((r) => r.token);
    expect(names).toContain('ci-deploy');
    expect(names).not.toContain('grafana-export');
    expect(names).not.toContain('Notebook');

    const idle = await cli.run(['list', '--idle-over', '90d', '--csv']);
    const lines = idle.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^account,account_id,service,project,token,id,prefix,status/);
    expect(lines.some((line) => line.includes(',local-dev,'))).toBe(true);
    expect(lines.some((line) => line.includes(',ci-deploy,'))).toBe(false);

    const research = await cli.run(['list', '--account', RESEARCH, '--json']);
    expect(JSON.parse(research.stdout)).toHaveLength(5);

    const unknown = await cli.run(['list', '--service', 'nosuch']);
    expect(unknown.code).toBe(2);

    const refreshed = await cli.run(['list', '--refresh', '--account', KESTRA, '--json']);
    expect(refreshed.code, refreshed.stderr).toBe(0);
    const rows = JSON.parse(refreshed.stdout) as Array<{ asOf: string; stale: boolean }>;
    expect(rows.every((row) => Date.now() - Date.parse(row.asOf) < 60_000 && !row.stale)).toBe(
      true,
    );
  });

  it('exports the inventory as JSON and CSV, without a secret', async () => {
    const json = await cli.run(['export', '--format', 'json']);
    expect(json.code).toBe(0);
    const exported = JSON.parse(json.stdout) as {
      accounts: Array<{ label: string }>;
      tokens: Array<{ account: string }>;
    };
    expect(exported.accounts.map((a) => a.label).sort()).toEqual([BODHI, KESTRA, RESEARCH].sort());
    expect(exported.tokens.filter((t) => t.account === RESEARCH)).toHaveLength(5);

    const csv = await cli.run(['export', '--format', 'csv']);
    expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(exported.tokens.length + 1);
  });

  it('creates and revokes tokens, printing a secret only when asked and where allowed', async () => {
    const created = await cli.run(['create', KESTRA, '--name', 'cli-made', '--expires', '30d']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toBe('');
    expect(created.stderr).toContain(`Created ${KESTRA}/cli-made`);
    const made = (await kestraTokens()).find((t) => t.name === 'cli-made');
    expect(made).toMatchObject({ revoked: false, maxAge: 'P30D' });

    // stdout is a pipe here: --show-secret alone is refused before anything is created.
    const refused = await cli.run([
      'create',
      KESTRA,
      '--name',
      'cli-piped',
      '--expires',
      '30d',
      '--show-secret',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect((await kestraTokens()).some((t) => t.name === 'cli-piped')).toBe(false);

    const shown = await cli.run([
      'create',
      KESTRA,
      '--name',
      'cli-shown',
      '--expires',
      '7d',
      '--show-secret',
      '--force',
    ]);
    intendedReveals.push(shown);
    expect(shown.code, shown.stderr).toBe(0);
    const secret = (await kestraTokens()).find((t) => t.name === 'cli-shown')?.secret;
    expect(shown.stdout).toBe(`${secret}\n`);

    expect((await cli.run(['copy', `${KESTRA}/cli-made`])).stderr).toContain('UNSUPPORTED:');

    // A rotation's new secret: the same rule, and shown once.
    const pipedRotate = await cli.run([
      'rotate',
      `${KESTRA}/grafana-export`,
      '--yes',
      '--show-secret',
    ]);
    expect(pipedRotate.code).toBe(2);
    expect((await kestraTokens()).some((t) => t.name.startsWith('grafana-export-r'))).toBe(false);
    const rotated = await cli.run([
      'rotate',
      `${KESTRA}/grafana-export`,
      '--yes',
      '--show-secret',
      '--force',
    ]);
    intendedReveals.push(rotated);
    expect(rotated.code, rotated.stderr).toBe(0);
    const replacement = (await kestraTokens()).find((t) => t.name.startsWith('grafana-export-r'));
    expect(rotated.stdout).toBe(`${replacement?.secret}\n`);

    const unconfirmed = await cli.run(['revoke', `${KESTRA}/cli-made`]);
    expect(unconfirmed.code).toBe(2);
    expect((await kestraTokens()).find((t) => t.name === 'cli-made')).toMatchObject({
      revoked: false,
    });
    const revoked = await cli.run(['revoke', `${KESTRA}/cli-made`, '--yes']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await kestraTokens()).find((t) => t.name === 'cli-made')).toMatchObject({
      revoked: true,
    });
    const listed = await cli.run(['list', '--account', KESTRA, '--json']);
    expect(
      (JSON.parse(listed.stdout) as Array<{ token: string }>).map((r) => r.token),
    ).not.toContain('cli-made');

    // A guided service's tokens are revoked in its dashboard: the core's own refusal and code.
    const guided = await cli.run(['revoke', `${RESEARCH}/Notebook`, '--yes']);
    expect(guided.code).toBe(1);
    expect(guided.stderr).toMatch(/^UNSUPPORTED: /);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
