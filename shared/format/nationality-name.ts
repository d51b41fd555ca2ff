import type { UiLanguage } from '../api/localized';
import { alpha2Of } from '../geo/countries';
import { localeOf } from './number-format';

/**
 * Nationalities as an analyst reads them: "Syrië (SYR)" in Dutch, "Syria (SYR)" in English.
 * Extracts carry ISO 3166-1 alpha-3 codes plus STATELESS and UNKNOWN; the country name comes
 * from the bundled alpha-3 → alpha-2 table and Intl.DisplayNames (offline in Chromium, Electron
 * and Node). A code neither knows is shown as it is.
 */
const SPECIAL: Record<string, Record<UiLanguage, string>> = {
  STATELESS: { nl: 'staatloos', en: 'stateless' },
  UNKNOWN: { nl: 'onbekend', en: 'unknown' },
};

const isSpecial = (code: string): boolean => Object.hasOwn(SPECIAL, code.trim().toUpperCase());

const displayNames = new Map<UiLanguage, Intl.DisplayNames | null>();
function regionNames(lang: UiLanguage): Intl.DisplayNames | null {
  if (!displayNames.has(lang)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([localeOf(lang)], { type: 'region', fallback: 'none' });
    } catch {
      names = null; // a runtime without Intl.DisplayNames: codes only
    }
    displayNames.set(lang, names);
  }
  return displayNames.get(lang) ?? null;
}

/** The country's name alone ("Syrië"), or null when the code is not known. */
export function nationalityName(code: string, lang: UiLanguage): string | null {
  const key = code.trim().toUpperCase();
  if (isSpecial(key)) return SPECIAL[key]![lang];
  const alpha2 = alpha2Of(key);
  if (!alpha2) return null;
  try {
    return regionNames(lang)?.of(alpha2) ?? null;
  } catch {
    return null;
  }
}

/** "Syrië (SYR)", "staatloos", or the code itself when it is not known. */
export function nationalityLabel(code: string, lang: UiLanguage): string {
  const name = nationalityName(code, lang);
  if (name === null) return code;
  return isSpecial(code) ? name : `${name} (${code})`;
}

export interface NationalityOption {
  value: string;
  label: string;
  /** The name in the other UI language, so "Syria" also finds Syrië. */
  keywords: string;
}

/** Pick-list options sorted by name in the UI language, the special values last. */
export function nationalityOptions(codes: Iterable<string>, lang: UiLanguage): NationalityOption[] {
  const other: UiLanguage = lang === 'nl' ? 'en' : 'nl';
  const collator = new Intl.Collator(localeOf(lang), { sensitivity: 'base' });
  const options = [...new Set(codes)].map((value) => ({
    value,
    label: nationalityLabel(value, lang),
    keywords: nationalityName(value, other) ?? '',
  }));
  const rank = (v: string): number => (isSpecial(v) ? 1 : 0);
  return options.sort((a, b) => rank(a.value) - rank(b.value) || collator.compare(a.label, b.label));
}
