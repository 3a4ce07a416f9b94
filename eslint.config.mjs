import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { builtinModules } from 'node:module';

// The layers of src/, enforced here and proven by scripts/lint-boundaries.test.ts.
const electronAndKeytar = [
  {
    name: 'electron',
    message: 'Electron stays in src/main/platform and the desktop shell (src/main/index.ts, …).',
  },
  { name: 'keytar', message: 'Only src/main/platform talks to the keychain.' },
];
const electronSubpaths = {
  group: ['electron/*'],
  message: 'Electron stays in src/main/platform and the desktop shell (src/main/index.ts, …).',
};
const simulators = {
  group: ['**/sim', '**/sim/**'],
  message: 'The simulators are for tests and the demo: only src/demo may start them.',
};
const nodeModules = [
  { group: ['node:*'], message: 'This code runs in a web page too: no Node modules.' },
];
const nodeBuiltins = builtinModules
  .filter((name) => !name.startsWith('_'))
  .map((name) => ({ name, message: 'This code runs in a web page too: no Node modules.' }));
const outerLayers = {
  group: ['**/platform/**', '**/ipc/**', '**/web/**'],
  message: 'The core is the inner layer: platform, ipc and web call it, never the other way round.',
};
const testCode = {
  group: ['**/test-support/**', '**/test/**', '**/e2e/**', '**/*.test', '**/*-test-kit', 'vitest'],
  message: 'Test code stays out of the core the app ships.',
};
/** Where Electron and keytar may be imported: the platform layer and the desktop shell. */
const electronAllowed = [
  'src/main/index.ts',
  'src/main/window.ts',
  'src/main/quit.ts',
  'src/main/renderer-protocol.ts',
  'src/main/*.test.ts',
  'src/main/platform/**/*.ts',
  'src/main/ipc/electron-binding.ts',
  'src/main/test-support/electron-fakes.ts',
  'src/preload/index.ts',
  'src/preload/*.test.ts',
];
/** The core's own test helpers and tests: they may use test code, nothing else changes. */
const coreTests = [
  'src/main/core/**/*.test.ts',
  'src/main/core/**/test-support/**/*.ts',
  'src/main/core/**/*-test-kit.ts',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      '.build/**',
      '**/.tmp/**',
      'node_modules/**',
      '.tools/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    files: [
      'src/main/**/*.ts',
      'src/cli/**/*.ts',
      'sim/**/*.ts',
      'test/**/*.ts',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: electronAndKeytar, patterns: [electronSubpaths, simulators] },
      ],
    },
  },
  {
    files: electronAllowed,
    rules: { 'no-restricted-imports': ['error', { patterns: [simulators] }] },
  },
  {
    files: ['src/demo/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: electronAndKeytar, patterns: [electronSubpaths] },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    ignores: coreTests,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronAndKeytar,
          patterns: [electronSubpaths, simulators, outerLayers, testCode],
        },
      ],
    },
  },
  {
    files: coreTests,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: electronAndKeytar, patterns: [electronSubpaths, simulators, outerLayers] },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronAndKeytar, ...nodeBuiltins],
          patterns: [
            electronSubpaths,
            simulators,
            ...nodeModules,
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'src/shared is the contract every side imports; it imports none of them.',
            },
          ],
        },
      ],
    },
  },
  {
    // The command line runs under plain Node; it may use the keychain store of src/main/platform.
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The command line runs under plain Node, without Electron.',
            },
          ],
          patterns: [
            {
              group: ['**/platform/electron-*'],
              message: 'The command line runs under plain Node, without Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...electronAndKeytar, ...nodeBuiltins],
          patterns: [
            electronSubpaths,
            simulators,
            ...nodeModules,
            {
              group: ['**/main/**', '**/preload/*', '!**/preload/index.d'],
              message:
                'The renderer reaches main only through window.api (src/renderer/src/lib/api.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  prettier,
);
