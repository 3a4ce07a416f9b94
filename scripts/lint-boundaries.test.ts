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

const use = (name: string) => `\nexport const used = ${name};\n`;

describe('layer boundaries enforced by lint', () => {
  it.each([
    // The core: no Electron, no keychain, no outer layer, no simulator, no test code.
    ['src/main/core/clock.ts', "import { app } from 'electron';" + use('app')],
    ['src/main/core/clock.ts', "import { ipcMain } from 'electron/main';" + use('ipcMain')],
    ['src/main/core/clock.ts', "import keytar from 'keytar';" + use('keytar')],
    [
      'src/main/core/clock.ts',
      "import { KeytarSecretStore } from '../platform/keytar-secret-store';" +
        use('KeytarSecretStore'),
    ],
    [
      'src/main/core/clock.ts',
      "import { createDispatcher } from '../ipc/handle';" + use('createDispatcher'),
    ],
    [
      'src/main/core/clock.ts',
      "import { startWebServer } from '../web/web-server';" + use('startWebServer'),
    ],
    [
      'src/main/core/clock.ts',
      "import { startDemoServices } from '../../../sim/demo/demo-services';" +
        use('startDemoServices'),
    ],
    [
      'src/main/core/clock.ts',
      "import { createTestCore } from './test-support/test-core';" + use('createTestCore'),
    ],
    ['src/main/core/clock.ts', "import { vi } from 'vitest';" + use('vi')],
    // Electron and keytar outside the platform layer and the shell.
    ['src/main/web/web-server.ts', "import { app } from 'electron';" + use('app')],
    ['src/main/web/web-server.ts', "import keytar from 'keytar';" + use('keytar')],
    ['src/main/ipc/handle.ts', "import { ipcMain } from 'electron';" + use('ipcMain')],
    ['src/main/serve.ts', "import { app } from 'electron';" + use('app')],
    ['src/main/compose.ts', "import keytar from 'keytar';" + use('keytar')],
    ['src/preload/web.ts', "import { ipcRenderer } from 'electron/renderer';" + use('ipcRenderer')],
    ['src/demo/demo.ts', "import keytar from 'keytar';" + use('keytar')],
    // The simulators only in the demo entry.
    [
      'src/main/serve.ts',
      "import { startDemoServices } from '../../sim/demo/demo-services';" +
        use('startDemoServices'),
    ],
    [
      'src/main/index.ts',
      "import { startDemoServices } from '../../sim/demo/demo-services';" +
        use('startDemoServices'),
    ],
    // src/shared: imported by every side, imports none of them and nothing of Node.
    ['src/shared/model.ts', "import { readFile } from 'node:fs';" + use('readFile')],
    ['src/shared/model.ts', "import { createHash } from 'crypto';" + use('createHash')],
    [
      'src/shared/model.ts',
      "import { systemClock } from '../main/core/clock';" + use('systemClock'),
    ],
    ['src/shared/model.ts', "import { app } from 'electron';" + use('app')],
    // The renderer: a web page that reaches main only through window.api.
    ['src/renderer/src/lib/api.ts', "import { ipcRenderer } from 'electron';" + use('ipcRenderer')],
    ['src/renderer/src/lib/api.ts', "import { readFile } from 'node:fs';" + use('readFile')],
    ['src/renderer/src/lib/api.ts', "import { join } from 'path';" + use('join')],
    [
      'src/renderer/src/lib/api.ts',
      "import { createCore } from '../../../main/core/app-core';" + use('createCore'),
    ],
  ])(
    'refuses the import in %s: %s',
    async (filePath, code) => {
      expect(await restrictedImportMessages(filePath, code)).toHaveLength(1);
    },
    LINT_TIMEOUT_MS,
  );

  it.each([
    [
      'src/main/platform/electron-clipboard.ts',
      "import { clipboard } from 'electron';" + use('clipboard'),
    ],
    ['src/main/platform/keytar-secret-store.ts', "import keytar from 'keytar';" + use('keytar')],
    ['src/main/window.ts', "import { BrowserWindow } from 'electron/main';" + use('BrowserWindow')],
    ['src/main/index.ts', "import { app } from 'electron';" + use('app')],
    ['src/preload/index.ts', "import { ipcRenderer } from 'electron';" + use('ipcRenderer')],
    [
      'src/demo/demo.ts',
      "import { startDemoServices } from '../../sim/demo/demo-services';" +
        use('startDemoServices'),
    ],
    [
      'src/main/core/clipboard/secret-clipboard.test.ts',
      "import { createTestCore } from '../test-support/test-core';" + use('createTestCore'),
    ],
    [
      'src/main/core/clock.ts',
      "import type { Account } from '../../shared/model';\nexport type A = Account;\n",
    ],
  ])(
    'allows the import in %s: %s',
    async (filePath, code) => {
      expect(await restrictedImportMessages(filePath, code)).toEqual([]);
    },
    LINT_TIMEOUT_MS,
  );
});
