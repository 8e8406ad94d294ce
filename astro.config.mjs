// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { editorIntegration } from './src/editor/integration.ts';
import { folderNames, routes } from './src/model/routes.ts';
import { astroAddress, createUrls } from './src/model/urls.ts';

/** `BASE_PATH=/notfall/` serves the site below a path; `SITE_URL` makes absolute URLs (src/model/urls.ts). */
const { base, site } = astroAddress();

/** Pages that are not content: the search page, the error page and the web editor. */
const urls = createUrls({ base });
const notContent = new Set([routes.search(), routes.notFound(), routes.editor()].map((path) => urls.path(path)));

export default defineConfig({
  ...(site ? { site } : {}),
  // A sitemap needs absolute URLs: only with SITE_URL.
  integrations: [
    ...(site ? [sitemap({ filter: (page) => !notContent.has(new URL(page).pathname) })] : []),
    // The web editor at /admin/, only for a site.yaml with an `editor:` block.
    editorIntegration(),
  ],
  base,
  outDir: process.env.AUSHANG_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  output: 'static',
  // Four pages rendered at a time: their file writes overlap with rendering the next ones (the
  // Astro phase of a 2,160-notice district: 6.2 s → 5.0 s, median of 3, same bytes; docs/performance.md).
  build: { format: 'directory', assets: folderNames.assets, inlineStylesheets: 'never', concurrency: 4 },
  compressHTML: true,
  // Scripts stay files under /assets/, however small (the "Stand" check is a few hundred bytes):
  // Astro would inline them, and the Content-Security-Policy allows no inline script.
  vite: {
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
    // The search script takes the rule of planned changes (src/core/planned.ts, `inWindow`) from
    // the page script: both import it, and the bundler would make it a third file that every
    // page loads besides its one script. This group keeps it in the page script's own file (the
    // name of Astro's entry for Head.astro's script), which the search page has loaded anyway.
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: { codeSplitting: { groups: [{ name: 'Head.astro_astro_type_script_index_0_lang', test: /Head\.astro\?astro&type=script|\/src\/core\/planned\.ts$/ }] } },
          },
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
