/**
 * Every path the build makes, with the anchors (`id`s) each page carries: what a site-relative
 * link in content may point at (content format 1.1). Paths are site paths without the base path
 * (`/werl/buergerbuero/`), as editors write them; the renderer adds `BASE_PATH`.
 *
 * The anchors are the section ids the pages have (`page-sections.ts` decides them, the views render
 * them: a town's `#links` only when it has links), plus the ids the model gives tasks
 * (`#anliegen-…`) and updates (`#neu-20231103-1417`). Headings inside a Markdown body get no id,
 * so they are no target. tests/unit/content/links.test.ts compares this list with a built site.
 */
import { builtRootFiles, builtTownFiles, routes, schemaNames } from './routes.ts';
import { azGroups } from './derive.ts';
import { historyPath } from './history.ts';
import type { SourceFile } from './read.ts';
import { homeSections, incidentSections, noticeSections, serviceSections, townSections } from './page-sections.ts';
import type { Incident, IndexEntry, Page, Redirect, Town, Update } from './types.ts';

/** Anchors of a page, or `any` for a page whose file has errors (its anchors are not known yet). */
export type Anchors = ReadonlySet<string> | 'any';
export type Targets = ReadonlyMap<string, Anchors>;

/** The page a content file makes: where its relative links would be resolved. */
export function ownPath(source: Pick<SourceFile, 'kind' | 'slug' | 'town'>): string {
  switch (source.kind) {
    case 'site':
      return routes.home();
    case 'town':
      return routes.town(source.slug);
    case 'page':
      return routes.page(source.slug);
    case 'service':
      return routes.service(source.town!, source.slug);
    case 'incident':
      return routes.incident(source.slug);
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

/**
 * A page's anchors: its section ids (from `page-data.ts`, as the page shows them), each followed
 * by the ids of what the section lists (the updates after `updates`, the tasks after `tasks`).
 */
function anchorsOf(sections: readonly string[], listed: { updates?: readonly Update[]; tasks?: readonly { id: string }[] }): string[] {
  return sections.flatMap((id) => {
    if (id === 'updates') return [id, ...(listed.updates ?? []).map((u) => u.id)];
    if (id === 'tasks') return [id, ...(listed.tasks ?? []).map((task) => task.id)];
    return [id];
  });
}

/** Every path of the build with its anchors. */
export function linkTargets(input: TargetInput): Targets {
  const targets = new Map<string, Anchors>();
  // Every HTML page has the skip link's target, and the footer's contacts when there are any.
  const html = (path: string, ids: string[] = []) => targets.set(path, new Set(['main', ...(input.siteContacts ? ['site-contacts'] : []), ...ids]));
  const file = (path: string) => targets.set(path, new Set());
  // The notice for the notice board has a layout of its own: no skip link, no footer.
  const notice = (path: string, ids: string[]) => targets.set(path, new Set(ids));

  for (const source of input.sources) {
    targets.set(ownPath(source), 'any');
    if (source.kind === 'service') targets.set(routes.town(source.town!), 'any');
  }
  html(routes.home(), homeSections());
  html(routes.search());
  const { split, groups } = azGroups(input.index);
  html(routes.az(), split ? [] : groups.map((g) => routes.azLetterId(g.slug)));
  if (split) {
    for (const group of groups) {
      for (let page = 1; page <= group.pages.length; page++) html(routes.az(group.slug, page));
    }
  }
  for (const page of input.pages) html(page.path);
  for (const incident of input.incidents) html(incident.path, anchorsOf(incidentSections(incident), incident));
  // 1.2: the list of every incident, open and resolved.
  html(historyPath, ['current', 'past']);
  for (const town of input.towns) {
    html(town.path, anchorsOf(townSections(town, input.towns), town));
    notice(routes.notice(town.slug), noticeSections(town, input.towns));
    file(routes.townFeed(town.slug));
    // 1.2: the town's other feeds and its badge.
    for (const name of builtTownFiles) file(routes.file(`${town.slug}/${name}`));
    file(routes.api.town(town.slug));
    for (const service of town.services) html(service.path, anchorsOf(serviceSections(service), service));
  }
  // A redirect page sends the browser on, without keeping an anchor of its own.
  for (const redirect of input.redirects) if (!targets.has(redirect.from)) file(redirect.from);
  for (const path of [routes.feed(), routes.robots(), routes.api.towns(), routes.api.incidents()]) file(path);
  for (const path of builtRootFiles) file(path);
  for (const name of schemaNames) file(routes.api.schema(name));
  return targets;
}
