import path from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end tests: the real renderer and engine in the system Chromium, or in Electron with
// VERHUIS_E2E_SHELL=electron (stops at once, in one line, where Electron's binary is missing).
// One browser at a time: the machine has 2 cores.
export default defineConfig({
  root: path.resolve(__dirname, '../..'),
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
