/**
 * The QR code of the printed notice: the SVG, drawn back into pixels the way a printer would,
 * decodes to exactly the URL it was made for.
 */
import jsQR from 'jsqr';
import { describe, expect, test } from 'vitest';
import { QUIET_ZONE, qrMatrix, qrSvg } from '../../../src/model/qr.ts';

/** Dark modules to RGBA pixels, `scale` pixels per module, white all around. */
function rasterize(dark: (x: number, y: number) => boolean, modules: number, scale = 4) {
  const size = modules * scale;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const value = dark(Math.floor(px / scale), Math.floor(py / scale)) ? 0 : 255;
      data.set([value, value, value, 255], (py * size + px) * 4);
    }
  }
  return { data, size };
}

/** Reads the SVG back: its viewBox, and the rectangles `M x y h n v 1 h -n z` of its path. */
function parseSvg(svg: string) {
  const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  const d = /<path fill="#000" d="([^"]*)"\/>/.exec(svg);
  if (!viewBox || !d) throw new Error(`unexpected SVG: ${svg.slice(0, 200)}`);
  const size = Number(viewBox[1]);
  const dark = new Set<string>();
  const rest = d[1]!.replace(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g, (_whole, x: string, y: string, n: string, back: string) => {
    expect(back).toBe(n);
    for (let i = 0; i < Number(n); i++) dark.add(`${Number(x) + i},${y}`);
    return '';
  });
  expect(rest, 'nothing but rectangles in the path').toBe('');
  return { size, dark: (x: number, y: number) => dark.has(`${x},${y}`) };
}

function decodeSvg(svg: string): string | undefined {
  const { size, dark } = parseSvg(svg);
  const image = rasterize(dark, size);
  return jsQR(image.data, image.size, image.size)?.data;
}

const urls = [
  'https://notfall.example/soest/',
  'https://notfall.example/notfall/soest/',
  'https://notfall.kreis-soest.de/maerkischer-kreis/',
  'https://example.org/a-very-long-path/with-several/segments-and-a-town-name-that-goes-on/',
];

describe('qrMatrix', () => {
  test.each(urls)('decodes to %s', (url) => {
    const matrix = qrMatrix(url);
    expect(matrix.every((row) => row.length === matrix.length)).toBe(true);
    const modules = matrix.length + 2 * QUIET_ZONE;
    const dark = (x: number, y: number) => matrix[y - QUIET_ZONE]?.[x - QUIET_ZONE] === true;
    const image = rasterize(dark, modules);
    expect(jsQR(image.data, image.size, image.size)?.data).toBe(url);
  });

  test('has the three finder patterns in the corners', () => {
    const matrix = qrMatrix(urls[0]!);
    const n = matrix.length;
    for (const [x, y] of [
      [0, 0],
      [n - 7, 0],
      [0, n - 7],
    ] as const) {
      expect(matrix[y]!.slice(x, x + 7).every(Boolean), `top row of the pattern at ${x},${y}`).toBe(true);
      expect(matrix[y + 1]![x + 1], `white ring at ${x},${y}`).toBe(false);
      expect(matrix[y + 3]![x + 3], `centre at ${x},${y}`).toBe(true);
    }
  });
});

describe('qrSvg', () => {
  test.each(urls)('draws a code that decodes to %s', (url) => {
    expect(decodeSvg(qrSvg(url, 'QR'))).toBe(url);
  });

  test('is black on a white square with a quiet zone of 4 modules, sized by CSS', () => {
    const svg = qrSvg(urls[0]!, 'QR');
    const { size, dark } = parseSvg(svg);
    expect(size).toBe(qrMatrix(urls[0]!).length + 8);
    expect(svg).toContain(`<rect width="${size}" height="${size}" fill="#fff"/>`);
    for (let i = 0; i < size; i++) {
      for (const [x, y] of [
        [i, 0],
        [i, 3],
        [0, i],
        [3, i],
        [i, size - 1],
        [size - 1, i],
      ] as const) {
        expect(dark(x, y), `module ${x},${y} of the quiet zone`).toBe(false);
      }
    }
    expect(dark(4, 4)).toBe(true);
    expect(svg, 'no fixed size on the element').not.toMatch(/<svg[^>]*\swidth=/);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="qr" viewBox="0 0 \d+ \d+" role="img"/);
  });

  test('is labelled for screen readers, with the label escaped', () => {
    const svg = qrSvg('https://example.org/?a=1&b=2', 'QR-Code mit der Adresse "https://example.org/?a=1&b=2" <x>');
    expect(svg).toContain('aria-label="QR-Code mit der Adresse &quot;https://example.org/?a=1&amp;b=2&quot; &lt;x&gt;"');
    expect(decodeSvg(svg)).toBe('https://example.org/?a=1&b=2');
  });

  test('is the same for the same text, and different for another', () => {
    expect(qrSvg(urls[0]!, 'QR')).toBe(qrSvg(urls[0]!, 'QR'));
    expect(qrSvg(urls[0]!, 'QR')).not.toBe(qrSvg(urls[1]!, 'QR'));
  });
});
