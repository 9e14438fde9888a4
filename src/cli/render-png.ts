/**
 * SVG -> PNG with resvg (@resvg/resvg-js: a Rust renderer whose binary ships in its npm package,
 * so no browser or system library is needed). Text is set in the DejaVu Sans subset shipped in
 * assets/fonts (open licence, see the LICENSE there), and system fonts are NOT loaded: the image
 * is the same on a bare Debian machine as on a desktop, and the same on every run.
 * Drawn at twice the SVG's size by default, sharp enough for slides.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { RenderedImage, Resvg as ResvgClass } from '@resvg/resvg-js';
import { packageRoot } from '../base/package-root.js';

/** The native renderer, loaded on the first image: every run and sweep imports this module, few draw PNGs. */
let resvg: typeof ResvgClass | null = null;
function Resvg(): typeof ResvgClass {
  resvg ??= (createRequire(import.meta.url)('@resvg/resvg-js') as { Resvg: typeof ResvgClass }).Resvg;
  return resvg;
}

export const PNG_ZOOM = 2;
export const PNG_FONT_FAMILY = 'DejaVu Sans';

export function fontFiles(): string[] {
  const dir = join(packageRoot(), 'assets', 'fonts');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ttf'))
    .map((f) => join(dir, f));
}

/** The SVG drawn at `zoom` times its size on white, with the bundled fonts only. */
export function rasterize(svg: string, zoom = PNG_ZOOM): RenderedImage {
  const renderer = new (Resvg())(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background: '#ffffff',
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: PNG_FONT_FAMILY, sansSerifFamily: PNG_FONT_FAMILY },
    logLevel: 'off',
  });
  return renderer.render();
}

export function renderPng(svg: string, zoom = PNG_ZOOM): Buffer {
  return rasterize(svg, zoom).asPng();
}
