import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg, initWasm } from '@resvg/resvg-wasm';

/** The font bundled in resources/fonts (DejaVu Sans): no system font is looked up, no network. */
export const fontPath = (resourcesDir: string): string => path.join(resourcesDir, 'fonts', 'DejaVuSans.ttf');

let ready: Promise<void> | null = null;
const fonts = new Map<string, Uint8Array>();

/** resvg's WebAssembly module, loaded once per engine from node_modules (never fetched). */
function loadWasm(): Promise<void> {
  if (ready) return ready;
  const from = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js');
  const wasm = readFileSync(createRequire(from).resolve('@resvg/resvg-wasm/index_bg.wasm'));
  const loading = initWasm(wasm).catch((err: unknown) => {
    ready = null;
    throw err;
  });
  ready = loading;
  return loading;
}

function font(resourcesDir: string): Uint8Array {
  const file = fontPath(resourcesDir);
  let bytes = fonts.get(file);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(file));
    fonts.set(file, bytes);
  }
  return bytes;
}

/**
 * Rasterises an SVG made by the engine's chart renderer to PNG (resvg compiled to WebAssembly,
 * deterministic: the same SVG and font give the same bytes). Text is drawn with the bundled font only.
 */
export async function rasterisePng(svg: string, resourcesDir: string, scale = 2): Promise<Uint8Array> {
  await loadWasm();
  const r = new Resvg(svg, {
    font: { fontBuffers: [font(resourcesDir)], defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  try {
    const image = r.render();
    try {
      return image.asPng();
    } finally {
      image.free();
    }
  } finally {
    r.free();
  }
}
