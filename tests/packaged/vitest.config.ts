import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The smoke test of a packaged installer (VERHUIS_APPIMAGE=…); run by `npm run verify:electron`
// after `npm run dist`, never by `npm test` (there is no installer to test there).
export default defineConfig({
  root: path.resolve(__dirname, '../..'),
  test: {
    include: ['tests/packaged/**/*.packaged.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
