/**
 * Structured data (schema.org as JSON-LD) for search engines and assistive tools: a town is a
 * GovernmentOrganization with ContactPoints; services and incidents are SpecialAnnouncements;
 * every page below the home has a BreadcrumbList. `serializeJsonLd` makes the JSON safe inside
 * a <script> element whatever an editor wrote. 1.2: each planned change not over yet is a
 * SpecialAnnouncement of its own, with its window as `temporalCoverage` (`plannedJsonLd`).
 */
import type { Translate } from '../i18n/index.ts';
import { plainText } from '../core/markdown.ts';
import { isoInZone } from '../core/time.ts';
import type { Channel, Incident, Service, Site, Town } from './types.ts';
import type { PlannedItem } from './planned-state.ts';
import type { Urls } from './urls.ts';

type Json = Record<string, unknown>;

/** JSON for a <script type="application/ld+json">: `<`, `>`, `&` and line separators escaped. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The working phone, e-mail and fax channels; `contactType` names whom they reach. */
function contactPoints(channels: Channel[], contactType: string): Json[] {
  return channels
    .filter((c) => c.status !== 'unavailable' && (c.channel === 'phone' || c.channel === 'email' || c.channel === 'fax'))
    .flatMap((c) => {
      const point: Json = { '@type': 'ContactPoint', contactType };
      if (c.note) point.description = plainText(c.note.markdown);
      if (c.channel === 'phone' && c.href) point.telephone = c.href.replace(/^tel:/, '');
      else if (c.channel === 'email' && c.href) point.email = c.href.replace(/^mailto:/, '');
      else if (c.channel === 'fax' && c.value) point.faxNumber = c.value;
      else return [];
      if (c.hours) point.hoursAvailable = { '@type': 'OpeningHoursSpecification', description: c.hours };
      return [point];
    });
}

/** 1.2: an official key (`ARS`, `LeiKa`) as a schema.org PropertyValue. */
export function officialKey(propertyID: 'ARS' | 'LeiKa', value: string): Json {
  return { '@type': 'PropertyValue', propertyID, value };
}

function organization(town: Town, urls: Urls): Json {
  return {
    '@type': 'GovernmentOrganization',
    name: town.name,
    url: urls.public(town.path),
    ...(town.ars ? { identifier: officialKey('ARS', town.ars) } : {}),
  };
}

/** 1.2: the tasks with a LeiKa key, as the government services the announcement is about. */
function keyedTasks(service: Service): Json[] {
  return service.tasks.flatMap((task) => (task.leika ? [{ '@type': 'GovernmentService', name: task.titleText, identifier: officialKey('LeiKa', task.leika) }] : []));
}

export function townJsonLd(town: Town, site: Site, urls: Urls): Json {
  const parent = town.parent ? site.town(town.parent) : undefined;
  const points = contactPoints(town.contacts, town.name);
  return {
    '@context': 'https://schema.org',
    ...organization(town, urls),
    description: plainText(town.summary.markdown),
    ...(points.length > 0 ? { contactPoint: points } : {}),
    ...(parent ? { parentOrganization: organization(parent, urls) } : {}),
  };
}

export function serviceJsonLd(service: Service, town: Town, urls: Urls, t: Translate): Json {
  const points = contactPoints(service.channels, service.title);
  const about = keyedTasks(service);
  return {
    '@context': 'https://schema.org',
    '@type': 'SpecialAnnouncement',
    name: `${service.title} – ${town.name}: ${t(`status.${service.status}`)}`,
    text: plainText(service.summary.markdown),
    url: urls.public(service.path),
    datePosted: (service.since ?? service.updated).iso,
    dateModified: service.lastChange.iso,
    ...(service.expected ? { expires: service.expected.iso } : {}),
    category: t('jsonld.category'),
    announcementLocation: { ...organization(town, urls), ...(points.length > 0 ? { contactPoint: points } : {}) },
    ...(about.length > 0 ? { about } : {}),
  };
}

export function incidentJsonLd(incident: Incident, site: Site, urls: Urls, t: Translate): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'SpecialAnnouncement',
    name: incident.title,
    text: plainText(incident.summary.markdown),
    url: urls.public(incident.path),
    datePosted: incident.started.iso,
    dateModified: incident.updated.iso,
    ...(incident.resolved ? { expires: incident.resolved.iso } : {}),
    category: t('jsonld.category'),
    announcementLocation: incident.towns.map((slug) => organization(site.town(slug)!, urls)),
  };
}

/**
 * 1.2: a planned change (town, service or task) as a SpecialAnnouncement: its status in the name,
 * its summary as text, its window as `temporalCoverage` (an ISO 8601 interval, in the site's zone)
 * and `expires` at its end; posted with the last change of what it belongs to; its URL the entry
 * in the list of planned changes.
 */
export function plannedJsonLd(item: PlannedItem, urls: Urls, t: Translate, timeZone: string): Json {
  const { entry } = item;
  const what = [item.task?.titleText, item.service?.title, item.town.name].filter((part): part is string => part !== undefined).join(' – ');
  const end = isoInZone(entry.end, timeZone);
  return {
    '@context': 'https://schema.org',
    '@type': 'SpecialAnnouncement',
    name: `${what}: ${t(`status.${entry.status}`)}`,
    text: plainText(entry.summary.markdown),
    url: urls.public(item.listed),
    datePosted: (item.service ?? item.town).lastChange.iso,
    expires: end,
    temporalCoverage: `${isoInZone(entry.start, timeZone)}/${end}`,
    category: t('jsonld.category'),
    announcementLocation: organization(item.town, urls),
  };
}

/** Home › … › this page; each step `{ name, path }` with a site path. */
export function breadcrumbJsonLd(steps: { name: string; path: string }[], urls: Urls): Json {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: steps.map((step, i) => ({ '@type': 'ListItem', position: i + 1, name: step.name, item: urls.public(step.path) })),
  };
}
