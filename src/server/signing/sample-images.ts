/**
 * Sample signature and seal images for the tests and the demo agency: a blue handwritten-looking
 * stroke and a red round seal with the agency's name, transparent PNGs made from SVG. A real agency
 * uploads the scans of its own signature and seal.
 */
import sharp from 'sharp';

const escape = (s: string) => s.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function sampleSignaturePng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="260" viewBox="0 0 600 260">
  <path d="M40 180 C 90 40, 140 40, 150 150 S 220 240, 260 120 S 330 30, 360 150 C 380 210, 430 200, 470 110 S 540 60, 570 140"
        fill="none" stroke="#1f3fbf" stroke-width="9" stroke-linecap="round"/>
  <path d="M120 210 L 520 190" fill="none" stroke="#1f3fbf" stroke-width="6" stroke-linecap="round"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export function sampleSealPng(agency: string): Promise<Buffer> {
  // The agency's name runs around the ring, one glyph at a time (librsvg does not lay text on a path).
  const chars = [...agency.toLocaleUpperCase('vi')];
  const span = 300;
  const glyphs = chars
    .map((c, i) => {
      const angle = -span / 2 + (span * (i + 0.5)) / chars.length;
      return `<text x="300" y="92" text-anchor="middle" transform="rotate(${angle.toFixed(2)} 300 300)">${escape(c)}</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
  <g fill="none" stroke="#d40000"><circle cx="300" cy="300" r="285" stroke-width="14"/><circle cx="300" cy="300" r="262" stroke-width="5"/><circle cx="300" cy="300" r="170" stroke-width="5"/></g>
  <g fill="#d40000" font-family="Liberation Serif, DejaVu Serif, serif" font-weight="bold" font-size="${chars.length > 40 ? 34 : 40}">${glyphs}</g>
  <text x="300" y="330" text-anchor="middle" fill="#d40000" font-family="Liberation Serif, DejaVu Serif, serif" font-size="90" font-weight="bold">★</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
