import loadHighs, { type Highs } from 'highs';

let instance: Promise<Highs> | null = null;

/** The HiGHS solver (WebAssembly, bundled in node_modules: no network), loaded once per engine. */
export function getHighs(): Promise<Highs> {
  instance ??= loadHighs();
  return instance;
}
