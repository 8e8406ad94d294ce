// @ts-check
// The bare baseline of `npm run bench`: Astro alone, rendering the same Markdown files as plain
// pages (no checks, no model, no API, feeds or lists), with the same output settings as the site.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.BASELINE_OUT ?? './dist',
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory', assets: 'assets', inlineStylesheets: 'never' },
  compressHTML: true,
  devToolbar: { enabled: false },
});
