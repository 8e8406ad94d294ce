/**
 * QR codes for the printed notice, made at build time: the `qrcode` package computes the
 * modules, and we draw them as one small SVG path (black on a white square with the quiet
 * zone the standard asks for), so the page needs no image file, no script and no request.
 * Pure: the same text always gives the same SVG.
 */
import QRCode from 'qrcode';
import { escapeHtml } from './html.ts';

/** Modules of white border around the code; the standard asks for at least 4. */
export const QUIET_ZONE = 4;

/**
 * The dark modules of the QR code for `text`, row by row (`true` = dark), without the quiet
 * zone. Error correction level M: a printed notice survives a crease or a thumbtack.
 */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let y = 0; y < modules.size; y++) {
    const row: boolean[] = [];
    for (let x = 0; x < modules.size; x++) row.push(modules.get(y, x) === 1);
    rows.push(row);
  }
  return rows;
}

/**
 * The QR code for `text` as an inline SVG element. `label` is what a screen reader announces
 * (e.g. "QR-Code: https://…"). The size comes from CSS; `viewBox` counts modules, and each run
 * of dark modules in a row is one rectangle `M x y h n v 1 h -n z`.
 */
export function qrSvg(text: string, label: string): string {
  const matrix = qrMatrix(text);
  const size = matrix.length + 2 * QUIET_ZONE;
  let d = '';
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      d += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="qr" viewBox="0 0 ${size} ${size}" role="img" ` +
    `aria-label="${escapeHtml(label)}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
