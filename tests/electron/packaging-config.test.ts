import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder (its config loader), so the test reads the file the same way.
const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };
const REPO = path.resolve(__dirname, '../..');
type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  linux: { target: (string | { target: string })[] };
  win: { target: (string | { target: string })[] };
  nsis: Record<string, unknown>;
  extraResources: { from: string; to: string }[];
  files: string[];
};
const config = yaml.load(readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8')) as Config;
const targets = (list: (string | { target: string })[]) => list.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('flips the Electron fuses for a locked-down build', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb for Linux, per-machine NSIS and portable for Windows', () => {
    expect(targets(config.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(targets(config.win.target).sort()).toEqual(['nsis', 'portable']);
    expect(config.nsis.perMachine).toBe(true);
  });

  it('packs the app in an asar with the native module unpacked and rebuilt for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('ships the bundles, package.json and resources/ beside the asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/**']));
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources', to: 'resources' }));
  });

  it('has no publish or auto-update configuration anywhere', () => {
    expect(config.publish ?? null).toBeNull();
    const text = JSON.stringify(config);
    for (const key of ['"publish":{', '"publish":[', 'electronUpdaterCompatibility', 'generic', 'github', 's3']) {
      expect(text).not.toContain(key);
    }
    expect(JSON.stringify(config.nsis)).not.toContain('publish');
  });
});
