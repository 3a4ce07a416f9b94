import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import {
  _electron,
  chromium,
  type Browser,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import type { Target } from './target';

const root = join(__dirname, '..', '..');
const buildDir = resolve(root, process.env['TOKENDESK_BUILD_DIR'] ?? 'out');
const STARTUP_MS = 30_000;

/** Chromium as Debian ships it; these flags keep it from calling home on a closed network. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchedApp {
  page: Page;
  close(): Promise<void>;
}

export async function launchApp(target: Target, env: NodeJS.ProcessEnv): Promise<LaunchedApp> {
  return target === 'electron' ? launchElectron(env) : launchBrowserTarget(env);
}

async function launchElectron(env: NodeJS.ProcessEnv): Promise<LaunchedApp> {
  const app: ElectronApplication = await _electron.launch({
    args: [join(buildDir, 'main', 'index.js')],
    env: env as Record<string, string>,
    timeout: STARTUP_MS,
  });
  const page = await app.firstWindow();
  return { page, close: () => withTimeout(app.close(), 10_000) };
}

async function launchBrowserTarget(env: NodeJS.ProcessEnv): Promise<LaunchedApp> {
  const server = spawn(process.execPath, [join(buildDir, 'main', 'serve.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let browser: Browser | null = null;
  try {
    const { url } = await waitForReadyLine(server);
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: chromiumArgs,
      headless: true,
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    const opened = browser;
    return {
      page,
      close: async () => {
        await withTimeout(opened.close(), 10_000);
        await stopProcess(server);
      },
    };
  } catch (error) {
    if (browser) await browser.close();
    await stopProcess(server);
    throw error;
  }
}

/** serve.ts prints `TOKENDESK_READY {json}` once it listens: the app's own readiness signal. */
function waitForReadyLine(child: ChildProcess): Promise<{ url: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      reject(new Error(`serve.js did not get ready in ${STARTUP_MS} ms:\n${output}`));
    }, STARTUP_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((l) => l.startsWith('TOKENDESK_READY '));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve(JSON.parse(line.slice('TOKENDESK_READY '.length)) as { url: string });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.js exited with ${String(code)} before it was ready:\n${output}`));
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  try {
    await withTimeout(exited, 5_000);
  } catch {
    child.kill('SIGKILL');
    await exited;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gave up after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
