// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

/** `BASE_PATH=/notfall/` serves the site below a path; `SITE_URL` makes absolute URLs. */
const base = (process.env.BASE_PATH ?? '').trim().replace(/^\/+|\/+$/g, '');
const siteUrl = process.env.SITE_URL?.trim();

/** Pages that are not content: the search page and the error page. */
const notContent = /\/(suche|404)\/?$/;

export default defineConfig({
  ...(siteUrl ? { site: siteUrl } : {}),
  // A sitemap needs absolute URLs: only with SITE_URL.
  integrations: siteUrl ? [sitemap({ filter: (page) => !notContent.test(new URL(page).pathname) })] : [],
  base: base ? `/${base}/` : '/',
  outDir: process.env.AUSHANG_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory', assets: 'assets', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
});
