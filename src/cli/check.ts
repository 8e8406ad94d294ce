/**
 * `npm run check [content-folder]`: validates every content file and prints every error at
 * once as `path:line: field: found — allowed (hint)`. Exit 0 when clean, 1 on any error.
 */
import path from 'node:path';
import { loadSite } from '../model/site.ts';
import { urlSettingsFromEnv } from '../model/urls.ts';
import { formatContentError } from '../schema/errors.ts';
import { translator } from '../i18n/index.ts';
import type { LoadResult } from '../model/site.ts';

/** Prints the outcome of a load; returns the exit code. */
export function report(result: LoadResult, out: (line: string) => void = console.log): number {
  const t = translator(result.language);
  if (!result.ok) {
    for (const error of result.errors) out(formatContentError(error, result.language));
    out('');
    out(result.errors.length === 1 ? t('cli.error') : t('cli.errors', { count: result.errors.length }));
    return 1;
  }
  const { site } = result;
  out(
    t('cli.ok', {
      towns: site.towns.length,
      services: site.towns.reduce((n, town) => n + town.services.length, 0),
      incidents: site.incidents.length,
      pages: site.pages.length,
    }),
  );
  return 0;
}

export function contentDir(argument?: string): string {
  return path.resolve(argument ?? process.env.AUSHANG_CONTENT ?? 'content');
}

if (import.meta.main) {
  const result = await loadSite(contentDir(process.argv[2]), { urls: urlSettingsFromEnv() });
  process.exitCode = report(result);
}
