/** A text in both UI languages. Dutch is the default; English is always available. */
export interface LocalizedText {
  nl: string;
  en: string;
}

export type UiLanguage = 'nl' | 'en';
