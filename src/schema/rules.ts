/**
 * The rules of single fields of the content format (docs/content-format.md) that a zod shape
 * cannot express alone: times in the site's time zone and not in the future, phone numbers for
 * the site's country, e-mail and URL values, Markdown without HTML or foreign link schemes, and
 * references to other files. The rules between files are in cross-file.ts.
 * Each check records a `ContentError` and returns the resolved value (or undefined).
 */
import type { CountryCode } from 'libphonenumber-js/max';
import type { ContentError, FieldPath } from './errors.ts';
import { closest, fieldName } from './errors.ts';
import { parseTime, formatTime, type TimeValue } from '../core/time.ts';
import { parsePhone } from '../core/phone.ts';
import { inspectMarkdown } from '../core/markdown.ts';
import type { ChannelInput } from './index.ts';
import type { SourceFile } from '../model/read.ts';
import { translator, type Language } from '../i18n/index.ts';
import { isSitePathUrl, type SiteLink } from './links.ts';
import { channelUrlSchemes, emailAddress, linkUrlSchemes } from './field-rules.ts';
import { deriveTownStatus, isTownStatusTooGood } from '../core/status.ts';
import type { StatusKey } from './index.ts';
import { aliasRules, normaliseAlias } from './aliases.ts';

export interface RuleContext {
  timeZone: string;
  country: CountryCode;
  language: Language;
  /** Now, for "more than a day in the future". */
  now: number;
  errors: ContentError[];
  /** Links inside the site, collected while checking texts; checked once every page is known. */
  links?: SiteLink[];
  /** The page a content file makes, where its relative links would resolve (`ownPath` in the model). */
  pageOf: (source: SourceFile) => string;
  /** false: texts are only checked, their HTML made when read (`check`; see `inspectMarkdown`). */
  renders?: boolean;
}

function at(_ctx: RuleContext, source: SourceFile, field: FieldPath): Pick<ContentError, 'file' | 'line' | 'field'> {
  return { file: source.file, line: source.lineOf(field), field: fieldName(field) };
}

const DAY = 86_400_000;

/** A time field; `notFuture` for `updated` and `at`. */
export function checkTime(ctx: RuleContext, source: SourceFile, field: FieldPath, written: string, notFuture = false): TimeValue | undefined {
  const value = parseTime(written, ctx.timeZone);
  if (!value) {
    ctx.errors.push({ ...at(ctx, source, field), code: 'timeInvalid', params: { found: written } });
    return undefined;
  }
  if (notFuture && value.instant > ctx.now + DAY) {
    const t = translator(ctx.language);
    const limit = formatTime({ instant: ctx.now + DAY, dateOnly: false, iso: '' }, ctx.timeZone, t('lang.locale'), t);
    ctx.errors.push({ ...at(ctx, source, field), code: 'timeFuture', params: { found: written, limit }, hint: { code: 'typo' } });
  }
  return value;
}

/** Inline Markdown (one paragraph) or a body; `lineBase` is the 1-based line the text starts on. */
export function checkMarkdown(ctx: RuleContext, source: SourceFile, field: FieldPath, text: string, inline: boolean, lineBase?: number): void {
  // The field's line is looked up only for a link or a problem: most texts have neither.
  let known: number | undefined = lineBase;
  const base = () => (known ??= source.lineOf(field) ?? 1);
  const onLink = ctx.links && ((href: string, line: number) => ctx.links!.push({ file: source.file, line: base() + line, field: fieldName(field) || undefined, href, page: ctx.pageOf(source) }));
  for (const problem of inspectMarkdown(text, inline, onLink, ctx.renders ?? true)) {
    const where = { file: source.file, line: base() + problem.line, field: fieldName(field) };
    if (problem.kind === 'html') ctx.errors.push({ ...where, code: 'markdownHtml', params: { found: problem.found } });
    else if (problem.kind === 'link') ctx.errors.push({ ...where, code: 'markdownLink', params: { found: problem.found } });
    else if (problem.kind === 'image') ctx.errors.push({ ...where, code: 'markdownImage', params: { found: problem.found } });
    else ctx.errors.push({ ...where, code: 'markdownBlock', params: { found: problem.found } });
  }
}

/**
 * An absolute web address: a scheme of `linkUrlSchemes` (https:, http:) for a town's links, of
 * `channelUrlSchemes` (https:) with `httpsOnly`, for `online` and `web` channels
 * (src/schema/field-rules.ts, which the web editor's patterns are made from too).
 */
export function checkUrl(ctx: RuleContext, source: SourceFile, field: FieldPath, written: string, httpsOnly: boolean): string | undefined {
  const schemes: readonly string[] = httpsOnly ? channelUrlSchemes : linkUrlSchemes;
  let url: URL | undefined;
  try {
    url = new URL(written);
  } catch {
    url = undefined;
  }
  if (!url || !(linkUrlSchemes as readonly string[]).includes(url.protocol) || !url.hostname.includes('.')) {
    const suggestion = /^[\w-]+(\.[\w-]+)+(\/.*)?$/.test(written) ? `https://${written}` : undefined;
    ctx.errors.push({
      ...at(ctx, source, field),
      code: 'url',
      params: { found: written },
      ...(suggestion ? { hint: { code: 'didYouMean' as const, params: { suggestion } } } : {}),
    });
    return undefined;
  }
  if (!schemes.includes(url.protocol)) {
    ctx.errors.push({ ...at(ctx, source, field), code: 'urlNotHttps', params: { found: written }, hint: { code: 'https' } });
  }
  return url.href;
}

/** A channel's value: a phone number, an address, a URL. Returns the link target, if any. */
export function checkChannel(ctx: RuleContext, source: SourceFile, field: FieldPath, channel: ChannelInput): string | undefined {
  if (channel.note) checkMarkdown(ctx, source, [...field, 'note'], channel.note, true);
  const value = channel.value;
  if (value === undefined) return undefined;
  const valueField = [...field, 'value'];
  switch (channel.channel) {
    case 'phone':
    case 'fax': {
      const result = parsePhone(value, ctx.country);
      if (result.ok) return channel.channel === 'phone' ? result.tel : undefined;
      const code = result.reason === 'noAreaCode' ? 'phoneNoAreaCode' : result.reason === 'characters' ? 'phoneCharacters' : 'phoneInvalid';
      ctx.errors.push({ ...at(ctx, source, valueField), code, params: { found: value } });
      return undefined;
    }
    case 'email': {
      const address = value.replace(/^mailto:/i, '');
      if (!emailAddress.test(address)) {
        ctx.errors.push({ ...at(ctx, source, valueField), code: 'email', params: { found: value } });
        return undefined;
      }
      return `mailto:${address}`;
    }
    case 'online':
    case 'web':
      // 1.1: a page of this site (`/soest/formulare/`) is checked like a link and gets the base path later.
      if (isSitePathUrl(value)) {
        ctx.links?.push({ ...at(ctx, source, valueField), href: value, page: ctx.pageOf(source) });
        return value;
      }
      return checkUrl(ctx, source, valueField, value, true);
    default:
      return undefined;
  }
}

/**
 * An alias: a free site path such as `/buergerbuero-soest/` (the rules in `aliases.ts`),
 * normalised (a folder gets a trailing slash, `…/index.html` is its folder). Whether the path is
 * free is decided once every page is known (`checkAliasCollisions` in cross-file.ts).
 */
export function checkAlias(ctx: RuleContext, source: SourceFile, field: FieldPath, written: string): string | undefined {
  for (const rule of aliasRules) {
    const code = rule(written);
    if (code) {
      ctx.errors.push({ ...at(ctx, source, field), code, params: { found: written } });
      return undefined;
    }
  }
  return normaliseAlias(written);
}

/** A reference to another file by slug; suggests the closest existing one. */
export function checkReference(
  ctx: RuleContext,
  source: SourceFile,
  field: FieldPath,
  written: string,
  existing: readonly string[],
  code: 'unknownIncident' | 'unknownParent',
): boolean {
  if (existing.includes(written)) return true;
  const suggestion = closest(written, existing);
  ctx.errors.push({
    ...at(ctx, source, field),
    code,
    params: { found: written, allowed: existing.length ? existing.join(', ') : '—' },
    ...(suggestion ? { hint: { code: 'didYouMean' as const, params: { suggestion } } } : {}),
  });
  return false;
}

/**
 * Content format 1.2: a town's own `status` may not be better than its services (see
 * `isTownStatusTooGood`): `status: normal` above a service that is not normal would tell citizens
 * that everything works. The message names the disrupted services and the way out: without the
 * line, the status follows from the services.
 */
export function checkTownStatusNotBetter(
  ctx: RuleContext,
  source: SourceFile,
  status: StatusKey,
  services: readonly { title: string; status: StatusKey }[],
): void {
  if (!isTownStatusTooGood(status, services)) return;
  const disrupted = services.filter((s) => s.status !== 'normal');
  const named = disrupted.slice(0, 5).map((s) => `${s.title}: ${s.status}`);
  if (disrupted.length > named.length) named.push('…');
  ctx.errors.push({ ...at(ctx, source, ['status']), code: 'townStatusTooGood', params: { found: status, services: named.join(', '), derived: deriveTownStatus(services)! } });
}
