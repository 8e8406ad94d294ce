// @ts-check
import { defineConfig } from 'astro/config';

/** `BASE_PATH=/notfall/` serves the site below a path; `SITE_URL` makes absolute URLs. */
const base = (process.env.BASE_PATH ?? '').trim().replace(/^\/+|\/+$/g, '');
const siteUrl = process.env.SITE_URL?.trim();

export default defineConfig({
  ...(siteUrl ? { site: siteUrl } : {}),
  base: base ? `/${base}/` : '/',
  outDir: process.env.AUSHANG_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory', assets: 'assets', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
});
