import { AG_GRID_LOCALE_NL } from '@ag-grid-community/locale';
import type { UiLanguage } from '../../../shared/api/localized';

/**
 * AG Grid texts in Dutch: AG Grid's own Dutch locale (every screen-reader, filter and menu
 * text), with the app's own wording on top where it differs. English is the grid's
 * built-in language.
 */
const OWN_NL: Record<string, string> = {
  loadingOoo: 'Laden…',
  noRowsToShow: 'Geen rijen',
  filterOoo: 'Filter…',
  equals: 'Gelijk aan',
  notEqual: 'Niet gelijk aan',
  contains: 'Bevat',
  notContains: 'Bevat niet',
  startsWith: 'Begint met',
  endsWith: 'Eindigt op',
  blank: 'Leeg',
  notBlank: 'Niet leeg',
  inRange: 'Tussen',
  inRangeStart: 'Van',
  inRangeEnd: 'Tot en met',
  lessThan: 'Kleiner dan',
  greaterThan: 'Groter dan',
  lessThanOrEqual: 'Kleiner dan of gelijk aan',
  greaterThanOrEqual: 'Groter dan of gelijk aan',
  before: 'Voor',
  after: 'Na',
  andCondition: 'EN',
  orCondition: 'OF',
  applyFilter: 'Toepassen',
  resetFilter: 'Herstellen',
  clearFilter: 'Wissen',
  cancelFilter: 'Annuleren',
  dateFormatOoo: 'dd/mm/jjjj',
  ariaFilterColumn: 'Druk op Ctrl+Enter om de filter te openen',
  ariaFilterToValue: 'Filter tot waarde',
  ariaFilterFromValue: 'Filter vanaf waarde',
  filterOptions: 'Filteropties',
  ariaFilterValue: 'Filterwaarde',
  ariaFilterInput: 'Filterinvoer',
  ariaFilteringOperator: 'Filteroperator',
  ariaDateFilterInput: 'Datumfilter',
  ariaColumn: 'Kolom',
  ariaRowIndex: 'Rij',
  ariaSortableColumn: 'Druk op Enter om te sorteren',
  ariaFilterMenuOpen: 'Filtermenu openen',
  ariaMenuColumn: 'Druk op Alt+pijl omlaag voor het kolommenu',
  ariaAscending: 'oplopend',
  ariaDescending: 'aflopend',
  sortAscending: 'Oplopend sorteren',
  sortDescending: 'Aflopend sorteren',
  sortUnSort: 'Sortering wissen',
};

const NL: Record<string, string> = { ...AG_GRID_LOCALE_NL, ...OWN_NL };

export const gridLocaleText = (lang: UiLanguage): Record<string, string> | undefined => (lang === 'nl' ? NL : undefined);
