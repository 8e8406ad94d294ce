// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { editorIntegration } from './src/editor/integration.ts';

/** `BASE_PATH=/notfall/` serves the site below a path; `SITE_URL` makes absolute URLs. */
const base = (process.env.BASE_PATH ?? '').trim().replace(/^\/+|\/+$/g, '');
const siteUrl = process.env.SITE_URL?.trim();

/** Pages that are not content: the search page, the error page and the web editor. */
const notContent = /\/(suche|404|admin)\/?$/;

export default defineConfig({
  ...(siteUrl ? { site: siteUrl } : {}),
  // A sitemap needs absolute URLs: only with SITE_URL.
  integrations: [
    ...(siteUrl ? [sitemap({ filter: (page) => !notContent.test(new URL(page).pathname) })] : []),
    // The web editor at /admin/, only for a site.yaml with an `editor:` block.
    editorIntegration(),
  ],
  base: base ? `/${base}/` : '/',
  outDir: process.env.AUSHANG_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  output: 'static',
  // Four pages rendered at a time: their file writes overlap with rendering the next ones (the
  // Astro phase of a 2,160-notice district: 6.2 s → 5.0 s, median of 3, same bytes; docs/performance.md).
  build: { format: 'directory', assets: 'assets', inlineStylesheets: 'never', concurrency: 4 },
  compressHTML: true,
  // Scripts stay files under /assets/, however small (the "Stand" check is a few hundred bytes):
  // Astro would inline them, and the Content-Security-Policy allows no inline script.
  vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
  devToolbar: { enabled: false },
});
