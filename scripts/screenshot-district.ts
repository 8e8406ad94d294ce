/**
 * The screenshot in docs/screenshots/district-home.png: the home page of a generated district
 * of 72 towns in 5 districts (bench/generate.ts, 12 services each), full page on a 360 px
 * phone, without JavaScript. Run it again when the home page changes:
 *
 *   node scripts/screenshot-district.ts [out.png]
 */
import path from 'node:path';
import { generate } from '../bench/generate.ts';
import { buildSite, root, tempDir } from '../tests/support/build.ts';
import { launchBrowser, newPage } from '../tests/support/browser.ts';
import { serve } from '../tests/support/serve.ts';

const out = path.resolve(process.argv[2] ?? path.join(root, 'docs/screenshots/district-home.png'));
const content = path.join(tempDir('aushang-screenshot-'), 'content');
generate({ towns: 72, services: 12, out: content });
// As the district e2e test: built the evening after the last change, so nothing is marked stale.
const dist = buildSite(content, { SOURCE_DATE_EPOCH: String(Date.parse('2023-11-04T18:00:00Z') / 1000) });
const server = await serve(dist);
const browser = await launchBrowser();
try {
  const page = await newPage(browser, { javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  await page.goto(server.url);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`${out}: 360 × ${height} px, ${(height / 740).toFixed(2)} screens of 740 px`);
} finally {
  await browser.close();
  await server.close();
}
