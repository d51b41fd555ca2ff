import type { UiLanguage } from '../../../../shared/api/localized';
import type { MatrixDefinition, MatrixResult } from '../../../../shared/matrix/matrix-definition';
import { formatDate } from '../../../../shared/format/number-format';
import { matrixNote } from './matrix-notes-i18n';

/**
 * The dates a computed matrix actually used, in words: from the definition the engine
 * returned (not the form), so a refused or ignored date can never be claimed.
 */
export function datesUsed(def: MatrixDefinition, referenceDate: string, lang: UiLanguage): string {
  const ref = formatDate(referenceDate, lang);
  const n = (key: Parameters<typeof matrixNote>[1], params?: Record<string, string | number>) => matrixNote(lang, key, params);
  if (def.kind === 'state') {
    const origin = def.originDate ? n('dates.on', { date: formatDate(def.originDate, lang) }) : n('dates.atDecision');
    const destination = def.destinationDate
      ? n('dates.on', { date: formatDate(def.destinationDate, lang) })
      : def.followUpMonths
        ? n('dates.afterMonths', { m: def.followUpMonths })
        : n('dates.onReference', { date: ref });
    return n('dates.state', { origin, destination });
  }
  if (def.kind === 'first-move' || def.kind === 'first-area-move') {
    return n(def.kind === 'first-move' ? 'dates.firstMove' : 'dates.firstAreaMove', { window: def.followUpMonths ? n('dates.withinMonths', { m: def.followUpMonths }) : n('dates.untilReference', { date: ref }) });
  }
  const window = def.period
    ? n('dates.period', { from: formatDate(def.period.from, lang), to: formatDate(def.period.to, lang) })
    : def.followUpMonths
      ? n('dates.withinMonths', { m: def.followUpMonths })
      : n('dates.fromDecision', { date: ref });
  return n('dates.allMoves', { window });
}

/** The reference date minus `months` (clamped to the month's last day): decisions after it have an open window. */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Exclusions {
  total: number;
  windowOpen: number;
  noDecision: number;
  months: number;
  /** ISO: decisions after this day have a window that ends after the reference date. */
  cutoff: string;
}

/** Who the follow-up window left out, or null when nobody was. */
export function exclusionsOf(result: MatrixResult): Exclusions | null {
  const total = result.excludedPersons ?? 0;
  const months = result.definition.followUpMonths;
  if (total === 0 || !months) return null;
  const noDecision = result.excludedNoDecision ?? 0;
  return { total, noDecision, windowOpen: total - noDecision, months, cutoff: monthsBefore(result.referenceDate, months) };
}
