/**
 * Content format 1.1: what `check` warns about. A warning does not stop the build (the content
 * is valid); it tells an editor that a notice has probably stopped being true. One function per
 * rule, all on the finished site; "now" is the site's build time (`SOURCE_DATE_EPOCH` when set),
 * the same moment the pages use for "possibly outdated".
 */
import { fieldName, warningAt, type ContentWarning, type FieldPath, type WarningCode, type WarningParams } from './errors.ts';
import { isStale } from '../core/stale.ts';
import { formatTime, type TimeValue } from '../core/time.ts';
import { plainText } from '../core/markdown.ts';
import { messagesOf, editorLanguage, editorLanguages, translator } from '../i18n/index.ts';
import type { StatusKey } from './index.ts';
import type { Channel, Planned, Service, Site, Town } from '../model/types.ts';
import { compareEnglish } from '../core/order.ts';

/** The line of a field in a file, from the reader. */
export type LineOf = (file: string, field: FieldPath) => number | undefined;

interface WarningContext {
  site: Site;
  lineOf: LineOf;
  /** A time as the site shows it, for the message. */
  show: (value: TimeValue) => string;
}

function warning<C extends WarningCode>(ctx: WarningContext, file: string, field: string, code: C, params: WarningParams<C>): ContentWarning {
  return warningAt({ file, line: ctx.lineOf(file, [field]), field }, code, params);
}

/**
 * A town, service or open incident whose page says "possibly outdated": its last change
 * (`updated` or the newest update) is older than `staleAfterHours`. A resolved incident is
 * history and is not expected to change.
 */
export function staleWarnings(ctx: WarningContext): ContentWarning[] {
  const { site } = ctx;
  const hours = site.settings.staleAfterHours;
  const stale = (file: string, lastChange: TimeValue) =>
    isStale(lastChange, site.builtAt, hours) ? [warning(ctx, file, 'updated', 'stale', { found: ctx.show(lastChange), hours: String(hours) })] : [];
  return [
    ...site.towns.flatMap((town) => [...stale(town.file, town.lastChange), ...town.services.flatMap((s) => stale(s.file, s.lastChange))]),
    ...site.incidents.filter((i) => !i.resolved).flatMap((i) => stale(i.file, i.updated)),
  ];
}

/**
 * A restricted service whose `expected` lies in the past: the change it announced should have
 * happened. A date alone counts until the end of that day. A service back to `normal` is fine.
 */
export function expectedWarnings(ctx: WarningContext, service: Service): ContentWarning[] {
  const expected = service.expected;
  if (!expected || service.status === 'normal') return [];
  const end = expected.dateOnly ? expected.instant + 86_400_000 : expected.instant;
  return end < ctx.site.builtAt ? [warning(ctx, service.file, 'expected', 'expectedPast', { found: ctx.show(expected) })] : [];
}

/**
 * Whether a summary tells citizens where to turn: a link, an e-mail address or a phone number
 * (six digits or more, as in `02921 103-0`). Words alone ("bitte später") do not.
 */
export function summaryPointsElsewhere(markdown: string): boolean {
  return /\]\(|<[a-z]+:|https?:\/\//i.test(markdown) || /[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(markdown) || /(\d[\s/-]?){6,}/.test(markdown);
}

/**
 * A service that cannot be used now (`deferred` or `unavailable`) must say what to do instead:
 * a channel, a task, or a summary that points somewhere (see `summaryPointsElsewhere`).
 */
export function alternativeWarnings(ctx: WarningContext, service: Service): ContentWarning[] {
  if (service.status !== 'deferred' && service.status !== 'unavailable') return [];
  if (service.channels.length > 0 || service.tasks.length > 0 || summaryPointsElsewhere(service.summary.markdown)) return [];
  return [warning(ctx, service.file, 'status', 'noAlternative', { found: service.status })];
}

/**
 * A town whose written `status` is `unavailable` while none of its services is: the town looks
 * worse than its services. (The other way round, `normal` above a disrupted service, is an error
 * since content format 1.2: `checkTownStatusNotBetter`.) `limited` and `deferred` are in between
 * and contradict nothing.
 */
export function townStatusWarnings(ctx: WarningContext, town: Town): ContentWarning[] {
  if (town.statusDerived || town.services.length === 0 || town.status !== 'unavailable') return [];
  if (town.services.some((s) => s.status === town.status)) return [];
  const statuses = [...new Set(town.services.map((s) => s.status))].join(', ');
  return [warning(ctx, town.file, 'status', 'townStatusContradicts', { found: town.status, services: statuses, count: String(town.services.length) })];
}

/**
 * Words that describe something as disrupted, for `townSummaryWarnings`: German word beginnings
 * (`eingeschränkt` also finds `eingeschränkte`, `Störung` also `Störungen`) and whole English
 * words. The status labels of both languages are among them.
 */
const disruptionPattern = new RegExp(
  [
    '(?<!\\p{L})(?:eingeschränkt|geschlossen|gestört|störung|ausgefallen|ausfall|ausfäll|nicht möglich|nicht erreichbar|nicht verfügbar|nur annahme|nur telefonisch|verzögert|lahmgelegt)',
    '(?<!\\p{L})(?:limited|closed|disrupted|outage|unavailable|not available|down)(?!\\p{L})',
  ].join('|'),
  'iu',
);

/** Whether a text names a title as a word of its own (`Bürgerbüro`, not `Bürgerbürokratie`). */
function namesTitle(text: string, title: string): boolean {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'iu').test(text);
}

/**
 * Content format 1.2: a town whose services are all back to `normal` (and whose status is
 * `normal`) while its summary still names some of them in words of disruption ("Bürgerbüro und
 * Standesamt sind eingeschränkt") — typically left over after `resolve`. Both conditions must
 * hold, so a quiet town's summary that names a service ("Das Bürgerbüro ist geöffnet") is fine.
 */
export function townSummaryWarnings(ctx: WarningContext, town: Town): ContentWarning[] {
  if (town.status !== 'normal' || town.services.length === 0 || town.services.some((s) => s.status !== 'normal')) return [];
  const text = plainText(town.summary.markdown);
  if (!disruptionPattern.test(text)) return [];
  const named = town.services.filter((s) => namesTitle(text, s.title)).map((s) => s.title);
  if (named.length === 0) return [];
  return [warning(ctx, town.file, 'summary', 'townSummaryNamesNormal', { found: [...new Set(named)].join(', '), town: town.slug })];
}

/**
 * Content format 1.2: a task that is not `normal` under a service marked `normal` ("Nicht
 * möglich" under "Normal verfügbar"): one of the two statuses is wrong. Named at the task's line.
 */
export function taskStatusWarnings(ctx: WarningContext, service: Service): ContentWarning[] {
  if (service.status !== 'normal') return [];
  return service.tasks.flatMap((task, i) => {
    if (task.status === 'normal') return [];
    const path = ['tasks', i, 'status'] as const;
    return [
      {
        file: service.file,
        line: ctx.lineOf(service.file, path),
        field: fieldName(path),
        code: 'taskUnderNormalService' as const,
        severity: 'warning' as const,
        params: { found: task.status, task: task.titleText },
      },
    ];
  });
}

/**
 * The "works as usual" summaries of the catalogue (`texts` in src/catalogue/services.yaml, which
 * `aushang init` and `new --from` write; tests/unit/catalogue checks that they agree). Kept here
 * as text: the pages load this module where the catalogue file cannot be read.
 */
export const catalogueUsualSummaries = ['Arbeitet wie gewohnt. Alle Anliegen sind wie üblich möglich.', 'Alle Dienste der Verwaltung arbeiten wie gewohnt.'] as const;

/** The summaries the commands and the catalogue write for "works as usual", in German and English. */
function usualSummaries(): Set<string> {
  const keys = ['new.serviceSummary', 'new.townSummary', 'resolve.serviceSummary', 'resolve.townSummary'] as const;
  return new Set([...catalogueUsualSummaries, ...editorLanguages.flatMap((language) => keys.map((key) => messagesOf(language)[key]))]);
}

/** The summaries the commands write for a service that has just become disrupted. */
function disruptedSummaries(): Set<string> {
  return new Set(editorLanguages.map((language) => messagesOf(language)['new.serviceSummaryDisrupted']));
}

/**
 * Content format 1.2: a summary left unchanged while the status changed. `check` does not know a
 * file's history, but it knows the sentences the commands and the catalogue write: "Arbeitet wie
 * gewohnt." above a status that is not `normal` (a clerk changed only the status, as in the web
 * editor), or "Derzeit gestört; Einzelheiten folgen." above `normal`. For a town its shown
 * status counts, also when it follows from its services.
 */
export function summaryKeptWarnings(ctx: WarningContext, file: string, status: StatusKey, summary: string): ContentWarning[] {
  const text = summary.trim();
  const contradicts = status === 'normal' ? disruptedSummaries().has(text) : usualSummaries().has(text);
  return contradicts ? [warning(ctx, file, 'summary', 'summaryKept', { found: text, status })] : [];
}

/** A page still marked `example: true`: a template (an Impressum with made-up data) not yet filled in. */
export function exampleWarnings(ctx: WarningContext): ContentWarning[] {
  return ctx.site.pages.filter((p) => p.example).map((p) => warning(ctx, p.file, 'example', 'examplePage', { found: p.title }));
}

/** Ways of contact that cannot be used without a number, an address or a web address. */
const needsValue: ReadonlySet<string> = new Set(['phone', 'fax', 'email', 'post', 'online', 'web']);

/**
 * A way of contact said to work (`normal` or `limited`) with no `value`: the page shows
 * "Telefon · Normal verfügbar" and nothing to call. Typical of a catalogue service whose
 * example channels were never filled in.
 */
export function channelValueWarnings(ctx: WarningContext, file: string, key: 'channels' | 'contacts', channels: readonly Channel[]): ContentWarning[] {
  return channels.flatMap((channel, i) => {
    if (channel.value !== undefined || channel.status === 'unavailable' || !needsValue.has(channel.channel)) return [];
    const path = [key, i] as const;
    return [{ file, line: ctx.lineOf(file, path), field: fieldName([...path, 'value']), code: 'channelNoValue' as const, severity: 'warning' as const, params: { found: channel.channel } }];
  });
}

/**
 * 1.2: a planned window that is over at the build time: no page shows it any more; the editor
 * can remove it. (A window still running or to come is what `planned:` is for.)
 */
export function plannedPastWarnings(ctx: WarningContext, file: string, prefix: readonly (string | number)[], planned: readonly Planned[]): ContentWarning[] {
  return planned.flatMap((entry, i) =>
    entry.end <= ctx.site.builtAt ? [warningAt({ file, line: ctx.lineOf(file, [...prefix, i, 'until']), field: fieldName([...prefix, i, 'until']) }, 'plannedPast', { found: ctx.show(entry.until) })] : [],
  );
}

/** Every planned window of a town and its services and tasks that is over. */
function plannedWarnings(ctx: WarningContext, town: Town): ContentWarning[] {
  return [
    ...plannedPastWarnings(ctx, town.file, ['planned'], town.planned),
    ...town.services.flatMap((s) => [
      ...plannedPastWarnings(ctx, s.file, ['planned'], s.planned),
      ...s.tasks.flatMap((task, i) => plannedPastWarnings(ctx, s.file, ['tasks', i, 'planned'], task.planned)),
    ]),
  ];
}

/**
 * Words of a summary that says everything works ("wie gewohnt", "as usual"), for
 * `saysEverythingWorks`; `uneingeschränkt` is no disruption (`disruptionPattern` wants a word start).
 */
const worksPattern = /(?<!\p{L})(?:wie gewohnt|wie üblich|uneingeschränkt|normalbetrieb|normal verfügbar|as usual|normally)(?!\p{L})/iu;

/**
 * 1.2: whether a summary says that everything works: one of the "works as usual" sentences the
 * commands and the catalogue write, or words of it (`worksPattern`) and none of disruption.
 */
export function saysEverythingWorks(markdown: string): boolean {
  const text = plainText(markdown).trim();
  return usualSummaries().has(text) || (worksPattern.test(text) && !disruptionPattern.test(text));
}

/**
 * 1.2: a closure planned for a service (any status but `normal`: the town's status follows it) or
 * for a task (`deferred` or `unavailable`: it cannot be done), not over at the build time, while
 * the town's summary as written says everything works and no planned entry of the town overlaps
 * it: during the closure the town page would go on saying so. Named at the entry's status.
 */
export function plannedUnderQuietTownWarnings(ctx: WarningContext, town: Town): ContentWarning[] {
  if (!saysEverythingWorks(town.written.summary.markdown)) return [];
  const covered = (entry: Planned) => town.planned.some((own) => own.start < entry.end && own.end > entry.start);
  const check = (file: string, prefix: readonly (string | number)[], what: string, planned: readonly Planned[], closes: (status: StatusKey) => boolean) =>
    planned.flatMap((entry, i) => {
      if (!closes(entry.status) || entry.end <= ctx.site.builtAt || covered(entry)) return [];
      const path = [...prefix, i, 'status'];
      return [warningAt({ file, line: ctx.lineOf(file, path), field: fieldName(path) }, 'plannedUnderQuietTown', { found: entry.status, what, from: ctx.show(entry.from), town: town.slug })];
    });
  return town.services.flatMap((s) => [
    ...check(s.file, ['planned'], s.title, s.planned, (status) => status !== 'normal'),
    ...s.tasks.flatMap((task, i) => check(s.file, ['tasks', i, 'planned'], `${task.titleText} (${s.title})`, task.planned, (status) => status === 'deferred' || status === 'unavailable')),
  ]);
}

/** Every warning for a valid site, sorted like errors. */
export function checkWarnings(site: Site, lineOf: LineOf): ContentWarning[] {
  // Warnings are for editors: in their language, as check's errors are.
  const language = editorLanguage(site.settings.contentLanguage);
  const t = translator(language);
  const ctx: WarningContext = { site, lineOf, show: (value) => formatTime(value, site.settings.timezone, messagesOf(language)['lang.locale'], t) };
  const services = site.towns.flatMap((town) => town.services);
  const warnings = [
    ...staleWarnings(ctx),
    ...services.flatMap((s) => expectedWarnings(ctx, s)),
    ...services.flatMap((s) => alternativeWarnings(ctx, s)),
    ...site.towns.flatMap((town) => townStatusWarnings(ctx, town)),
    ...site.towns.flatMap((town) => townSummaryWarnings(ctx, town)),
    ...services.flatMap((s) => taskStatusWarnings(ctx, s)),
    ...site.towns.flatMap((town) => summaryKeptWarnings(ctx, town.file, town.status, town.summary.markdown)),
    ...services.flatMap((s) => summaryKeptWarnings(ctx, s.file, s.status, s.summary.markdown)),
    ...exampleWarnings(ctx),
    ...site.towns.flatMap((town) => channelValueWarnings(ctx, town.file, 'contacts', town.contacts)),
    ...services.flatMap((s) => channelValueWarnings(ctx, s.file, 'channels', s.channels)),
    ...site.towns.flatMap((town) => plannedWarnings(ctx, town)),
    ...site.towns.flatMap((town) => plannedUnderQuietTownWarnings(ctx, town)),
  ];
  return warnings.sort((a, b) => compareEnglish(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareEnglish(a.code, b.code));
}
