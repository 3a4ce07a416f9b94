import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One guarantee's outcome, as `npm run test:reliability` prints it. */
export interface GuaranteeResult {
  guarantee: string;
  /** What was tried, counted: payloads, canaries, faults, … */
  figures: Record<string, number>;
  violations: number;
}

/**
 * Writes the result where the summary collects it (TOKENDESK_RELIABILITY_DIR). Outside
 * `npm run test:reliability` there is no such folder and the tests' own assertions are all.
 */
export async function recordGuarantee(file: string, result: GuaranteeResult): Promise<void> {
  const dir = process.env['TOKENDESK_RELIABILITY_DIR'];
  if (dir === undefined || dir === '') return;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${file}.json`), JSON.stringify(result, null, 2));
}

/** Counts figures and violations as a test file goes, and records them once at the end. */
export class Tally {
  private readonly figures: Record<string, number> = {};
  private violationCount = 0;
  readonly problems: string[] = [];

  constructor(
    private readonly file: string,
    private readonly guarantee: string,
  ) {}

  add(figure: string, count = 1): void {
    this.figures[figure] = (this.figures[figure] ?? 0) + count;
  }

  violation(problem: string): void {
    this.violationCount += 1;
    this.problems.push(problem);
  }

  get violations(): number {
    return this.violationCount;
  }

  record(): Promise<void> {
    return recordGuarantee(this.file, {
      guarantee: this.guarantee,
      figures: this.figures,
      violations: this.violationCount,
    });
  }
}
