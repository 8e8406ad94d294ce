/**
 * Every path the build makes, with the anchors (`id`s) each page carries: what a site-relative
 * link in content may point at (content format 1.1). Paths are site paths without the base path
 * (`/werl/buergerbuero/`), as editors write them; the renderer adds `BASE_PATH`.
 *
 * The anchors are those the views put on their sections, under the same conditions (a town's
 * `#links` only when it has links), plus the ids the model gives tasks (`#anliegen-…`) and
 * updates (`#neu-20231103-1417`). Headings inside a Markdown body get no id, so they are no
 * target. When a view gains an `id`, it is added here too (tests/unit/content/links.test.ts
 * compares this list with a built site).
 */
import { schemaNames } from './api.ts';
import { azGroups } from './derive.ts';
import { builtRootFiles, builtTownFiles } from './feeds.ts';
import type { SourceFile } from './read.ts';
import type { Incident, IndexEntry, Page, Redirect, Service, Town, Update } from './types.ts';

/** Anchors of a page, or `any` for a page whose file has errors (its anchors are not known yet). */
export type Anchors = ReadonlySet<string> | 'any';
export type Targets = ReadonlyMap<string, Anchors>;

/** The page a content file makes: where its relative links would be resolved. */
export function ownPath(source: Pick<SourceFile, 'kind' | 'slug' | 'town'>): string {
  switch (source.kind) {
    case 'site':
      return '/';
    case 'town':
    case 'page':
      return `/${source.slug}/`;
    case 'service':
      return `/${source.town}/${source.slug}/`;
    case 'incident':
      return `/stoerungen/${source.slug}/`;
  }
}

export interface TargetInput {
  towns: readonly Town[];
  pages: readonly Page[];
  incidents: readonly Incident[];
  redirects: readonly Redirect[];
  index: readonly IndexEntry[];
  /** The site has contacts: every page's footer has `#site-contacts`. */
  siteContacts: boolean;
  /** Every file that was read, also those with errors: links to them are not reported again. */
  sources: readonly Pick<SourceFile, 'kind' | 'slug' | 'town'>[];
}

const updateAnchors = (updates: readonly Update[]) => updates.map((u) => u.id);
const when = (condition: boolean, ...ids: string[]) => (condition ? ids : []);

function townAnchors(town: Town, towns: readonly Town[]): string[] {
  const parent = towns.find((t) => t.slug === town.parent);
  return [
    ...when(town.contacts.length > 0, 'contacts'),
    ...when(town.services.length > 0, 'services'),
    'updates',
    ...updateAnchors(town.updates),
    ...when(town.links.length > 0, 'links'),
    ...when((parent?.services.length ?? 0) > 0, 'parent-services'),
    ...when(towns.some((t) => t.parent === town.slug), 'children'),
    ...when(town.body.markdown.trim() !== '', 'details'),
  ];
}

function noticeAnchors(town: Town, towns: readonly Town[]): string[] {
  return [
    ...when(town.contacts.length > 0, 'contacts'),
    ...when(town.services.length > 0, 'services'),
    ...when(towns.some((t) => t.parent === town.slug), 'children'),
  ];
}

function serviceAnchors(service: Service): string[] {
  return [
    'channels',
    ...when(service.tasks.length > 0, 'tasks'),
    ...service.tasks.map((t) => t.id),
    ...when(service.body.markdown.trim() !== '', 'details'),
    ...when(service.updates.length > 0, 'updates'),
    ...updateAnchors(service.updates),
  ];
}

function incidentAnchors(incident: Incident): string[] {
  return [
    'towns',
    ...when(incident.updates.length > 0, 'updates'),
    ...updateAnchors(incident.updates),
    ...when(incident.body.markdown.trim() !== '', 'details'),
  ];
}

/** Every path of the build with its anchors. */
export function linkTargets(input: TargetInput): Targets {
  const targets = new Map<string, Anchors>();
  // Every HTML page has the skip link's target, and the footer's contacts when there are any.
  const html = (path: string, ids: string[] = []) => targets.set(path, new Set(['main', ...when(input.siteContacts, 'site-contacts'), ...ids]));
  const file = (path: string) => targets.set(path, new Set());
  // The notice for the notice board has a layout of its own: no skip link, no footer.
  const notice = (path: string, ids: string[]) => targets.set(path, new Set(ids));

  for (const source of input.sources) {
    targets.set(ownPath(source), 'any');
    if (source.kind === 'service') targets.set(`/${source.town}/`, 'any');
  }
  html('/', ['incidents', 'towns']);
  html('/suche/');
  const { split, groups } = azGroups(input.index);
  html('/anliegen/', split ? [] : groups.map((g) => `buchstabe-${g.slug}`));
  if (split) {
    for (const group of groups) {
      html(`/anliegen/${group.slug}/`);
      for (let page = 2; page <= group.pages.length; page++) html(`/anliegen/${group.slug}/${page}/`);
    }
  }
  for (const page of input.pages) html(`/${page.slug}/`);
  for (const incident of input.incidents) html(`/stoerungen/${incident.slug}/`, incidentAnchors(incident));
  // 1.2: the list of every incident, open and resolved.
  html('/stoerungen/', ['current', 'past']);
  for (const town of input.towns) {
    html(`/${town.slug}/`, townAnchors(town, input.towns));
    notice(`/${town.slug}/aushang/`, noticeAnchors(town, input.towns));
    file(`/${town.slug}/feed.xml`);
    // 1.2: the town's other feeds and its badge.
    for (const name of builtTownFiles) file(`/${town.slug}/${name}`);
    file(`/api/v1/towns/${town.slug}.json`);
    for (const service of town.services) html(`/${town.slug}/${service.slug}/`, serviceAnchors(service));
  }
  // A redirect page sends the browser on, without keeping an anchor of its own.
  for (const redirect of input.redirects) if (!targets.has(redirect.from)) file(redirect.from);
  for (const path of ['/feed.xml', '/robots.txt', '/api/v1/towns.json', '/api/v1/incidents.json']) file(path);
  for (const path of builtRootFiles) file(path);
  for (const name of schemaNames) file(`/api/v1/schema/${name}.json`);
  return targets;
}
