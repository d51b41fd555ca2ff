import { useMemo } from 'react';
import { interpolate, useI18n, type Params } from '../../i18n/i18n';
import type { UiLanguage } from '../../../../shared/api/localized';

/** Texts of the data-quality report on the overview (the checks' labels and rules are in shared/quality). */
const nl = {
  'quality.title': 'Datakwaliteit',
  'quality.intro': 'Aantallen over het hele extract. Elke afwijking staat met de regel die de matrices erop toepassen. Een aantal van 1 tot {max} staat als "< {t}", ook in de export.',
  'quality.check': 'Controle',
  'quality.persons': 'Personen',
  'quality.records': 'Records',
  'quality.rule': 'Regel',
  'quality.loading': 'Datakwaliteit wordt geteld…',
  'quality.total': '{persons} personen en {records} verblijfsrecords in het extract; geteld in {ms}.',
  'quality.saveTitle': 'Datakwaliteitsrapport exporteren',
  'quality.done': 'Geëxporteerd: {file}',
  'quality.fileName': 'datakwaliteit',
  'quality.found': '{n} van {all} controles vinden afwijkingen',
};
export type QualityTextKey = keyof typeof nl;

const en: Record<QualityTextKey, string> = {
  'quality.title': 'Data quality',
  'quality.intro': 'Counts over the whole extract. Each anomaly comes with the rule the matrices apply to it. A count from 1 to {max} is shown as "< {t}", in the export too.',
  'quality.check': 'Check',
  'quality.persons': 'Persons',
  'quality.records': 'Records',
  'quality.rule': 'Rule',
  'quality.loading': 'Counting data quality…',
  'quality.total': '{persons} persons and {records} residence records in the extract; counted in {ms}.',
  'quality.saveTitle': 'Export data-quality report',
  'quality.done': 'Exported: {file}',
  'quality.fileName': 'data-quality',
  'quality.found': '{n} of {all} checks find anomalies',
};

const DICTS: Record<UiLanguage, Record<QualityTextKey, string>> = { nl, en };

export function useQualityText(): { lang: UiLanguage; qt: (key: QualityTextKey, params?: Params) => string } {
  const { lang } = useI18n();
  return useMemo(() => ({ lang, qt: (key: QualityTextKey, params?: Params) => interpolate(DICTS[lang][key] ?? nl[key], params) }), [lang]);
}

export const QUALITY_TEXTS = { nl, en };
