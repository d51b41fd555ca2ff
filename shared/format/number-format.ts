import type { UiLanguage } from '../api/localized';

/**
 * Number and date formatting for the UI and exports: Belgian conventions in both
 * languages (nl-BE, en-BE: 12.345 and 12,3 %). Pure Intl, so usable in the renderer
 * and in Node. Formatters are cached because grids format thousands of cells.
 */
export const localeOf = (lang: UiLanguage): 'nl-BE' | 'en-BE' => (lang === 'en' ? 'en-BE' : 'nl-BE');

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: UiLanguage, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), options);
    cache.set(key, format);
  }
  return format;
}

const DASH = '–';

/** A count of persons or rows: "12.345". Non-finite input shows a dash. */
export function formatCount(n: number | null | undefined, lang: UiLanguage): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  return numberFormat(lang, { maximumFractionDigits: 0 }).format(Math.round(n));
}

/** A decimal with a fixed number of fraction digits: "1.234,5". */
export function formatDecimal(n: number | null | undefined, lang: UiLanguage, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  return numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A fraction (0..1) as a percentage: 0.1234 → "12,3 %" (nl), "12,3%" (en). */
export function formatPercent(fraction: number | null | undefined, lang: UiLanguage, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return DASH;
  const text = numberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
  // Dutch puts a (non-breaking) space before the percent sign, "12,3 %"; ICU's nl-BE does not.
  return lang === 'nl' ? text.replace(/\s?%$/, '\u00a0%') : text;
}

/** A signed count for net migration: "+1.234", "−56", "0". */
export function formatSigned(n: number | null | undefined, lang: UiLanguage): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  return numberFormat(lang, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(Math.round(n));
}

/** An ISO date (YYYY-MM-DD) as "05/03/2016"; anything else is returned unchanged. */
export function formatDate(iso: string | null | undefined, lang: UiLanguage): string {
  if (!iso) return DASH;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** A duration for progress and timings: "850 ms", "12,4 s", "3 min 05 s". */
export function formatDuration(ms: number | null | undefined, lang: UiLanguage): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return DASH;
  if (ms < 1000) return `${formatCount(ms, lang)} ms`;
  if (ms < 60_000) return `${formatDecimal(ms / 1000, lang, 1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${formatCount(minutes, lang)} min ${String(seconds).padStart(2, '0')} s`;
}

/** Rows per second during an import: "125.000 rijen/s" is built by the caller; this gives the number. */
export function formatRate(perSecond: number | null | undefined, lang: UiLanguage): string {
  return formatCount(perSecond, lang);
}
