import { describe, expect, it } from 'vitest';
import { AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import nlPlotly from 'plotly.js/lib/locales/nl';
import { matrixFileName, ficheFileName } from '../../renderer/src/features/export/export-names';
import { gridLocaleText } from '../../renderer/src/grid/grid-locale';
import { plotlyLocaleConfig } from '../../renderer/src/charts/plotly-locale';
import { CHART_TEXTS } from '../../renderer/src/charts/chart-text';
import { colourAt, ZERO_GREY, zeroDistinctScale } from '../../renderer/src/charts/heatmap-colors';
import { readRecipe } from '../../electron/engine/cohort/recipe';
import { AppError } from '../../electron/engine/core/app-error';
import { findEnglish } from '../support/english-ui-strings';

const now = new Date(2025, 2, 14);

describe('one language: file names, grid texts, chart toolbar and hover, recipe error', () => {
  it('names an export file in the UI language, every word of it', () => {
    expect(matrixFileName({ kind: 'state', level: 'province', vintage: '2019' }, 'xlsx', now, 'nl')).toBe('verhuismatrix-toestand-provincie-2019-2025-03-14.xlsx');
    expect(matrixFileName({ kind: 'first-move', level: 'municipality', vintage: '2025' }, 'csv', now, 'nl')).toBe('verhuismatrix-eerste-verhuizing-gemeente-2025-2025-03-14.csv');
    expect(matrixFileName({ kind: 'state', level: 'region', vintage: '2014' }, 'xlsx', now, 'en')).toBe('relocation-matrix-state-region-2014-2025-03-14.xlsx');
    expect(ficheFileName('11002', 'Antwerpen', 'xlsx', now, 'en')).toBe('area-profile-11002-antwerpen-2025-03-14.xlsx');
  });

  it('gives AG Grid a Dutch text for every text it knows, screen-reader and filter texts included', () => {
    const nl = gridLocaleText('nl')!;
    const missing = Object.keys(AG_GRID_LOCALE_EN).filter((k) => !(k in nl));
    expect(missing).toEqual([]);
    expect(nl.ariaFilterColumn).not.toMatch(/Press|filter$/);
    expect(nl.ariaFilterToValue).toBe('Filter tot waarde');
    expect(nl.lessThanOrEqual).toMatch(/kleiner|minder/i);
    expect(gridLocaleText('en')).toBeUndefined();
  });

  it('translates every Plotly toolbar button the charts show, through the bundled nl locale plus the app\'s additions', () => {
    const cfg = plotlyLocaleConfig('nl');
    expect(cfg.locale).toBe('nl');
    const dict = { ...nlPlotly.dictionary, ...cfg.locales.nl.dictionary };
    for (const button of ['Zoom', 'Pan', 'Zoom in', 'Zoom out', 'Autoscale', 'Reset axes', 'Reset view', 'Toggle Spike Lines', 'Show closest data on hover', 'Compare data on hover', 'Box Select']) {
      expect(dict[button], button).toBeTruthy();
      expect(dict[button]).not.toBe(button);
    }
    expect(plotlyLocaleConfig('en').locale).toBe('en');
  });

  it('Sankey hover templates name origin and destination without "source/target"', () => {
    for (const key of ['sankey.linkHover', 'sankey.nodeHover'] as const) {
      expect(CHART_TEXTS.nl[key].replace(/%\{[^}]*\}/g, '')).not.toMatch(/source|target|flow count/i);
      expect(findEnglish(CHART_TEXTS.nl[key].replace(/%\{[^}]*\}/g, ''))).toEqual([]);
    }
  });

  it('says a recipe that is not JSON is not JSON, in Dutch and English', () => {
    let err: unknown;
    try {
      readRecipe('\u0000\u0001 garbage', null);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const api = (err as AppError).toApiError();
    expect(api.message.nl).not.toMatch(/not JSON/);
    expect(api.message.nl).toMatch(/geen JSON/);
    expect(api.message.en).toMatch(/not JSON/);
  });
});

describe('heatmap colours', () => {
  it('draws 0 in grey and 1 in colour, on the linear and the log scale', () => {
    for (const max of [1, 7, 500, 12000]) {
      const lin = zeroDistinctScale(max, 1);
      expect(colourAt(lin, 0, max)).toBe(ZERO_GREY);
      expect(colourAt(lin, 1, max)).not.toBe(ZERO_GREY);
      const lmax = Math.log10(1 + max);
      const log = zeroDistinctScale(lmax, Math.log10(2));
      expect(colourAt(log, 0, lmax)).toBe(ZERO_GREY);
      expect(colourAt(log, Math.log10(2), lmax)).not.toBe(ZERO_GREY);
    }
  });
});

describe('fiche net change in words', () => {
  it('says "12 minder" / "12 fewer" rather than "Netto-winst −12"', async () => {
    const { netPhrase } = await import('../../renderer/src/features/fiche/fiche-text');
    expect(netPhrase(-12, 'nl')).toBe('12 minder');
    expect(netPhrase(1234, 'nl')).toBe('1.234 meer');
    expect(netPhrase(0, 'nl')).toBe('evenveel');
    expect(netPhrase(-12, 'en')).toBe('12 fewer');
    expect(netPhrase(3, 'en')).toBe('3 more');
  });
});
