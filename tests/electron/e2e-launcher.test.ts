import { describe, expect, it } from 'vitest';
import { RECORD_REQUESTS_SWITCH, USER_DATA_SWITCH, testSwitches } from '../../electron/main/test-switches';
import { electronLaunchArgs } from '../e2e/support/electron-args';
import { outsideApp } from '../e2e/support/electron-app';
import { fakeDialogs } from '../e2e/support/chromium-app';
import { electronUnavailableLine, requireElectronBinary, shellKindFrom } from '../e2e/support/shell-kind';

/** The parts of the e2e launchers that need no browser and no Electron binary. */
describe('e2e shell choice', () => {
  it('is chromium by default and electron when asked; anything else is an error', () => {
    expect(shellKindFrom({})).toBe('chromium');
    expect(shellKindFrom({ VERHUIS_E2E_SHELL: '' })).toBe('chromium');
    expect(shellKindFrom({ VERHUIS_E2E_SHELL: 'chromium' })).toBe('chromium');
    expect(shellKindFrom({ VERHUIS_E2E_SHELL: 'Electron ' })).toBe('electron');
    expect(() => shellKindFrom({ VERHUIS_E2E_SHELL: 'firefox' })).toThrow(/VERHUIS_E2E_SHELL=firefox: expected "chromium" or "electron"/);
  });

  it('without the Electron binary fails with one line that names the reason', () => {
    const missing = () => ({ reason: 'the Electron binary is not installed (node_modules/electron has no dist/)' });
    expect(() => requireElectronBinary(missing)).toThrow(electronUnavailableLine(missing().reason));
    expect(electronUnavailableLine('x')).not.toContain('\n');
    expect(requireElectronBinary(() => ({ path: '/opt/electron/electron' }))).toBe('/opt/electron/electron');
  });
});

describe('Electron launch arguments', () => {
  const base = { appDir: '/repo', dataDir: '/tmp/vv-electron-1', isRoot: false, autoOpenDemo: false };

  it('start the app folder with request recording and its own data folder, which main reads back', () => {
    const args = electronLaunchArgs(base);
    expect(args).toEqual(['/repo', RECORD_REQUESTS_SWITCH, `${USER_DATA_SWITCH}=/tmp/vv-electron-1`, '--no-auto-open']);
    // Electron puts its own executable first in process.argv.
    expect(testSwitches(['/opt/electron', ...args], false)).toEqual({ recordRequests: true, userData: '/tmp/vv-electron-1' });
    expect(testSwitches(['/opt/electron', ...args], true)).toEqual({ recordRequests: false, userData: null });
  });

  it('turn the sandbox off only as root, and pass the demo and idle options', () => {
    expect(electronLaunchArgs({ ...base, isRoot: true })[0]).toBe('--no-sandbox');
    expect(electronLaunchArgs(base)).not.toContain('--no-sandbox');
    expect(electronLaunchArgs({ ...base, autoOpenDemo: true })).not.toContain('--no-auto-open');
    expect(electronLaunchArgs({ ...base, idleMinutes: 0.05 })).toContain('--idle-minutes=0.05');
  });

  it('refuse relative folders and a meaningless idle limit', () => {
    expect(() => electronLaunchArgs({ ...base, appDir: 'repo' })).toThrow(/absolute/);
    expect(() => electronLaunchArgs({ ...base, dataDir: 'data' })).toThrow(/absolute/);
    expect(() => electronLaunchArgs({ ...base, idleMinutes: 0 })).toThrow(/positive/);
    expect(() => electronLaunchArgs({ ...base, idleMinutes: Number.NaN })).toThrow(/positive/);
  });
});

describe('requests that fail an Electron run', () => {
  it('are everything main saw outside app://verhuisverkenner, allowed or not; data: and blob: stay in the page', () => {
    const seen = outsideApp([
      { url: 'app://verhuisverkenner/index.html', method: 'GET', resourceType: 'mainFrame', allowed: true },
      { url: 'data:image/png;base64,AAAA', method: 'GET', resourceType: 'image', allowed: true },
      { url: 'blob:app://verhuisverkenner/1', method: 'GET', resourceType: 'image', allowed: true },
      { url: 'devtools://devtools/bundled/inspector.html', method: 'GET', resourceType: 'mainFrame', allowed: true },
      { url: 'app://other/x.js', method: 'GET', resourceType: 'script', allowed: false },
      { url: 'https://example.org/', method: 'POST', resourceType: 'xhr', allowed: false },
    ]);
    expect(seen).toEqual([
      { url: 'devtools://devtools/bundled/inspector.html', method: 'GET', resourceType: 'mainFrame' },
      { url: 'app://other/x.js', method: 'GET', resourceType: 'script' },
      { url: 'https://example.org/', method: 'POST', resourceType: 'xhr' },
    ]);
  });
});

describe('the Chromium shell\'s injected save dialog', () => {
  it('answers with the queued path or cancel, and without an answer says "no dialog" as the shell does', async () => {
    const fake = fakeDialogs();
    const ctx = { engine: { call: async () => ({ ok: true as const, value: null }) } };
    const ask = () => fake.dialogs['dialog.saveFile']({ title: 'Opslaan', defaultName: 'a.xlsx', filters: [] }, ctx);
    expect(await ask()).toEqual({ path: null, noDialog: true });
    fake.answerNextSave('/tmp/out/a.xlsx');
    fake.answerNextSave(null);
    expect(await ask()).toEqual({ path: '/tmp/out/a.xlsx' });
    expect(await ask()).toEqual({ path: null });
    expect(fake.calls).toHaveLength(3);
    expect(fake.calls[0]).toEqual({ title: 'Opslaan', defaultName: 'a.xlsx' });
  });
});
