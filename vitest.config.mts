import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'sim/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['src/renderer/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['src/renderer/src/test/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          // test/crash: the rotation crash harness (child processes, real keychain, simulators).
          include: ['test/integration/**/*.test.ts', 'test/crash/**/*.test.ts'],
          environment: 'node',
          // Tests share one keychain daemon and the simulators; keep them in one worker.
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
