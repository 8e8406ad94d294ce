/**
 * `npm run ready` / `npx aushang ready`: what is still to prepare before the day, as a checklist
 * per town: ways of contact said to work but without a number or address (the town's contacts
 * and each service's channels, the very rule `check` warns about), legal pages still marked
 * `example: true`, the web editor's sign-in not set up, and no public address for the site.
 * Exit 0 when nothing is left, 1 otherwise (and when the content has errors).
 */
import type { MessageKey } from '../i18n/index.ts';
import type { Page, Service, Site, Town } from '../model/types.ts';
import { formatContentError, type ContentWarning } from '../schema/errors.ts';
import { CommandError, loadCurrent, runCommand, startSession, type CommandOptions, type Session } from './change.ts';

/** One open point: a message of the checklist. */
export interface ReadyItem {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** A town's open points, or the site's (`town` undefined). */
export interface ReadyGroup {
  town?: Town;
  items: ReadyItem[];
}

/** Where the site will be published: `url:` in site.yaml when the schema has it, else SITE_URL. */
export function publicAddress(site: Site, env: Record<string, string | undefined>): string | undefined {
  const url = (site.settings as unknown as Record<string, unknown>).url;
  if (typeof url === 'string' && url.trim() !== '') return url.trim();
  return env.SITE_URL?.trim() || undefined;
}

export function publicAddressMissing(site: Site, env: Record<string, string | undefined>): ReadyItem[] {
  return publicAddress(site, env) === undefined ? [{ key: 'ready.noAddress', params: {} }] : [];
}

/** A repository name that is still the guide's example (`beispiel/…`, `example/…`, `musterstadt/…`). */
const placeholderRepo = /beispiel|example|muster/i;

/** The web editor's sign-in: an `editor:` block with a real repository. */
export function editorSignInMissing(site: Site): ReadyItem[] {
  const editor = (site.settings as unknown as Record<string, unknown>).editor as { repo?: unknown } | undefined | false;
  if (!editor) return [{ key: 'ready.noEditor', params: {} }];
  if (typeof editor.repo === 'string' && placeholderRepo.test(editor.repo)) return [{ key: 'ready.editorPlaceholder', params: { repo: editor.repo } }];
  return [];
}

/** Legal pages (and any other page) still marked `example: true`. */
export function examplePages(pages: readonly Page[]): ReadyItem[] {
  const examples = pages.filter((page) => page.example);
  return examples.length === 0 ? [] : [{ key: 'ready.examplePages', params: { files: examples.map((page) => page.file).join(', ') } }];
}

/** The kinds of the ways of contact `check` warns about in a file (said to work, no value). */
function kindsWithoutValue(session: Session, warnings: readonly ContentWarning[], file: string): string[] {
  const kinds = warnings.filter((w) => w.file === file && w.code === 'channelNoValue').map((w) => String(w.params?.found));
  return [...new Set(kinds)].map((kind) => session.t(`channel.${kind}` as MessageKey));
}

/** The town's general contacts: none at all, or some without number or address. */
export function townContactsMissing(session: Session, town: Town, warnings: readonly ContentWarning[]): ReadyItem[] {
  if (town.contacts.length === 0) return [{ key: 'ready.noContacts', params: { file: town.file } }];
  const kinds = kindsWithoutValue(session, warnings, town.file);
  return kinds.length === 0 ? [] : [{ key: 'ready.contactsNoValue', params: { kinds: kinds.join(', '), file: town.file } }];
}

/** Services with a way of contact without number or address: how many, which kinds, the first few. */
export function serviceChannelsMissing(session: Session, town: Town, warnings: readonly ContentWarning[]): ReadyItem[] {
  const open = town.services.map((service: Service) => ({ service, kinds: kindsWithoutValue(session, warnings, service.file) })).filter((entry) => entry.kinds.length > 0);
  if (open.length === 0) return [];
  const counts = new Map<string, number>();
  for (const entry of open) for (const kind of entry.kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const shown = open.slice(0, 4).map((entry) => entry.service.slug);
  return [
    {
      key: 'ready.channelsNoValue',
      params: {
        count: open.length,
        total: town.services.length,
        kinds: [...counts].sort((a, b) => b[1] - a[1]).map(([kind, count]) => `${kind} ${count}`).join(', '),
        services: `${shown.join(', ')}${open.length > shown.length ? ', …' : ''}`,
        town: town.slug,
      },
    },
  ];
}

/** Every open point: the site's first, then each town's (towns sorted by name, as the site lists them). */
export function readiness(session: Session, site: Site, warnings: readonly ContentWarning[], env: Record<string, string | undefined>): ReadyGroup[] {
  return [
    { items: [...publicAddressMissing(site, env), ...editorSignInMissing(site), ...examplePages(site.pages)] },
    ...site.towns.map((town) => ({ town, items: [...townContactsMissing(session, town, warnings), ...serviceChannelsMissing(session, town, warnings)] })),
  ];
}

/** The checklist as lines; towns with nothing left are named together at the end. */
export function readyLines(session: Session, groups: readonly ReadyGroup[]): string[] {
  const lines: string[] = [];
  const done: string[] = [];
  for (const group of groups) {
    if (group.items.length === 0) {
      if (group.town) done.push(group.town.name);
      continue;
    }
    lines.push(group.town ? session.t('ready.town', { name: group.town.name, slug: group.town.slug }) : session.t('ready.site'));
    for (const item of group.items) lines.push(`  [ ] ${session.t(item.key, item.params)}`);
  }
  if (done.length > 0) lines.push(session.t('ready.done', { towns: done.join(', ') }));
  const open = groups.reduce((sum, group) => sum + group.items.length, 0);
  lines.push('', open === 0 ? session.t('ready.nothingLeft') : session.t(open === 1 ? 'ready.openOne' : 'ready.open', { count: open }));
  return lines;
}

export async function runReady(argv: readonly string[], settings: CommandOptions & { env?: Record<string, string | undefined> } = {}): Promise<number> {
  return runCommand(settings, async (ctx) => {
    const { session, positionals } = await startSession(argv, {}, settings, ctx, 'ready.help');
    if (positionals.length > 0) throw new CommandError('ready.help');
    const result = await loadCurrent(session);
    if (!result.ok) {
      throw new CommandError('ready.fixFirst', { count: result.errors.length }, result.errors.map((e) => formatContentError(e, session.language)));
    }
    const groups = readiness(session, result.site, result.warnings, settings.env ?? process.env);
    for (const line of readyLines(session, groups)) session.out(line);
    return groups.every((group) => group.items.length === 0) ? 0 : 1;
  });
}

if (import.meta.main) process.exitCode = await runReady(process.argv.slice(2));
