import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type ActivePolicy } from '../../shared/disclosure/policy';
import type { ProtectedCounts } from '../../shared/disclosure/protection';
import { COPY_GUARD_ATTR, shouldBlockCopy, type NodeLike, type RangeLike } from '../../renderer/src/components/copy-guard';
import { isAbsolutePath, rememberFolder, suggestPath, withExtension } from '../../renderer/src/features/export/save-path';
import { ficheFileName, matrixFileName } from '../../renderer/src/features/export/export-names';
import { tightenLimits, userChoices } from '../../renderer/src/features/policy/policy-limits';
import { withPublishedCounts } from '../../renderer/src/features/matrix/grid-rows';
import { EXPORT_TEXTS } from '../../renderer/src/features/export/export-i18n';

/** A fake DOM node: `inGuard` says whether it sits inside a guarded grid. */
const node = (tagName: string, inGuard: boolean, editable = false): NodeLike => ({
  tagName,
  isContentEditable: editable,
  closest: (sel: string) => (sel === `[${COPY_GUARD_ATTR}]` && inGuard ? {} : null),
});
const GRID = { grid: true };
const range = (touchesGrid: boolean, collapsed = false): RangeLike => ({ collapsed, intersectsNode: (n) => touchesGrid && n === GRID });

describe('copy guard', () => {
  it('cancels a copy of grid cells: a focused cell, or a selection that touches a grid', () => {
    expect(shouldBlockCopy(node('DIV', true), node('DIV', true), [], [GRID])).toBe(true);
    expect(shouldBlockCopy(node('BODY', false), node('BODY', false), [range(true)], [GRID])).toBe(true);
  });

  it('lets text fields copy and paste, also inside a grid (filters), and leaves other text alone', () => {
    expect(shouldBlockCopy(node('INPUT', true), node('INPUT', true), [range(true)], [GRID])).toBe(false);
    expect(shouldBlockCopy(node('TEXTAREA', false), node('TEXTAREA', false), [], [GRID])).toBe(false);
    expect(shouldBlockCopy(node('DIV', true, true), null, [], [GRID])).toBe(false);
    expect(shouldBlockCopy(node('P', false), node('BODY', false), [range(false)], [GRID])).toBe(false);
    expect(shouldBlockCopy(node('P', false), node('BODY', false), [range(true, true)], [GRID])).toBe(false);
  });
});

describe('save path when the host has no dialog', () => {
  it('suggests the name in the folder typed before, with that folder\'s separator', () => {
    expect(suggestPath('a.xlsx', null)).toBe('a.xlsx');
    expect(suggestPath('a.xlsx', '/home/an/uit')).toBe('/home/an/uit/a.xlsx');
    expect(suggestPath('a.xlsx', 'C:\\Uitvoer\\')).toBe('C:\\Uitvoer\\a.xlsx');
    rememberFolder('/srv/exports/matrix.xlsx');
    expect(suggestPath('b.csv')).toBe('/srv/exports/b.csv');
    rememberFolder('relative/x.csv'); // ignored: not a full path
    expect(suggestPath('b.csv')).toBe('/srv/exports/b.csv');
  });

  it('accepts only full paths and gives the path the chosen format\'s extension', () => {
    for (const p of ['/tmp/a.xlsx', 'C:\\x\\a.xlsx', 'D:/x/a.csv', '\\\\server\\share\\a.csv']) expect(isAbsolutePath(p), p).toBe(true);
    for (const p of ['a.xlsx', './a.xlsx', '~/a.xlsx', '']) expect(isAbsolutePath(p), p).toBe(false);
    expect(withExtension('/tmp/a', 'xlsx')).toBe('/tmp/a.xlsx');
    expect(withExtension('/tmp/a.csv', 'xlsx')).toBe('/tmp/a.xlsx');
    expect(withExtension('/tmp/a.XLSX', 'xlsx')).toBe('/tmp/a.XLSX');
  });

  it('names exports after what they hold', () => {
    const now = new Date(2025, 2, 14);
    expect(matrixFileName({ kind: 'state', level: 'arrondissement', vintage: '2019' }, 'xlsx', now)).toBe('verhuismatrix-toestand-arrondissement-2019-2025-03-14.xlsx');
    expect(ficheFileName('11002', 'Antwerpen', 'csv', now)).toBe('fiche-11002-antwerpen-2025-03-14.csv');
    expect(ficheFileName('21004', 'Bruxelles / Brussel', 'xlsx', now)).toBe('fiche-21004-bruxelles-brussel-2025-03-14.xlsx');
  });
});

const active = (admin: ActivePolicy['admin']): ActivePolicy => ({ policy: DEFAULT_POLICY, adminFile: admin ? '/etc/verhuisverkenner/policy.json' : null, admin, user: null, adminError: null });

describe('tightening the policy in the UI', () => {
  it('never offers values looser than the administrator\'s', () => {
    const limits = tightenLimits(active({ threshold: 15, roundingBase: 5, forbidCsv: true, idleLockMinutes: 10, forceRounding: true, zerosUnsafe: true }));
    expect(limits).toEqual({ minThreshold: 15, roundingBases: [5], methodLocked: true, zerosLocked: true, csvLocked: true, maxIdleMinutes: 10 });
    expect(tightenLimits(active(null))).toMatchObject({ minThreshold: 10, roundingBases: [5], methodLocked: false, csvLocked: false, maxIdleMinutes: 15 });
  });

  it('stores only stricter choices, clamping typed values to the floor', () => {
    const a = active({ threshold: 15, idleLockMinutes: 10 });
    const floor = { ...DEFAULT_POLICY, threshold: 15, idleLockMinutes: 10 };
    expect(userChoices(a, floor)).toEqual({});
    expect(userChoices(a, { ...floor, threshold: 5, idleLockMinutes: 60 })).toEqual({});
    expect(userChoices(a, { ...floor, threshold: 20, idleLockMinutes: 5, zerosUnsafe: true, allowCsv: false })).toEqual({ threshold: 20, idleLockMinutes: 5, zerosUnsafe: true, allowCsv: false });
    expect(userChoices(a, { ...floor, threshold: Number.NaN })).toEqual({});
  });
});

describe('rounded values on screen', () => {
  const table: ProtectedCounts = {
    method: 'rounding',
    threshold: 10,
    roundingBase: 5,
    rows: 1,
    cols: 2,
    cells: [10, 0],
    rowTotals: [10],
    colTotals: [10, 0],
    total: 10,
    cellStatus: 'r.',
    rowStatus: 'r',
    colStatus: 'r.',
    totalStatus: 'r',
    counts: { primary: 0, class: 0, secondary: 0, rounded: 4, linked: 0, perturbed: 0 }, linkedTo: [],
  };
  it('shows counts as the outputs publish them when the policy rounds; percentages stay as computed', () => {
    const counts = { cells: [8, 0], rowTotals: [8], colTotals: [8, 0], total: 8, percent: false };
    const shown = withPublishedCounts(counts, table);
    expect([...Array.from(shown.cells), ...Array.from(shown.rowTotals), ...Array.from(shown.colTotals), shown.total]).toEqual([10, 0, 10, 10, 0, 10]);
    const pct = { ...counts, percent: true };
    expect(withPublishedCounts(pct, table)).toBe(pct);
    expect(withPublishedCounts(counts, { ...table, method: 'suppression' })).toBe(counts);
  });
});

describe('export texts', () => {
  it('has every Dutch text in English with the same placeholders', () => {
    const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(EXPORT_TEXTS.en).sort()).toEqual(Object.keys(EXPORT_TEXTS.nl).sort());
    for (const [k, v] of Object.entries(EXPORT_TEXTS.nl)) expect(ph(EXPORT_TEXTS.en[k as keyof typeof EXPORT_TEXTS.nl]), k).toEqual(ph(v));
  });
});
