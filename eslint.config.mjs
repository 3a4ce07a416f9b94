import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const electronAndKeytar = [
  {
    name: 'electron',
    message:
      'The core runs under plain Node: Electron stays in src/main/platform and src/main/index.ts.',
  },
  { name: 'keytar', message: 'Only src/main/platform talks to the keychain.' },
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
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: electronAndKeytar }],
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
          paths: electronAndKeytar,
          patterns: [
            { group: ['node:*'], message: 'The renderer is a web page: no Node modules.' },
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
