import {
  CellStyleModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  DateFilterModule,
  EventApiModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  RenderApiModule,
  RowApiModule,
  RowStyleModule,
  ScrollApiModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  themeBalham,
} from 'ag-grid-community';

/**
 * AG Grid is registered module by module (no AllCommunityModule): only what the
 * views use ends up in the bundle. Other views (matrix) register their own extra
 * modules the same way; registration is additive.
 */
let registered = false;
export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  ModuleRegistry.registerModules([
    InfiniteRowModelModule,
    TextFilterModule,
    NumberFilterModule,
    DateFilterModule,
    ColumnApiModule,
    ColumnAutoSizeModule,
    ScrollApiModule,
    RowApiModule,
    RowStyleModule,
    RenderApiModule,
    EventApiModule,
    CellStyleModule,
    TooltipModule,
    LocaleModule,
    // Explains misconfigurations in development builds only.
    ...(import.meta.env.DEV ? [ValidationModule] : []),
  ]);
}

/**
 * The grid theme (Theming API; no theme CSS files). The font is the app's own system
 * stack: Quartz and Balham would otherwise name a Google font, and the app never
 * fetches fonts.
 */
export const gridTheme = themeBalham.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  accentColor: '#1f5fa8',
  // The focused cell carries the app's focus colour (see .ag-cell-focus in app.css).
  rangeSelectionBorderColor: '#f0a202',
  foregroundColor: '#1b2430',
  headerBackgroundColor: '#eef2f7',
  rowHeight: 28,
  headerHeight: 32,
  browserColorScheme: 'light',
});
