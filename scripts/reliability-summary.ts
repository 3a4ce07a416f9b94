// Prints one line per guarantee from the result files the reliability tests wrote, and exits
// non-zero when any guarantee has a violation or did not report at all.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GuaranteeResult } from '../test/reliability/support/results';

/** Every guarantee that must report; a missing one means its tests did not run to the end. */
const EXPECTED = [
  'electronegativity',
  'ipc-fuzz',
  'leak-scan',
  'hostile-services',
  'local-faults',
  'browser-target',
  'fault-matrix',
];

/** The crash harness's closing line (test/crash/rotation-crash.test.ts). */
const CRASH_LINE = /kill points tried: (\d+), invariant violations: (\d+)/g;

function line(result: GuaranteeResult): string {
  const figures = Object.entries(result.figures).map(([name, value]) => `${name} ${value}`);
  return `${result.guarantee}: ${[...figures, `violations ${result.violations}`].join(', ')}`;
}

async function crashHarness(required: boolean): Promise<GuaranteeResult | string> {
  const log = process.env['TOKENDESK_CRASH_LOG'];
  if (log === undefined || log === '' || !existsSync(log)) {
    const note = 'rotation crash harness: not run by this command (npm run test:crash runs it)';
    return required ? { guarantee: note, figures: {}, violations: 1 } : note;
  }
  const totals = [...(await readFile(log, 'utf8')).matchAll(CRASH_LINE)].at(-1);
  if (totals === undefined) {
    return {
      guarantee: 'rotation crash harness: no totals in its log',
      figures: {},
      violations: 1,
    };
  }
  return {
    guarantee: 'rotation crash harness (SIGKILL at every step)',
    figures: { 'kill points tried': Number(totals[1]) },
    violations: Number(totals[2]),
  };
}

async function main(): Promise<void> {
  const dir = process.env['TOKENDESK_RELIABILITY_DIR'];
  if (dir === undefined || dir === '') throw new Error('TOKENDESK_RELIABILITY_DIR is not set');
  const ci = process.env['TOKENDESK_RELIABILITY_CI'] === '1';
  const files = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.json')) : [];
  const results = new Map<string, GuaranteeResult>();
  for (const file of files.sort()) {
    results.set(
      file.replace(/\.json$/, ''),
      JSON.parse(await readFile(join(dir, file), 'utf8')) as GuaranteeResult,
    );
  }
  const expected = ci ? [...EXPECTED, 'e2e-leak-scan'] : EXPECTED;
  for (const name of expected) {
    if (!results.has(name)) {
      results.set(name, { guarantee: `${name}: did not report`, figures: {}, violations: 1 });
    }
  }
  const crash = await crashHarness(ci);

  console.log('\nTokenDesk reliability summary');
  let violations = 0;
  for (const result of results.values()) {
    violations += result.violations;
    console.log(`  ${line(result)}`);
  }
  if (typeof crash === 'string') console.log(`  ${crash}`);
  else {
    violations += crash.violations;
    console.log(`  ${line(crash)}`);
  }
  console.log(`  total violations: ${violations}`);
  process.exitCode = violations === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
