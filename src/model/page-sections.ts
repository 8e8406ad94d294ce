/**
 * The ids of the sections each page has, in page order, and when it has them: the pages
 * (`page-data.ts`, then the views) and the link rule (`targets.ts`) both read them here, so a
 * link to `#links` is allowed exactly when the town page shows its links. Decided from the
 * content lists alone (`townSections(town, towns)`): the link rule runs before the site is derived.
 * A section every page of its kind has (a town's `updates`, a service's `channels`, an incident's
 * `towns`) is listed first or always, and its view renders it without a condition.
 */
import type { MarkdownText } from '../core/markdown.ts';
import type { Incident, Service, Town } from './types.ts';

export type TownSection = 'contacts' | 'services' | 'updates' | 'links' | 'parent-services' | 'children' | 'details';
export type ServiceSection = 'channels' | 'tasks' | 'details' | 'updates';
export type IncidentSection = 'towns' | 'updates' | 'details';
export type NoticeSection = 'contacts' | 'services' | 'children';
export type HomeSection = 'quiet' | 'incidents' | 'towns';

const when = <T extends string>(condition: boolean, id: T): T[] => (condition ? [id] : []);
const hasBody = (body: MarkdownText) => body.markdown.trim() !== '';
const hasChildren = (town: Pick<Town, 'slug'>, towns: readonly Pick<Town, 'parent'>[]) => towns.some((t) => t.parent === town.slug);

/**
 * The sections of the home page a link may name. The home page also has `quiet` while the whole
 * site is quiet (`homePage()`): that one comes and goes with the notices, so no link may rely on it.
 */
export function homeSections(): HomeSection[] {
  return ['incidents', 'towns'];
}

/** The sections of a town page: `towns` are all towns (its parent and children are found there). */
export function townSections(town: Town, towns: readonly Town[]): TownSection[] {
  const parent = towns.find((t) => t.slug === town.parent);
  return [
    ...when(town.contacts.length > 0, 'contacts'),
    ...when(town.services.length > 0, 'services'),
    'updates',
    ...when(town.links.length > 0, 'links'),
    ...when((parent?.services.length ?? 0) > 0, 'parent-services'),
    ...when(hasChildren(town, towns), 'children'),
    ...when(hasBody(town.body), 'details'),
  ];
}

export function serviceSections(service: Service): ServiceSection[] {
  return ['channels', ...when(service.tasks.length > 0, 'tasks'), ...when(hasBody(service.body), 'details'), ...when(service.updates.length > 0, 'updates')];
}

export function incidentSections(incident: Incident): IncidentSection[] {
  return ['towns', ...when(incident.updates.length > 0, 'updates'), ...when(hasBody(incident.body), 'details')];
}

/** The sections of a town's printable notice (`/<town>/aushang/`). */
export function noticeSections(town: Town, towns: readonly Town[]): NoticeSection[] {
  return [...when(town.contacts.length > 0, 'contacts'), ...when(town.services.length > 0, 'services'), ...when(hasChildren(town, towns), 'children')];
}
