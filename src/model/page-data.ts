/**
 * What a page shows, computed outside its template (like Starlight's `generateRouteData`): its
 * title, description and "Stand", whether it is quiet (no "possibly outdated" note), one
 * breadcrumb trail (the visible breadcrumbs and the JSON-LD BreadcrumbList both come from it),
 * its facts, its structured data, its search record and the ids of the sections it has. The
 * templates (`src/components/views/`, `src/pages/`) only render this; `targets.ts` reads the
 * section ids from here for the link rule, so a link to `#links` is allowed exactly when the
 * page has that section. Unit-tested without a build (tests/unit/pages/page-data.test.ts).
 *
 * The section ids are decided in `page-sections.ts` from the content lists alone: the link rule
 * needs them before the site is derived, without what pages need to render (search, JSON-LD).
 */
import type { Translate } from '../i18n/index.ts';
import type { StatusKey } from '../schema/index.ts';
import { accessPages, groupTowns, isQuietService, isQuietSite, isQuietTown, latest, naturalCollator, reachContacts, type TownGrouping } from './derive.ts';
import { breadcrumbJsonLd, incidentJsonLd, plannedJsonLd, serviceJsonLd, townJsonLd } from './jsonld.ts';
import { openPlanned, townPlannedItems, type PlannedItem } from './planned-state.ts';
import { plainText } from '../core/markdown.ts';
import {
  homeSections,
  incidentSections,
  noticeSections,
  serviceSections,
  townSections,
  type HomeSection,
  type IncidentSection,
  type NoticeSection,
  type ServiceSection,
  type TownSection,
} from './page-sections.ts';
import { routes } from './routes.ts';
import { incidentRecord, searchExpander, serviceRecord, townRecord, type SearchRecord } from './search.ts';
import type { TimeValue } from '../core/time.ts';
import type { Channel, Incident, Service, Site, Town } from './types.ts';
import type { Urls } from './urls.ts';

export * from './page-sections.ts';

/** What the page functions need of a build's view (`getView()` gives all of it). */
export interface PageContext {
  site: Site;
  urls: Urls;
  t: Translate;
  /** A time as the site shows it. */
  time: (value: TimeValue) => string;
}

/** One step of a page's breadcrumb trail: its name and site path. */
export interface Crumb {
  name: string;
  path: string;
}

/** One row of a page's key facts (`Facts.astro`); only rows with a value are given. */
export interface Fact {
  label: string;
  status?: StatusKey;
  time?: TimeValue | undefined;
  text?: string | undefined;
  /** Site path of the page the text links to. */
  path?: string | undefined;
  /** The text is what editors wrote (a name, a kind), not an interface string. */
  content?: boolean;
}

/** What every content page gives its layout. */
export interface PageData<Section extends string> {
  /** The page's own title (the layout adds the site's). */
  title: string;
  description: string;
  /** The "Stand" the page shows. */
  updated: TimeValue;
  /** Nothing disrupted and no open incident: no "possibly outdated" note. */
  quiet: boolean;
  /** Home first, this page last. */
  trail: Crumb[];
  facts: Fact[];
  /** schema.org objects, the BreadcrumbList from `trail` last. */
  jsonLd: unknown[];
  search: SearchRecord;
  /** The ids of the page's sections, in page order. */
  sections: Section[];
}

/** A town's own feed, offered besides the site's. */
export interface PageFeed {
  title: string;
  /** The town's slug: its feed in each format is at `routes.townFeed(town, format)`. */
  town: string;
  /** Its RSS feed. */
  path: string;
}

const hasValue = (fact: Fact) => Boolean(fact.status || fact.time || fact.text);
const homeCrumb = (t: Translate): Crumb => ({ name: t('layout.home'), path: routes.home() });

export interface TownPage extends PageData<TownSection> {
  parent: Town | undefined;
  children: Town[];
  feed: PageFeed;
}

/** `/<town>/`. */
export function townPage(ctx: PageContext, town: Town): TownPage {
  const { site, t, urls } = ctx;
  const parent = town.parent ? site.town(town.parent) : undefined;
  const incidents = town.affectedBy.map((slug) => site.incident(slug)!);
  const trail = [homeCrumb(t), ...(parent ? [{ name: parent.name, path: parent.path }] : []), { name: town.name, path: town.path }];
  const facts: Fact[] = [
    { label: t('facts.status'), status: town.status },
    { label: t('facts.updated'), time: town.lastChange },
    { label: t('facts.kind'), text: town.kind, content: true },
    ...(parent ? [{ label: t('facts.parent'), text: parent.name, path: parent.path, content: true }] : []),
    ...incidents.map((i) => ({ label: t('facts.incident'), text: i.title, path: i.path, content: true })),
  ];
  return {
    title: town.name,
    description: plainText(town.summary.markdown),
    updated: town.lastChange,
    quiet: isQuietTown(site, town),
    trail,
    facts: facts.filter(hasValue),
    jsonLd: [townJsonLd(town, site, urls), breadcrumbJsonLd(trail, urls), ...plannedLd(ctx, town, () => true)],
    search: townRecord(town, t, ctx.time, searchExpander(site), site.builtAt),
    sections: townSections(town, site.towns),
    parent,
    children: town.children.map((slug) => site.town(slug)!),
    feed: townFeed(ctx, town),
  };
}

/** 1.2: the JSON-LD of a town's planned changes not over at the build time that `which` keeps (those the page lists). */
function plannedLd({ site, urls, t }: PageContext, town: Town, which: (item: PlannedItem) => boolean): unknown[] {
  return openPlanned(townPlannedItems(town), site.builtAt)
    .filter(which)
    .map((item) => plannedJsonLd(item, urls, t, site.settings.timezone));
}

function townFeed({ site, t }: PageContext, town: Town): PageFeed {
  return { title: t('feed.townTitle', { name: town.name, title: site.settings.title }), town: town.slug, path: routes.townFeed(town.slug) };
}

export interface ServicePage extends PageData<ServiceSection> {
  feed: PageFeed;
}

/** `/<town>/<service>/`. */
export function servicePage(ctx: PageContext, town: Town, service: Service): ServicePage {
  const { site, t, urls } = ctx;
  const incident = service.incident ? site.incident(service.incident) : undefined;
  const trail = [homeCrumb(t), { name: town.name, path: town.path }, { name: service.title, path: service.path }];
  const facts: Fact[] = [
    { label: t('facts.status'), status: service.status },
    { label: t('facts.updated'), time: service.lastChange },
    { label: t('facts.since'), time: service.since },
    { label: t('facts.expected'), time: service.expected },
    ...(incident ? [{ label: t('facts.incident'), text: incident.title, path: incident.path, content: true }] : []),
  ];
  return {
    title: `${service.title} – ${town.name}`,
    description: plainText(service.summary.markdown),
    updated: service.lastChange,
    quiet: isQuietService(site, town, service),
    trail,
    facts: facts.filter(hasValue),
    jsonLd: [serviceJsonLd(service, town, urls, t), breadcrumbJsonLd(trail, urls), ...plannedLd(ctx, town, (item) => item.service === service)],
    search: serviceRecord(service, town, t, ctx.time, searchExpander(site), site.builtAt),
    sections: serviceSections(service),
    feed: townFeed(ctx, town),
  };
}

export interface IncidentPage extends PageData<IncidentSection> {
  /** The affected towns, grouped as on the home page. */
  grouping: TownGrouping;
}

/** `/stoerungen/<incident>/`: quiet once resolved. Its trail is in its JSON-LD; the page shows no breadcrumbs. */
export function incidentPage(ctx: PageContext, incident: Incident): IncidentPage {
  const { site, t, urls } = ctx;
  const trail = [homeCrumb(t), { name: incident.title, path: incident.path }];
  const facts: Fact[] = [
    { label: t('facts.started'), time: incident.started },
    incident.resolved ? { label: t('facts.resolved'), time: incident.resolved } : { label: t('facts.resolved'), text: t('incident.ongoing') },
    { label: t('facts.updated'), time: incident.updated },
  ];
  return {
    title: incident.title,
    description: plainText(incident.summary.markdown),
    updated: incident.updated,
    quiet: incident.resolved !== undefined,
    trail,
    facts: facts.filter(hasValue),
    jsonLd: [incidentJsonLd(incident, site, urls, t), breadcrumbJsonLd(trail, urls)],
    search: incidentRecord(incident, ctx.time, searchExpander(site)),
    sections: incidentSections(incident),
    grouping: groupTowns(
      incident.towns.map((slug) => site.town(slug)!),
      site.town,
      naturalCollator(site.settings.locale),
    ),
  };
}

export interface NoticePage {
  title: string;
  description: string;
  quiet: boolean;
  incidents: Incident[];
  children: Town[];
  sections: NoticeSection[];
}

/** `/<town>/aushang/`: the town's notice for the notice board. */
export function noticePage({ site, t }: Pick<PageContext, 'site' | 't'>, town: Town): NoticePage {
  return {
    title: t('notice.title', { name: town.name }),
    description: plainText(town.summary.markdown),
    quiet: isQuietTown(site, town),
    incidents: town.affectedBy.map((slug) => site.incident(slug)!),
    children: town.children.map((slug) => site.town(slug)!),
    sections: noticeSections(town, site.towns),
  };
}

export interface HomePage {
  title: string;
  /** The newest "Stand" of every town and incident. */
  updated: TimeValue;
  /** No open incident and everything normal: the page says so, with how to reach the administration. */
  quiet: boolean;
  /** Ways to reach the administration on a quiet site (none otherwise). */
  reach: Channel[];
  /** Incidents not resolved. */
  current: Incident[];
  /** The pages in Leichte Sprache and Gebärdensprache. */
  access: ReturnType<typeof accessPages>;
  grouping: TownGrouping;
  sections: HomeSection[];
}

/** `/`. */
export function homePage({ site }: Pick<PageContext, 'site'>): HomePage {
  const { settings, towns, incidents } = site;
  const quiet = isQuietSite(site);
  return {
    title: settings.title,
    updated: latest([...towns.map((town) => town.lastChange), ...incidents.map((i) => i.updated)]),
    quiet,
    reach: quiet ? reachContacts(site) : [],
    current: incidents.filter((i) => !i.resolved),
    access: accessPages(site.pages),
    grouping: groupTowns(towns, site.town, naturalCollator(settings.locale)),
    sections: [...(quiet ? (['quiet'] as const) : []), ...homeSections()],
  };
}
