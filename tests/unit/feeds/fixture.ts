/** A small site for the feed tests: an open and a resolved incident, two towns, updates, keys. */
import { incident, md, service, site, text, town, type Files } from '../support/content.ts';
import { createUrls } from '../../../src/model/urls.ts';
import type { Site } from '../../../src/model/types.ts';

export const payload = '"><img src=x onerror=alert(1)> </script> ]]> & \u2028 Ende';

export const files: Files = {
  'site.yaml': text`
    title: Notfall-Informationen Test
    operator: Kreis Test
  `,
  'incidents/sit-2023.md': incident('updates:\n  - at: 2023-11-03 15:00\n    text: Noch *kein* Internet, siehe [Soest](/soest/).\n'),
  'incidents/hochwasser.md': md(text`
    title: Hochwasser
    started: 2023-07-01 10:00
    resolved: 2023-07-02
    updated: 2023-07-02
    summary: Vorbei.
  `),
  'towns/soest/index.md': town('Soest', 'ars: 059740040040\nincidents: [sit-2023]\nupdates:\n  - at: 2023-11-02\n    text: Erste Meldung.\n'),
  'towns/soest/buergerbuero.md': service('updates:\n  - at: 2023-11-03 10:00\n    text: Telefon geht wieder.\n'),
  'towns/werl/index.md': town('Werl').replace('status: limited', 'status: normal').replace('summary: Geöffnet.', 'summary: Alles normal.'),
};

export const urls = createUrls({ base: '/', site: 'https://notfall.example' });

export async function testSite(extra: Files = {}): Promise<Site> {
  return site({ ...files, ...extra });
}
