/**
 * The site of this build, loaded once and shared by every page. The build runs `check` before
 * Astro starts, so an error here means Astro was started on its own (`astro dev`): then the
 * same messages are thrown.
 */
import path from 'node:path';
import { loadSite } from './site.ts';
import { urlSettingsFromEnv, createUrls, type Urls } from './urls.ts';
import { formatContentError } from '../schema/errors.ts';
import { contentAttributes, translator, type ContentAttributes, type Translate } from '../i18n/index.ts';
import { formatTime, type TimeValue } from './time.ts';
import type { Site } from './types.ts';

export interface View {
  site: Site;
  urls: Urls;
  t: Translate;
  /** A time as the site shows it: `Freitag, 03.11.2023, 14:17 Uhr`. */
  time: (value: TimeValue) => string;
  /**
   * `lang` and `dir` for elements holding what editors wrote, when the content language is not
   * the interface language (German notices on an Arabic site); empty otherwise. Spread them:
   * `<p {...content}>`.
   */
  content: ContentAttributes;
}

/** `SOURCE_DATE_EPOCH` (seconds) makes the build time, and so the output, reproducible. */
export function buildTime(env: Record<string, string | undefined> = process.env): number {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  return epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
}

let current: Promise<View> | undefined;

async function load(): Promise<View> {
  const urlSettings = urlSettingsFromEnv();
  const builtAt = buildTime();
  const result = await loadSite(path.resolve(process.env.AUSHANG_CONTENT ?? 'content'), { urls: urlSettings, builtAt });
  if (!result.ok) throw new Error(result.errors.map((e) => formatContentError(e, result.language)).join('\n'));
  const { site } = result;
  const t = translator(site.settings.language);
  return {
    site,
    urls: createUrls(urlSettings),
    t,
    time: (value) => formatTime(value, site.settings.timezone, site.settings.locale, t),
    content: contentAttributes(site.settings.language, site.settings.contentLanguage),
  };
}

export function getView(): Promise<View> {
  current ??= load();
  return current;
}
