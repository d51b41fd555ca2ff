import nlLocale from 'plotly.js/lib/locales/nl';
import type { UiLanguage } from '../../../shared/api/localized';

/**
 * Plotly's bundled Dutch locale (registered in plotly-bundle.ts) translates only part of
 * the toolbar: these are the remaining texts of the buttons the app shows, so that a Dutch
 * screen has no English tooltip. Plotly looks a key up in `config.locales` first, then in
 * the registered locale.
 */
const NL_TOOLBAR: Record<string, string> = {
  Autoscale: 'Automatische schaal',
  'Box Select': 'Rechthoek selecteren',
  'Compare data on hover': 'Gegevens vergelijken bij aanwijzen',
  Pan: 'Verschuiven',
  'Reset axes': 'Assen herstellen',
  'Reset view': 'Beeld herstellen',
  'Reset views': 'Beelden herstellen',
  Reset: 'Herstellen',
  'Show closest data on hover': 'Dichtstbijzijnde gegevens tonen bij aanwijzen',
  'Toggle Spike Lines': 'Hulplijnen aan/uit',
  'Toggle show closest data on hover': 'Dichtstbijzijnde gegevens aan/uit',
  'Zoom in': 'Inzoomen',
  'Zoom out': 'Uitzoomen',
  Zoom: 'Zoomen',
  'Double-click to zoom back out': 'Dubbelklik om terug uit te zoomen',
  'source:': 'van:',
  'target:': 'naar:',
  'incoming flow count:': 'instroom:',
  'outgoing flow count:': 'uitstroom:',
};

export const PLOTLY_NL_LOCALE = nlLocale;

/** The locale part of a chart's config for the UI language. */
export const plotlyLocaleConfig = (lang: UiLanguage): { locale: string; locales: Record<string, { dictionary: Record<string, string> }> } =>
  lang === 'nl' ? { locale: 'nl', locales: { nl: { dictionary: NL_TOOLBAR } } } : { locale: 'en', locales: {} };
