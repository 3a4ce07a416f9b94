import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules live in eslint.config.mjs; this proves they bite. Each case lints a line as
 * if it were written in an existing file of that layer.
 */
const eslint = new ESLint({ cwd: process.cwd() });
/** The first lint builds the type-aware program for the whole project: slow on a busy machine. */
const LINT_TIMEOUT_MS = 120_000;

async function restrictedImportMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layer boundaries enforced by lint', () => {
  it.each([
    ['src/main/core/clock.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/main/core/clock.ts', "import keytar from 'keytar';\nexport const k = keytar;\n"],
    [
      'src/renderer/src/lib/api.ts',
      "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
    ],
    [
      'src/renderer/src/lib/api.ts',
      "import { readFile } from 'node:fs';\nexport const r = readFile;\n",
    ],
    [
      'src/renderer/src/lib/api.ts',
      "import { createCore } from '../../../main/core/app-core';\nexport const c = createCore;\n",
    ],
  ])(
    'refuses the import in %s: %s',
    async (filePath, code) => {
      expect(await restrictedImportMessages(filePath, code)).toHaveLength(1);
    },
    LINT_TIMEOUT_MS,
  );

  it(
    'allows the platform layer to use Electron',
    async () => {
      const code = "import { clipboard } from 'electron';\nexport const c = clipboard;\n";
      expect(
        await restrictedImportMessages('src/main/platform/electron-clipboard.ts', code),
      ).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );
});
