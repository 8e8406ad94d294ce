/**
 * A small site for the unit tests of the model's outputs (feeds, JSON-LD, search records): a
 * district with one town that has contacts, updates and two services, a town of its own, an
 * ongoing incident that affects the town and a resolved one that affects nobody.
 */
import { md, text, type Files } from '../support/content.ts';

export const smallSite: Files = {
  'site.yaml': text`
    title: Notfall-Informationen Test
    operator: Kreis Test
  `,
  'incidents/sit-2023.md': md(text`
    title: Cyberangriff
    started: 2023-10-30
    updated: 2023-11-03 14:17
    summary: Die IT der Verwaltung ist **ausgefallen**.
    updates:
      - at: 2023-11-03 15:00
        text: Noch kein Internet im Rathaus.
  `),
  'incidents/hochwasser.md': md(text`
    title: Hochwasser
    started: 2023-07-01 10:00
    resolved: 2023-07-02
    updated: 2023-07-02
    summary: Vorbei.
  `),
  'towns/kreis-test/index.md': md(text`
    name: Kreis Test
    kind: Kreis
    updated: 2023-11-02
    status: normal
    summary: Alles normal.
  `),
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
