import path from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end tests: the real renderer and engine in the system Chromium (and in Electron
// where its binary exists). One browser at a time: the machine has 2 cores.
export default defineConfig({
  root: path.resolve(__dirname, '../..'),
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
