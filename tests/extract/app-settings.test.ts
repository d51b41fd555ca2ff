import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createEngine } from '../../electron/engine/core/dispatch';
import { buildHandlers } from '../../electron/engine/handlers';
import { makeTestEngine, RESOURCES_DIR, type TestEngine } from '../support/test-engine';

let te: TestEngine;
afterEach(() => te.dispose());

test('language defaults to Dutch, is saved, and survives a restart of the engine', async () => {
  te = makeTestEngine();
  expect(await te.value('app.settings', {})).toEqual({ language: 'nl', recentFiles: [] });
  expect(await te.value('app.setLanguage', { language: 'en' })).toEqual({ language: 'en' });
  const restarted = createEngine({ resourcesDir: RESOURCES_DIR, dataDir: te.dataDir, appVersion: 't' }, buildHandlers);
  const r = await restarted.dispatch('app.settings', {});
  expect(r.ok && r.value).toEqual({ language: 'en', recentFiles: [] });
  // Written atomically: only the settings file, no temp file left behind.
  expect(readdirSync(te.dataDir).filter((f) => f.startsWith('app-settings'))).toEqual(['app-settings.json']);
  expect(JSON.parse(readFileSync(path.join(te.dataDir, 'app-settings.json'), 'utf8'))).toEqual({ language: 'en', recentFiles: [] });
});

test('a damaged settings file falls back to the defaults and is repaired on the next change', async () => {
  te = makeTestEngine();
  writeFileSync(path.join(te.dataDir, 'app-settings.json'), '{"language": "fr", "recentFiles": 3');
  expect(await te.value('app.settings', {})).toEqual({ language: 'nl', recentFiles: [] });
  writeFileSync(path.join(te.dataDir, 'app-settings.json'), JSON.stringify({ language: 'fr', recentFiles: ['/a.db', 7] }));
  expect(await te.value('app.settings', {})).toEqual({ language: 'nl', recentFiles: [] });
  await te.value('app.setLanguage', { language: 'en' });
  expect((await te.value('app.settings', {})).language).toBe('en');
});
