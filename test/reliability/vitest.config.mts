import { defineConfig } from 'vitest/config';

/**
 * The reliability suite (`npm run test:reliability`): run once from its own script, which starts
 * the private keychain and prints the summary, so the integration project does not run it again.
 */
export default defineConfig({
  test: {
    name: 'reliability',
    root: `${import.meta.dirname}/../..`,
    include: ['test/reliability/**/*.test.ts'],
    environment: 'node',
    // One keychain daemon and loopback servers shared by the files: one file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
