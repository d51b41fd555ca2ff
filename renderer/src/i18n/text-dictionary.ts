import { useMemo } from 'react';
import type { UiLanguage } from '../../../shared/api/localized';
import { interpolate, useI18n, type Params } from './i18n';

export type Translator<K extends string> = (key: K, params?: Params) => string;

export interface TextDictionary<K extends string, N extends string> {
  /** The text of a key in a language, placeholders filled; Dutch when the language lacks it. */
  text: (lang: UiLanguage, key: K, params?: Params) => string;
  /**
   * The current UI language and a translator bound to it, under the feature's short name
   * (`mt`, `xt`…); stable per language, so charts memoised on it do not redraw.
   */
  useText: () => { lang: UiLanguage } & Record<N, Translator<K>>;
}

/** A feature's own NL/EN texts, looked up the one way the app's main dictionary is (i18n.ts). */
export function textDictionary<K extends string, N extends string>(dicts: Record<UiLanguage, Record<K, string>>, name: N): TextDictionary<K, N> {
  const text = (lang: UiLanguage, key: K, params?: Params): string => interpolate(dicts[lang][key] ?? dicts.nl[key], params);
  function useText() {
    const { lang } = useI18n();
    return useMemo(() => ({ lang, [name]: (key: K, params?: Params) => text(lang, key, params) }) as { lang: UiLanguage } & Record<N, Translator<K>>, [lang]);
  }
  return { text, useText };
}
