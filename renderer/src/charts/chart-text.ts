import { textDictionary } from '../i18n/text-dictionary';

/** Texts of the chart legends and hover labels (kept beside the charts). */
const nl = {
  'sankey.legend': 'Kleur van een gebied en van de stromen die er vertrekken',
  'sankey.legendVlg': 'Vlaams Gewest',
  'sankey.legendBru': 'Brussels Hoofdstedelijk Gewest',
  'sankey.legendWal': 'Waals Gewest',
  'sankey.legendSpecial': 'Geen gebied: buitenland, ambtshalve afgevoerd, overleden, onbekend',
  'sankey.linkHover': '%{source.label} → %{target.label}<br>%{value:,d} personen<extra></extra>',
  'sankey.nodeHover': '%{label}<br>%{value:,d} personen<extra></extra>',
  'map.legend': 'Legende van de kaart',
  'map.legendLine': 'Lijn: een van de {n} grootste verhuisstromen, van het gebied zonder bolletje naar het gebied met bolletje; hoe dikker, hoe meer personen',
  'map.legendGrey': 'Grijs: geen waarde (niemand van het cohort woonde er bij het begin)',
  'heatmap.legendZero': 'Grijs: 0 personen',
} as const;

export type ChartTextKey = keyof typeof nl;

const en: Record<ChartTextKey, string> = {
  'sankey.legend': 'Colour of an area and of the flows leaving it',
  'sankey.legendVlg': 'Flemish Region',
  'sankey.legendBru': 'Brussels-Capital Region',
  'sankey.legendWal': 'Walloon Region',
  'sankey.legendSpecial': 'Not an area: abroad, removed ex officio, deceased, unknown',
  'sankey.linkHover': '%{source.label} → %{target.label}<br>%{value:,d} persons<extra></extra>',
  'sankey.nodeHover': '%{label}<br>%{value:,d} persons<extra></extra>',
  'map.legend': 'Map legend',
  'map.legendLine': 'Line: one of the {n} largest flows, from the area without a dot to the area with the dot; the thicker, the more persons',
  'map.legendGrey': 'Grey: no value (nobody of the cohort lived there at the start)',
  'heatmap.legendZero': 'Grey: 0 persons',
};

export const CHART_TEXTS = { nl, en };

const dictionary = textDictionary(CHART_TEXTS, 'ct');
export const chartText = dictionary.text;

export const useChartText = dictionary.useText;
