/**
 * The web editor's script, only on `/admin/`: Sveltia CMS bundled by the build (its prebuilt
 * file would load translations and fonts from CDNs), started with the configuration the page
 * carries (generated from the schema by `src/editor/config.ts`).
 */
import CMS from '@sveltia/cms';

const holder = document.getElementById('aushang-editor');
if (holder?.dataset.config) {
  CMS.init({ config: JSON.parse(holder.dataset.config) });
}
