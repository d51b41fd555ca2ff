import { nl } from '../../renderer/src/i18n/nl';
import { en } from '../../renderer/src/i18n/en';
import { EXPORT_TEXTS } from '../../renderer/src/features/export/export-i18n';
import { MATRIX_TEXTS } from '../../renderer/src/features/matrix/matrix-i18n';
import { CHART_TEXTS } from '../../renderer/src/charts/chart-text';
import { FICHE_TEXTS } from '../../renderer/src/features/fiche/fiche-text';
import { AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import { gridLocaleText } from '../../renderer/src/grid/grid-locale';
import nlPlotly from 'plotly.js/lib/locales/nl';
import { plotlyLocaleConfig } from '../../renderer/src/charts/plotly-locale';

/** The toolbar texts Plotly shows in English unless a locale translates them. */
const PLOTLY_TOOLBAR = ['Zoom in', 'Zoom out', 'Reset axes', 'Reset view', 'Autoscale', 'Toggle Spike Lines', 'Show closest data on hover', 'Compare data on hover', 'Box Select', 'Produced with Plotly.js'];

/**
 * The English UI strings, taken from the i18n dictionaries, as phrases to look for in
 * text that should be Dutch. A text is split at its {placeholders}; a fragment counts
 * when it differs from the Dutch text of the same key and is specific enough to be
 * English and not also Dutch (two words or more, or one word of five letters or more
 * that appears nowhere in the Dutch dictionaries).
 */
export function englishPhrases(): string[] {
  const pairs: Array<[string, string]> = [];
  // The libraries' own English texts (AG Grid's screen-reader and filter texts, Plotly's toolbar).
  const gridNl = gridLocaleText('nl') ?? {};
  for (const [k, v] of Object.entries(AG_GRID_LOCALE_EN)) if (!v.includes('${')) pairs.push([gridNl[k] ?? '', v]);
  const plotlyNl = { ...nlPlotly.dictionary, ...plotlyLocaleConfig('nl').locales.nl.dictionary };
  for (const v of PLOTLY_TOOLBAR) pairs.push([plotlyNl[v] ?? '', v]);
  for (const [dictNl, dictEn] of [
    [nl, en],
    [EXPORT_TEXTS.nl, EXPORT_TEXTS.en],
    [MATRIX_TEXTS.nl, MATRIX_TEXTS.en],
    [CHART_TEXTS.nl, CHART_TEXTS.en],
    [FICHE_TEXTS.nl, FICHE_TEXTS.en],
  ] as Array<[Record<string, string>, Record<string, string>]>) {
    for (const key of Object.keys(dictEn)) pairs.push([dictNl[key] ?? '', dictEn[key]]);
  }
  const dutchWords = new Set<string>();
  for (const [d] of pairs) for (const w of d.toLowerCase().match(/[\p{L}-]+/gu) ?? []) dutchWords.add(w);
  const out = new Set<string>();
  for (const [d, e] of pairs) {
    if (d === e) continue;
    for (const raw of e.split(/\{\w+\}/)) {
      const frag = raw.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '').trim();
      const words = frag.match(/[\p{L}-]+/gu) ?? [];
      if (words.length === 0) continue;
      const foreign = words.filter((w) => !dutchWords.has(w.toLowerCase()));
      if (foreign.length === 0) continue;
      if (words.length >= 2 || ((words[0] ?? '').length >= 5 && foreign.length === 1)) out.add(frag);
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** The English phrases found in a text (whole words, case-sensitive as written in the dictionary). */
export function findEnglish(text: string, phrases: readonly string[] = englishPhrases()): string[] {
  const hits: string[] = [];
  for (const p of phrases) {
    const re = new RegExp(`(^|[^\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
    if (re.test(text)) hits.push(p);
  }
  return hits;
}
