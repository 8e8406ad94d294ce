/**
 * The web editor's interface in the site's editor language, whatever the browser's: Sveltia
 * follows the browser unless its stored preferences name a language, and reads them as soon as it
 * is loaded. So this module runs first (src/scripts/admin.ts imports it before Sveltia). The page
 * also tells Sveltia the browser speaks that language: otherwise it offers, in English, to switch
 * to the browser's language ("Sveltia CMS is now available in English (US)!").
 */
const settings = document.getElementById('aushang-editor')?.dataset.settings;
if (settings) {
  const key = 'sveltia-cms.prefs';
  try {
    const { language } = JSON.parse(settings) as { language: string };
    const locale = language === 'de' ? 'de' : 'en-US';
    Object.defineProperty(navigator, 'language', { configurable: true, get: () => locale });
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => [locale] });
    const prefs = JSON.parse(localStorage.getItem(key) ?? '{}') ?? {};
    localStorage.setItem(key, JSON.stringify({ ...prefs, locale }));
  } catch {
    // Storage blocked: Sveltia then cannot keep a sign-in either, and says so itself.
  }
}
