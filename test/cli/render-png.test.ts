import { describe, expect, it } from 'vitest';
import { fontFiles, rasterize } from '../../src/cli/render-png.js';

/** Pixels (RGBA) darker than mid-grey: ink on the white background. */
function inked(pixels: Buffer): number {
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! + pixels[i + 1]! + pixels[i + 2]! < 3 * 128) n++;
  return n;
}

describe('PNG rendering with the bundled fonts (no system fonts)', () => {
  it('finds the two DejaVu Sans subsets in assets/fonts', () => {
    expect(fontFiles().map((f) => f.split('/').pop()).sort()).toEqual(['DejaVuSans-Bold-subset.ttf', 'DejaVuSans-subset.ttf']);
  });

  it('draws text: an SVG holding only text gets ink, in regular and bold, at the asked zoom', () => {
    const svg = (weight: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="28" font-family="'DejaVu Sans', sans-serif" font-size="20" font-weight="${weight}">3 112 899 kr − ÷</text></svg>`;
    const regular = rasterize(svg('normal'), 2);
    const bold = rasterize(svg('bold'), 2);
    expect([regular.width, regular.height]).toEqual([400, 80]);
    // Without a loaded font resvg draws no text at all, so the ink count would be 0.
    expect(inked(regular.pixels)).toBeGreaterThan(500);
    expect(inked(bold.pixels)).toBeGreaterThan(inked(regular.pixels));
  });
});
