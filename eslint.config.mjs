// Lint: typescript-eslint, plus the layer rules of the design:
// shared/ imports nothing from Node, the DOM or Electron; renderer/ imports only shared/ and
// UI packages; electron/ imports nothing from renderer/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'stream', 'stream/*', 'util', 'url', 'buffer', 'events', 'net', 'http', 'https', 'zlib', 'readline'];
const nativeAndElectron = ['electron', 'electron/*', 'better-sqlite3-multiple-ciphers', 'playwright-core', 'exceljs', 'csv-parse', 'csv-parse/*', 'highs', 'iconv-lite', '@duckdb/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'artifacts/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'off',
      'no-console': 'off',
    },
  },
  {
    // Product code (the tests' arrays are small and fixed).
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'shared/**/*.ts', 'electron/**/*.ts'],
    rules: {
      // A spread into a call puts every element on the stack: over a data-sized array
      // (~340,000 municipality cells) it throws RangeError. Use the loops in shared/arrays.
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(max|min)$/] > SpreadElement",
        message: 'Math.max/min(...x) overflows the stack on large arrays: use maxOf/maxBy from shared/arrays/extremes.',
      }, {
        selector: "CallExpression[callee.property.name=/^(push|unshift|fromCharCode|fromCodePoint|apply)$/] > SpreadElement",
        message: 'Spreading into push/unshift/fromCharCode overflows the stack on large arrays: use a for loop.',
      }, {
        selector: "CallExpression[callee.property.name='apply'][callee.object.property.name=/^(max|min|push|fromCharCode|fromCodePoint)$/]",
        message: 'apply over an array puts every element on the stack: use a loop.',
      }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: [...nodeBuiltins, ...nativeAndElectron, 'react', 'react-dom', 'react/*', 'ag-grid-*', 'plotly.js*', 'react-plotly.js*'], message: 'shared/ is pure: no Node, DOM, Electron or UI imports.' },
        { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may not import from electron/ or renderer/.' },
      ] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'require', 'Buffer', '__dirname', 'fetch', 'XMLHttpRequest'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        // '!…/shared/api/events': the builtin pattern 'events' would otherwise also match the contract's events module.
        { group: [...nodeBuiltins, ...nativeAndElectron, '!**/shared/api/events'], message: 'renderer/ has no Node: talk to the engine through window.verhuis.' },
        { group: ['**/electron/**'], message: 'renderer/ may import only shared/ and UI packages.' },
      ] }],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', 'localStorage', 'sessionStorage'],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/renderer/**', 'react', 'react-dom', 'ag-grid-*', 'plotly.js*'], message: 'electron/ may not import from renderer/.' },
      ] }],
    },
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', 'scripts/**/*.mjs', '*.config.ts', '*.config.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
