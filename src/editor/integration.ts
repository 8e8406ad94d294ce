/**
 * Adds the web editor's page at `/admin/` to the build, only when the site has an editor:
 * `npm run build` sets `AUSHANG_EDITOR=1` after reading site.yaml (`editor:` block present).
 * A page in `src/pages/` would always be bundled with its script and assets, even where no
 * page is made; an injected route is not there at all when it is not wanted.
 */
import type { AstroIntegration } from 'astro';
import { routes } from '../model/routes.ts';
import { withGermanAdditions } from './sveltia-de.ts';

/** Astro's route pattern for `routes.editor()` (`/admin/` → `/admin`). */
export const EDITOR_ROUTE = routes.editor().replace(/\/$/, '');

const EMPTY_GRAMMAR = '\0aushang-editor-no-grammar';

/**
 * Sveltia highlights code blocks with Shiki and imports one grammar per programming language
 * (about 250 files, 10 MB). Notices have no code: every grammar becomes an empty one, and a code
 * block is shown as plain text.
 */
const withoutCodeGrammars = {
  name: 'aushang-editor-without-code-grammars',
  enforce: 'pre' as const,
  resolveId(id: string) {
    return id.startsWith('@shikijs/langs/') ? EMPTY_GRAMMAR : undefined;
  },
  load(id: string) {
    return id === EMPTY_GRAMMAR ? 'export default [];' : undefined;
  },
};

/** Where Sveltia's interface styles point their @font-face rules (fontsource on jsDelivr). */
const FONT_CDN = /url\(https:\/\/cdn\.jsdelivr\.net\/fontsource\/[^)]*\)/g;

/**
 * Sveltia registers its three fonts from the bundled files (served from /assets/), but a style
 * sheet of its UI library also declares them with jsDelivr URLs, which the browser would fetch.
 * Those sources become `local()` ones that never leave the machine: nobody is contacted.
 */
const withoutFontCdn = {
  name: 'aushang-editor-without-font-cdn',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!id.includes('@sveltia') || !code.includes('cdn.jsdelivr.net/fontsource/')) return undefined;
    return { code: code.replace(FONT_CDN, 'local("Aushang no CDN")'), map: null };
  },
};

/** Sveltia's German strings, as the package ships them and the build loads them on demand. */
const GERMAN_STRINGS = /@sveltia[\\/]cms[\\/]locales[\\/]de\.json$/;

/**
 * Sveltia has not translated every word into German yet ("Show Errors"): the words it lacks are
 * added from `sveltia-de.ts` while the build bundles its German strings.
 */
const withGermanWords = {
  name: 'aushang-editor-german-words',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!GERMAN_STRINGS.test(id.split('?')[0]!)) return undefined;
    return { code: JSON.stringify(withGermanAdditions(JSON.parse(code))), map: null };
  },
};

export function editorIntegration(enabled: boolean = process.env.AUSHANG_EDITOR === '1'): AstroIntegration {
  return {
    name: 'aushang-editor',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig }) => {
        if (!enabled) return;
        updateConfig({ vite: { plugins: [withoutCodeGrammars, withoutFontCdn, withGermanWords] } });
        injectRoute({ pattern: EDITOR_ROUTE, entrypoint: new URL('./AdminPage.astro', import.meta.url), prerender: true });
      },
    },
  };
}
