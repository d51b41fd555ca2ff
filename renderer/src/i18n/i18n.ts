import { createContext, useContext } from 'react';
import type { LocalizedText, UiLanguage } from '../../../shared/api/localized';
import { nl, type MessageKey } from './nl';
import { en } from './en';

export type { MessageKey };
export type Params = Record<string, string | number>;

const DICTIONARIES: Record<UiLanguage, Record<MessageKey, string>> = { nl, en };

/** Fills {name} placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function interpolate(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** The UI text for a key in a language (pure; the hook below binds the current language). */
export function translate(lang: UiLanguage, key: MessageKey, params?: Params): string {
  return interpolate(DICTIONARIES[lang][key] ?? nl[key], params);
}

/** Text that came from the engine (error messages) in the current language. */
export const pick = (text: LocalizedText, lang: UiLanguage): string => text[lang] ?? text.nl;

export interface I18n {
  lang: UiLanguage;
  t: (key: MessageKey, params?: Params) => string;
  setLanguage: (lang: UiLanguage) => void;
}

export const I18nContext = createContext<I18n>({
  lang: 'nl',
  t: (key, params) => translate('nl', key, params),
  setLanguage: () => undefined,
});

export const useI18n = (): I18n => useContext(I18nContext);
