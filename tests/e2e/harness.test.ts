/**
 * Proves the test harness: the static server (base path, redirects, 404 page, content types),
 * Chromium through playwright-core, and the axe check.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectForeignRequests, expectNoAxeViolations, launchBrowser, newPage } from '../support/browser.ts';
import { serve, type ServedSite } from '../support/serve.ts';

const page = (title: string, body: string) => `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;

describe('test harness', () => {
  let folder: string;
  let site: ServedSite;
  let browser: Browser;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'aushang-harness-'));
    await writeFile(join(folder, 'index.html'), page('Aushang', '<h1>Störungen im Rathaus</h1>\n<p><a href="amt">Zum Amt</a></p>'));
    await writeFile(join(folder, 'style.css'), 'body { font-family: system-ui, sans-serif; }\n');
    await writeFile(join(folder, '404.html'), page('Nicht gefunden', '<h1>Seite nicht gefunden</h1>'));
    await mkdir(join(folder, 'amt'));
    await writeFile(join(folder, 'amt', 'index.html'), page('Amt', '<h1>Bürgeramt</h1>'));
    await writeFile(join(folder, 'data.json'), '{"ok":true}\n');
    await writeFile(join(folder, 'module.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    site = await serve(folder, { base: '/notfall/' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  test('serves below the base path with the right status codes and types', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/notfall\/$/);

    const index = await fetch(site.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');

    const noSlash = await fetch(`${site.url}amt`, { redirect: 'manual' });
    expect(noSlash.status).toBe(301);
    expect(noSlash.headers.get('location')).toBe('/notfall/amt/');

    const baseNoSlash = await fetch(`${site.origin}/notfall`, { redirect: 'manual' });
    expect(baseNoSlash.status).toBe(301);
    expect(baseNoSlash.headers.get('location')).toBe('/notfall/');

    const missing = await fetch(`${site.url}gibt-es-nicht`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Seite nicht gefunden');

    expect((await fetch(`${site.origin}/index.html`)).status).toBe(404);
    expect((await fetch(`${site.url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${site.url}data.json`)).headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await fetch(`${site.url}module.wasm`)).headers.get('content-type')).toBe('application/wasm');
    expect((await fetch(`${site.url}style.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  test('opens the page in Chromium, follows a link, and axe finds nothing', async () => {
    const tab = await newPage(browser);
    const foreign = collectForeignRequests(tab, site.origin);
    const response = await tab.goto(site.url);
    expect(response?.status()).toBe(200);
    expect(await tab.locator('h1').textContent()).toBe('Störungen im Rathaus');
    await expectNoAxeViolations(tab);

    await tab.getByRole('link', { name: 'Zum Amt' }).click();
    await tab.waitForURL(`${site.url}amt/`);
    expect(await tab.locator('h1').textContent()).toBe('Bürgeramt');
    expect(foreign).toEqual([]);
    await tab.close();
  });

  test('axe reports a violation with a readable message', async () => {
    const tab = await newPage(browser);
    await tab.setContent('<!doctype html><html><head><title>x</title></head><body><img src="data:,"></body></html>');
    await expect(expectNoAxeViolations(tab)).rejects.toThrow(/html-has-lang|image-alt/);
    await tab.close();
  });
});
