/**
 * The small sites of the unit tests of the model's outputs, written once: feeds, JSON-LD and
 * search records (`smallSite`), the feed formats (`feedSite`, with `payload` and `testSite`) and
 * the JSON API (`apiSite`). They share the site's settings, a resolved incident and the district;
 * each has what its tests assert on: an ongoing incident that affects Soest, Soest with its
 * Bürgerbüro, and Werl, a town without services.
 */
import { createUrls } from '../../../src/model/urls.ts';
import type { Site } from '../../../src/model/types.ts';
import { incident, md, service, site, text, town, type Files } from './content.ts';

/** site.yaml: title and operator only. */
const settings = text`
  title: Notfall-Informationen Test
  operator: Kreis Test
`;

/** An incident that is over and affects nobody. */
const hochwasser = md(text`
  title: Hochwasser
  started: 2023-07-01 10:00
  resolved: 2023-07-02
  updated: 2023-07-02
  summary: Vorbei.
`);

/** The district Soest belongs to, with a status of its own. */
const kreisTest = md(text`
  name: Kreis Test
  kind: Kreis
  updated: 2023-11-02
  status: normal
  summary: Alles normal.
`);

/**
 * A district with one town that has contacts, updates and two services, a town of its own, an
 * ongoing incident that affects the town and a resolved one that affects nobody.
 */
export const smallSite: Files = {
  'site.yaml': settings,
  'incidents/sit-2023.md': md(text`
    title: Cyberangriff
    started: 2023-10-30
    updated: 2023-11-03 14:17
    summary: Die IT der Verwaltung ist **ausgefallen**.
    updates:
      - at: 2023-11-03 15:00
        text: Noch kein Internet im Rathaus.
  `),
  'incidents/hochwasser.md': hochwasser,
  'towns/kreis-test/index.md': kreisTest,
  'towns/soest/index.md': md(text`
    name: Soest
    kind: Stadt
    parent: kreis-test
    incidents: [sit-2023]
    updated: 2023-11-03 14:17
    summary: Das Rathaus ist *geöffnet*.
    contacts:
      - channel: phone
        status: normal
        value: 02921 103-0
        note: Zentrale
      - channel: email
        status: unavailable
        value: rathaus@soest.de
      - channel: fax
        status: limited
        value: 02921 103-99
        hours: Mo–Fr 8–12 Uhr
    updates:
      - at: 2023-11-01
        text: Die erste Meldung des Rathauses. Mehr folgt.
  `),
  'towns/soest/buergerbuero.md': md(text`
    title: Bürgerbüro
    status: limited
    updated: 2023-11-03 14:17
    summary: Geschlossen, telefonisch erreichbar.
    since: 2023-10-30
    expected: 2023-11-06
    incident: sit-2023
    channels:
      - channel: phone
        status: normal
        value: 02921 103-2127
        hours: zu den üblichen Öffnungszeiten
    tasks:
      - title: Personalausweis beantragen
        status: unavailable
      - title: Wohnsitz ummelden
        status: deferred
    keywords: [Perso]
    updates:
      - at: 2023-11-04 09:30
        text: Ab Montag geöffnet.
    order: 1
  `),
  'towns/soest/abfall.md': md(text`
    title: Abfall
    status: normal
    updated: 2023-07-01 10:00
    summary: Wie gewohnt.
    order: 2
  `),
  'towns/werl/index.md': md(text`
    name: Werl
    kind: Stadt
    updated: 2023-10-01
    status: normal
    summary: Alles normal.
  `),
};

/** A text with every character that could break XML, JSON or HTML. */
export const payload = '"><img src=x onerror=alert(1)> </script> ]]> & \u2028 Ende';

/** For the feed formats: an open and a resolved incident, two towns, updates, an official key. */
export const feedSite: Files = {
  'site.yaml': settings,
  'incidents/sit-2023.md': incident('updates:\n  - at: 2023-11-03 15:00\n    text: Noch *kein* Internet, siehe [Soest](/soest/).\n'),
  'incidents/hochwasser.md': hochwasser,
  'towns/soest/index.md': town('Soest', 'ars: 059740040040\nincidents: [sit-2023]\nupdates:\n  - at: 2023-11-02\n    text: Erste Meldung.\n'),
  'towns/soest/buergerbuero.md': service('updates:\n  - at: 2023-11-03 10:00\n    text: Telefon geht wieder.\n'),
  'towns/werl/index.md': town('Werl').replace('status: limited', 'status: normal').replace('summary: Geöffnet.', 'summary: Alles normal.'),
};

/** Absolute URLs, as the feeds have them. */
export const urls = createUrls({ base: '/', site: 'https://notfall.example' });

/** The feed site, with files added or replaced. */
export async function testSite(extra: Files = {}): Promise<Site> {
  return site({ ...feedSite, ...extra });
}

/**
 * For the JSON API: a site-wide contact, Soest with a postal address, links, two updates and a
 * body that links inside the site, a Bürgerbüro with a body, a closed service, and the page the
 * body links to.
 */
export const apiSite: Files = {
  'site.yaml': `${settings}contacts:
  - channel: phone
    status: normal
    value: 02921 30-0
    note: Bürgertelefon
`,
  'incidents/sit-2023.md': incident('updates:\n  - at: 2023-11-03 15:00\n    text: Noch *kein* Internet.\n'),
  'incidents/hochwasser.md': hochwasser,
  'towns/kreis-test/index.md': kreisTest,
  'towns/soest/index.md': md(
    text`
      name: Soest
      kind: Stadt
      parent: kreis-test
      incidents: [sit-2023]
      updated: 2023-11-03 14:17
      summary: Das Rathaus ist geöffnet, siehe [Bürgerbüro](/soest/buergerbuero/).
      contacts:
        - channel: post
          status: normal
          value: |
            Rathaus Soest
            Am Vreithof 8
            59494 Soest
        - channel: email
          status: unavailable
          note: E-Mails kommen **nicht** an.
      links:
        - title: Ratsinformationssystem
          url: https://www.soest.sitzung-online.de
      updates:
        - at: 2023-11-01
          text: Erste Meldung.
        - at: 2023-11-03 14:17
          text: Zweite Meldung.
    `,
    '## Rathaus\n\nDas Rathaus ist **nicht geschlossen**. [Impressum](/impressum/)\n',
  ),  'towns/soest/buergerbuero.md': md(
    text`
      title: Bürgerbüro
      status: limited
      updated: 2023-11-03 14:17
      summary: Geschlossen, telefonisch erreichbar.
      since: 2023-10-30
      expected: 2023-11-06
      incident: sit-2023
      channels:
        - channel: phone
          status: normal
          value: 02921 / 103-2127
          hours: zu den üblichen Öffnungszeiten
      tasks:
        - title: Personalausweis *beantragen*
          status: unavailable
        - title: Wohnsitz ummelden
          status: deferred
          note: Wird angenommen, später bearbeitet.
      keywords: [Perso, Ausweis]
      updates:
        - at: 2023-11-04 09:30
          text: Ab Montag geöffnet.
      order: 1
    `,
    '# Öffnung\n\nAb **6. November**.\n',
  ),  'towns/soest/abfall.md': md(text`
    title: Abfall
    status: unavailable
    updated: 2023-07-01 10:00
    summary: Keine Abholung.
  `),  // The body of Soest links here: links inside the site must resolve.
  'pages/impressum.md': md('title: Impressum'),
};
