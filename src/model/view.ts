/**
 * The site of this build, loaded once and shared by every page. `aushang build` checks the
 * content before Astro starts and hands the model it checked over (`handOver`): Astro runs in
 * the same process, so the pages render exactly what was checked and nothing is read twice.
 * Without a hand-over (`astro dev`, or other settings) the content is loaded here; an error
 * then throws the same messages.
 */
import path from 'node:path';
import { loadSite } from './site.ts';
import { urlSettingsFromEnv, createUrls, type Urls } from './urls.ts';
import { formatContentError } from '../schema/errors.ts';
import { contentAttributes, translator, type ContentAttributes, type Translate } from '../i18n/index.ts';
import { formatTime, type TimeValue } from '../core/time.ts';
import type { Site } from './types.ts';
import type { LoadResult } from './site.ts';
import type { UrlSettings } from './urls.ts';

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
  /** A rehearsal build (`aushang build --drill`): every page says "Übung", nothing is indexed. */
  drill: boolean;
}

/** Whether this build is a rehearsal: `aushang build --drill` sets AUSHANG_DRILL=1. */
export function isDrill(env: Record<string, string | undefined> = process.env): boolean {
  return env.AUSHANG_DRILL === '1';
}

/** `SOURCE_DATE_EPOCH` (seconds) makes the build time, and so the output, reproducible. */
export function buildTime(env: Record<string, string | undefined> = process.env): number {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  return epoch && /^\d+$/.test(epoch) ? Number(epoch) * 1000 : Date.now();
}

let loaded: Promise<View> | undefined;

/**
 * The build's model travels on `globalThis`: Astro bundles this module into its own chunks,
 * so a module variable of the build's copy would not be seen by the pages' copy.
 */
const handOverKey = Symbol.for('aushang.loadedSite');

interface HandOver {
  contentDir: string;
  urls: UrlSettings;
  result: LoadResult;
}

/** Called by the build after its check: the pages of this process use this model. */
export function handOver(contentDir: string, urls: UrlSettings, result: LoadResult): void {
  (globalThis as Record<symbol, HandOver | undefined>)[handOverKey] = { contentDir: path.resolve(contentDir), urls, result };
}

/** The handed-over model, when it was loaded from the same folder with the same URL settings. */
function handedOver(contentDir: string, urls: UrlSettings): LoadResult | undefined {
  const given = (globalThis as Record<symbol, HandOver | undefined>)[handOverKey];
  if (!given || given.contentDir !== contentDir) return undefined;
  return given.urls.base === urls.base && given.urls.site === urls.site ? given.result : undefined;
}

async function load(): Promise<View> {
  const urlSettings = urlSettingsFromEnv();
  const builtAt = buildTime();
  const contentDir = path.resolve(process.env.AUSHANG_CONTENT ?? 'content');
  const result = handedOver(contentDir, urlSettings) ?? (await loadSite(contentDir, { urls: urlSettings, builtAt }));
  if (!result.ok) throw new Error(result.errors.map((e) => formatContentError(e, result.language)).join('\n'));
  const { site } = result;
  const t = translator(site.settings.language);
  return {
    site,
    // The address the model resolved: the environment's, else site.yaml's `url`.
    urls: createUrls(site.address),
    t,
    time: (value) => formatTime(value, site.settings.timezone, site.settings.locale, t),
    content: contentAttributes(site.settings.language, site.settings.contentLanguage),
    drill: isDrill(),
  };
}

export function getView(): Promise<View> {
  loaded ??= load();
  return loaded;
}

/** One page per town (`/<town>/…`): the static paths of every per-town route, with the town as its prop. */
export async function townPaths() {
  const { site } = await getView();
  return site.towns.map((town) => ({ params: { town: town.slug }, props: { town } }));
}
