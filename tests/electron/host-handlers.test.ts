import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { errorMessage } from '../../shared/api/errors';
import { fail, ok, type Result } from '../../shared/api/result';
import { createHostHandlers, noDialogHostHandlers, noDialogs } from '../../electron/host/host-handlers';
import { createRelay } from '../../electron/ipc/relay';
import { electronHostHandlers } from '../../electron/main/host-dialogs';
import { shellClipboard } from '../../electron/chromium-shell/shell-clipboard';
import { fakeEngine } from './fakes';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'vv-host-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const COHORT = { status: ['REFUGEE'] };
const DEFINITION = { kind: 'state', level: 'arrondissement' };
const SHA = 'b'.repeat(64);
const COUNTS = { primary: 3, class: 1, secondary: 4, rounded: 0, linked: 0 };
const TSV = 'Van\tAntwerpen\tTotaal\r\nAntwerpen\t[c]\t12\r\n';

/** An engine that releases the protected TSV for export.clipboard and a written recipe for cohort.writeRecipeFile. */
function releasingEngine(overrides: Record<string, Result<unknown>> = {}) {
  return fakeEngine((method) => {
    if (overrides[method]) return overrides[method]!;
    if (method === 'export.clipboard') return ok({ fileName: null, sha256: SHA, auditSeq: 7, counts: COUNTS, text: TSV });
    if (method === 'cohort.writeRecipeFile') return ok({ fileName: 'syriers-2016.json', auditSeq: 8 });
    return ok({});
  }).engine;
}

describe('host methods that release through the engine', () => {
  it('copies the engine\'s protected text to the clipboard and gives the renderer only hash and counts', async () => {
    const engine = releasingEngine();
    const writeText = vi.fn();
    const relay = createRelay({ engine, host: electronHostHandlers({ showOpenDialog: vi.fn(), showSaveDialog: vi.fn() }, () => null, { writeText }) });
    const r = await relay('clipboard.copyMatrix', { cohort: COHORT, definition: DEFINITION, language: 'fr' }, true);
    expect(r).toEqual({ ok: true, value: { sha256: SHA, auditSeq: 7, counts: { ...COUNTS, perturbed: 0 } } });
    expect(JSON.stringify(r)).not.toContain('[c]');
    expect(writeText).toHaveBeenCalledExactlyOnceWith(TSV);
    // The engine got the validated request (schema defaults filled), through its release path.
    expect(engine.call).toHaveBeenCalledWith('export.clipboard', expect.objectContaining({ language: 'fr', definition: expect.objectContaining({ vintage: '2019' }) }));
  });

  it('copies a cross-tab the same way, through export.crosstabClipboard', async () => {
    const engine = fakeEngine((method) => (method === 'export.crosstabClipboard' ? ok({ fileName: null, sha256: SHA, auditSeq: 8, counts: COUNTS, text: TSV }) : ok({}))).engine;
    const writeText = vi.fn();
    const relay = createRelay({ engine, host: electronHostHandlers({ showOpenDialog: vi.fn(), showSaveDialog: vi.fn() }, () => null, { writeText }) });
    const subject = { kind: 'crosstab', definition: { rows: { var: 'sex' }, cols: { var: 'status' } } };
    const r = await relay('clipboard.copyCrosstab', { cohort: COHORT, subject }, true);
    expect(r).toEqual({ ok: true, value: { sha256: SHA, auditSeq: 8, counts: { ...COUNTS, perturbed: 0 } } });
    expect(writeText).toHaveBeenCalledExactlyOnceWith(TSV);
    expect(engine.call).toHaveBeenCalledWith('export.crosstabClipboard', expect.objectContaining({ subject: expect.objectContaining({ kind: 'crosstab' }) }));
  });

  it('accepts no text from the renderer', async () => {
    const writeText = vi.fn();
    const relay = createRelay({ engine: releasingEngine(), host: createHostHandlers({ dialogs: noDialogs, clipboard: { writeText } }) });
    const r = await relay('clipboard.copyMatrix', { cohort: COHORT, definition: DEFINITION, text: 'anything' }, true);
    expect(r.ok ? 'ok' : r.error.code).toBe('INVALID_REQUEST');
    expect(writeText).not.toHaveBeenCalled();
  });

  it('passes on the engine\'s refusal (e.g. a differencing risk) and leaves the clipboard alone', async () => {
    const refused = fail({ code: 'DIFFERENCING_RISK', message: errorMessage('DIFFERENCING_RISK', { earlier: 3, threshold: 10 }) });
    const writeText = vi.fn();
    const relay = createRelay({ engine: releasingEngine({ 'export.clipboard': refused }), host: createHostHandlers({ dialogs: noDialogs, clipboard: { writeText } }) });
    const r = await relay('clipboard.copyMatrix', { cohort: COHORT, definition: DEFINITION }, true);
    expect(r).toEqual(refused);
    expect(writeText).not.toHaveBeenCalled();
  });

  it('without a clipboard answers NOT_SUPPORTED before anything is released; a failing clipboard gives WRITE_FAILED', async () => {
    const engine = releasingEngine();
    const none = await createRelay({ engine, host: noDialogHostHandlers })('clipboard.copyMatrix', { cohort: COHORT, definition: DEFINITION }, true);
    expect(none.ok ? 'ok' : none.error.code).toBe('NOT_SUPPORTED');
    expect(engine.call).not.toHaveBeenCalled();
    const broken = createHostHandlers({ dialogs: noDialogs, clipboard: { writeText: () => Promise.reject(new Error('no focus')) } });
    const r = await createRelay({ engine, host: broken })('clipboard.copyMatrix', { cohort: COHORT, definition: DEFINITION }, true);
    expect(r.ok ? 'ok' : r.error.code).toBe('WRITE_FAILED');
  });

  it('the shell clipboard keeps what it wrote to the page', async () => {
    const inPage = vi.fn(async () => undefined);
    const clip = shellClipboard(inPage);
    expect(clip.lastText()).toBeNull();
    await clip.writeText(TSV);
    expect(inPage).toHaveBeenCalledWith(TSV);
    expect(clip.lastText()).toBe(TSV);
  });

  it('has the engine write the recipe file (write-path rules, audit entry) and writes nothing itself', async () => {
    const engine = releasingEngine();
    const relay = createRelay({ engine, host: noDialogHostHandlers });
    const target = path.join(tmp, 'syriers-2016');
    const r = await relay('cohort.saveRecipeFile', { name: 'Syriërs 2016', path: target }, true);
    expect(r).toEqual({ ok: true, value: { fileName: 'syriers-2016.json' } });
    expect(engine.call).toHaveBeenCalledWith('cohort.writeRecipeFile', { name: 'Syriërs 2016', path: target, overwrite: false });
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('passes on the engine\'s refusal of a recipe file (a refused path, an unknown cohort)', async () => {
    for (const code of ['PATH_REFUSED', 'NO_EXTRACT_OPEN'] as const) {
      const refused = fail({ code, message: errorMessage(code, { reason: 'relative path' }) });
      const r = await createRelay({ engine: releasingEngine({ 'cohort.writeRecipeFile': refused }), host: noDialogHostHandlers })(
        'cohort.saveRecipeFile',
        { name: 'x', path: 'never.json' },
        true,
      );
      expect(r.ok ? 'ok' : r.error.code).toBe(code);
    }
  });

  it('tells the UI when the host has no dialog, so it shows a path field', async () => {
    expect(await noDialogs['dialog.saveFile']({ title: 't', defaultName: 'a.xlsx', filters: [] }, { engine: releasingEngine() })).toEqual({ path: null, noDialog: true });
  });
});
