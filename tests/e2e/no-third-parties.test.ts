/**
 * Every page of the example site in Chromium, served without any headers: the pages' own
 * Content-Security-Policy <meta> applies, nothing may be requested from another origin and the
 * browser may report no violation. The search page runs a search so its script and
 * WebAssembly are covered too, and every page registers the offline service worker.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, root } from '../support/build.ts';
import { launchBrowser, newPage, searchAnswered } from '../support/browser.ts';
import { expectedPolicyMeta } from '../support/page-policy.ts';
import { serve, type ServedSite } from '../support/serve.ts';

let browser: Browser;
let server: ServedSite;
let dist: string;

beforeAll(async () => {
  dist = buildOnce(path.join(root, 'content'), { SITE_URL: 'https://notfall.example' });
  server = await serve(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function htmlPages(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return htmlPages(p, `${prefix}${name}/`);
    if (name === 'index.html') return [prefix];
    return name.endsWith('.html') ? [`${prefix}${name}`] : [];
  });
}

describe('no third parties', () => {
  it('no page requests another origin or violates its Content-Security-Policy', async () => {
    const pages = htmlPages(dist).sort();
    expect(pages.length).toBeGreaterThan(50);
    const page = await newPage(browser);
    const origin = new URL(server.url).origin;
    const problems: string[] = [];
    let current = '';
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:')) problems.push(`${current}: request to ${url}`);
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`${current}: ${message.text()}`);
    });
    await page.exposeFunction('reportViolation', (text: string) => problems.push(`${current}: ${text}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    for (const p of pages) {
      current = p;
      // Redirect pages would move on to their target, which is crawled anyway.
      await page.goto(new URL(p, server.url).href, { waitUntil: 'load' });
    }
    current = 'suche/?q=Personalausweis';
    await page.goto(new URL('suche/?q=Personalausweis', server.url).href);
    await searchAnswered(page, /Treffer/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('every page carries its policy as <meta> (its inline style by hash), before any style or script', async () => {
    for (const p of htmlPages(dist)) {
      const html = readFileSync(path.join(dist, p, p === '' || p.endsWith('/') ? 'index.html' : ''), 'utf8');
      const meta = html.indexOf(expectedPolicyMeta(html));
      expect(meta, p).toBeGreaterThan(0);
      for (const tag of ['<link rel="stylesheet"', '<style', '<script']) {
        const at = html.indexOf(tag);
        if (at >= 0) expect(at, `${p}: ${tag}`).toBeGreaterThan(meta);
      }
    }
  });
});
