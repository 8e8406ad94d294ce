/**
 * Adds the web editor's page at `/admin/` to the build, only when the site has an editor:
 * `npm run build` sets `AUSHANG_EDITOR=1` after reading site.yaml (`editor:` block present).
 * A page in `src/pages/` would always be bundled with its script and assets, even where no
 * page is made; an injected route is not there at all when it is not wanted.
 *
 * The editor's script is not bundled here: the package ships it bundled (src/editor/bundle.ts),
 * the page names its entry (`AUSHANG_EDITOR_SCRIPT`), and the finished build gets a copy of its
 * files in `assets/`.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { folderNames, routes } from '../model/routes.ts';
import { copyEditorBundle, editorBundle, type EditorBundle } from './bundle.ts';

/** Astro's route pattern for `routes.editor()` (`/admin/` → `/admin`). */
export const EDITOR_ROUTE = routes.editor().replace(/\/$/, '');

/** The built site's folder of files named after their content (astro.config.mjs: `build.assets`). */
export const ASSETS_FOLDER = folderNames.assets;

export function editorIntegration(enabled: boolean = process.env.AUSHANG_EDITOR === '1'): AstroIntegration {
  let bundle: EditorBundle | undefined;
  return {
    name: 'aushang-editor',
    hooks: {
      'astro:config:setup': async ({ injectRoute }) => {
        if (!enabled) return;
        bundle = await editorBundle();
        process.env.AUSHANG_EDITOR_SCRIPT = `${ASSETS_FOLDER}/${bundle.entry}`;
        injectRoute({ pattern: EDITOR_ROUTE, entrypoint: new URL('./AdminPage.astro', import.meta.url), prerender: true });
      },
      'astro:build:done': ({ dir }) => {
        if (bundle) copyEditorBundle(bundle, fileURLToPath(new URL(`${ASSETS_FOLDER}/`, dir)));
      },
    },
  };
}
