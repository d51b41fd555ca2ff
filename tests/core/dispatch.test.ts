import { afterEach, describe, expect, it } from 'vitest';
import { makeTestEngine, type TestEngine } from '../support/test-engine';

describe('engine dispatch', () => {
  let t: TestEngine;
  afterEach(() => t?.dispose());

  it('answers app.info with the version and an idle engine', async () => {
    t = makeTestEngine();
    const info = await t.value('app.info', {});
    expect(info.name).toBe('Verhuisverkenner');
    expect(info.version).toBe('0.0.0-test');
    expect(info.engine).toBe('idle');
    expect(info.openExtract).toBeNull();
  });

  it('rejects an unknown method and a request that fails its schema with stable codes', async () => {
    t = makeTestEngine();
    const unknown = await t.engine.dispatch('app.shutdown', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const bad = await t.engine.dispatch('app.info', { extra: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_REQUEST');
      expect(bad.error.message.nl).toMatch(/ongeldig/);
      expect(bad.error.message.en).toMatch(/invalid/);
    }
  });

  it('never puts a request value into an error message', async () => {
    t = makeTestEngine();
    const r = await t.engine.dispatch('extract.open', { path: 'x.db', passphrase: 'SECRET-VALUE-123', cipher: { preset: 'nope' } });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toContain('SECRET-VALUE-123');
  });
});
