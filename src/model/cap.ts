/**
 * 1.2: `/cap.xml`, the site's notices in the Common Alerting Protocol (OASIS CAP 1.2), the format
 * warning systems and aggregators read. One CAP document holds one `alert`, so the file is an
 * Atom feed (RFC 4287) whose entries each carry one whole `alert` as their content
 * (`type="application/cap+xml"`), as CAP feeds do:
 *
 * - one alert per open incident: what happened, with one `area` per town it affects;
 * - one alert per town whose status is not `normal`: how the administration works there, with
 *   the services that are disrupted.
 *
 * Each alert: `identifier` `<sender>-<kind>-<slug>-<time of the change>` (a new identifier for
 * every change: an alert is never rewritten), `sender` the site's host, `sent` the "Stand" with
 * the site's offset, `status Actual`, `msgType Alert`, `scope Public`, and one `info` in the
 * content language: `category Infra`, urgency `Immediate` (it concerns what a citizen does
 * today), severity `Minor` (a disrupted office is no threat to life or property), certainty
 * `Observed`, `headline`, `description`, `web`, and `area` with `areaDesc` (the town's name) and
 * `geocode` `ARS` where the town has `ars`. A resolved incident and a town back to normal have no
 * alert: the feed lists what holds now.
 */
import { translator, type Translate } from '../i18n/index.ts';
import { feedTime } from './atom.ts';
import { escapeHtml } from './html.ts';
import { plainText } from '../core/markdown.ts';
import { latest } from './derive.ts';
import type { Incident, Site, Town } from './types.ts';
import { isoInZone, type TimeValue } from '../core/time.ts';
import { routes } from './routes.ts';
import type { Urls } from './urls.ts';
import { attributesOf, element } from './xml.ts';

export const capNamespace = 'urn:oasis:names:tc:emergency:cap:1.2';

export interface CapArea {
  areaDesc: string;
  /** The Amtlicher Regionalschlüssel, when the town has one. */
  ars?: string;
}

/** One CAP alert with its one `info`, as plain data (serialised by `capAlertXml`). */
export interface CapAlert {
  identifier: string;
  sender: string;
  sent: string;
  /** Slugs of the incidents it belongs to. */
  incidents: string[];
  language: string;
  event: string;
  senderName: string;
  headline: string;
  description: string;
  web: string;
  areas: CapArea[];
}

/** The sender: the site's host (`notfall.kreis-soest.de`), which has no spaces, commas, `<` or `&`. */
export function capSender(urls: Urls): string {
  return new URL(urls.canonical(routes.home())).host;
}

const compact = (iso: string) => iso.slice(0, 19).replace(/[-:]/g, '');

function area(town: Town): CapArea {
  return { areaDesc: town.name, ...(town.ars ? { ars: town.ars } : {}) };
}

function base(site: Site, urls: Urls, kind: 'stoerung' | 'ort', slug: string, at: TimeValue) {
  const sender = capSender(urls);
  const sent = feedTime(at, site.settings.timezone);
  return { identifier: `${sender}-${kind}-${slug}-${compact(sent)}`, sender, sent, language: site.settings.contentLanguage, senderName: site.settings.operator };
}

export function incidentAlert(site: Site, urls: Urls, t: Translate, incident: Incident): CapAlert {
  const at = latest([incident.updated, ...incident.updates.map((u) => u.at)]);
  const newest = incident.updates[0];
  return {
    ...base(site, urls, 'stoerung', incident.slug, at),
    incidents: [incident.slug],
    event: t('cap.incidentEvent'),
    headline: incident.title,
    description: [plainText(incident.summary.markdown), ...(newest ? [plainText(newest.text.markdown)] : [])].join('\n\n'),
    web: urls.canonical(routes.incident(incident.slug)),
    areas: incident.towns.flatMap((slug) => {
      const town = site.town(slug);
      return town ? [area(town)] : [];
    }),
  };
}

export function townAlert(site: Site, urls: Urls, t: Translate, town: Town): CapAlert {
  const disrupted = town.services.filter((s) => s.status !== 'normal');
  return {
    ...base(site, urls, 'ort', town.slug, town.lastChange),
    incidents: town.affectedBy.filter((slug) => !site.incident(slug)?.resolved),
    event: t('cap.townEvent'),
    headline: `${town.name}: ${t(`status.${town.status}`)}`,
    description: [
      plainText(town.summary.markdown),
      ...disrupted.map((s) => `${s.title}: ${t(`status.${s.status}`)}. ${plainText(s.summary.markdown)}`),
    ].join('\n\n'),
    web: urls.canonical(routes.town(town.slug)),
    areas: [area(town)],
  };
}

/** The alerts that hold now: open incidents (newest start first), then disrupted towns by name. */
export function capAlerts(site: Site, urls: Urls): CapAlert[] {
  const t = translator(site.settings.contentLanguage);
  return [
    ...site.incidents.filter((i) => !i.resolved).map((i) => incidentAlert(site, urls, t, i)),
    ...site.towns.filter((town) => town.status !== 'normal').map((town) => townAlert(site, urls, t, town)),
  ];
}

/** One alert as CAP 1.2 XML, in the schema's element order, indented by `indent`. */
export function capAlertXml(alert: CapAlert, indent = ''): string {
  const i1 = `${indent}  `;
  const i2 = `${i1}  `;
  const i3 = `${i2}  `;
  const lines = [
    `${indent}<alert xmlns="${capNamespace}">`,
    `${i1}${element('identifier', alert.identifier)}`,
    `${i1}${element('sender', alert.sender)}`,
    `${i1}${element('sent', alert.sent)}`,
    `${i1}<status>Actual</status>`,
    `${i1}<msgType>Alert</msgType>`,
    `${i1}<scope>Public</scope>`,
    ...(alert.incidents.length > 0 ? [`${i1}${element('incidents', alert.incidents.join(' '))}`] : []),
    `${i1}<info>`,
    `${i2}${element('language', alert.language)}`,
    `${i2}<category>Infra</category>`,
    `${i2}${element('event', alert.event)}`,
    `${i2}<urgency>Immediate</urgency>`,
    `${i2}<severity>Minor</severity>`,
    `${i2}<certainty>Observed</certainty>`,
    `${i2}${element('senderName', alert.senderName)}`,
    `${i2}${element('headline', alert.headline)}`,
    `${i2}${element('description', alert.description)}`,
    `${i2}${element('web', alert.web)}`,
    ...alert.areas.flatMap((a) => [
      `${i2}<area>`,
      `${i3}${element('areaDesc', a.areaDesc)}`,
      ...(a.ars ? [`${i3}<geocode>${element('valueName', 'ARS')}${element('value', a.ars)}</geocode>`] : []),
      `${i2}</area>`,
    ]),
    `${i1}</info>`,
    `${indent}</alert>`,
  ];
  return lines.join('\n');
}

/** `/cap.xml`: an Atom feed with one entry per alert, each entry's content the alert. */
export function capFeed(site: Site, urls: Urls): string {
  const alerts = capAlerts(site, urls);
  const newest = alerts.map((a) => a.sent).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${attributesOf({ 'xml:lang': site.settings.contentLanguage })}>`,
    `  ${element('id', urls.canonical(routes.cap()))}`,
    `  ${element('title', escapeHtml(`${site.settings.title} (CAP)`), { type: 'html' })}`,
    `  ${element('updated', newest ?? isoInZone(site.builtAt, site.settings.timezone))}`,
    `  <author>${element('name', site.settings.operator)}</author>`,
    `  <link${attributesOf({ rel: 'self', href: urls.canonical(routes.cap()) })}/>`,
    `  <link${attributesOf({ rel: 'alternate', type: 'text/html', href: urls.canonical(routes.home()) })}/>`,
    ...alerts.map((alert) =>
      [
        '  <entry>',
        `    ${element('id', `${alert.web}#cap-${compact(alert.sent)}`)}`,
        `    ${element('title', escapeHtml(alert.headline), { type: 'html' })}`,
        `    ${element('updated', alert.sent)}`,
        `    <link${attributesOf({ rel: 'alternate', type: 'text/html', href: alert.web })}/>`,
        '    <content type="application/cap+xml">',
        capAlertXml(alert, '      '),
        '    </content>',
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}
