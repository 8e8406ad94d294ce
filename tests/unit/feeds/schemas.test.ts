/**
 * Issue 22, scope 4: the feeds against their official schemas, offline.
 * - CAP: every alert of `/cap.xml` against the OASIS CAP 1.2 XML schema (CAP-v1.2.xsd);
 * - Atom: `/feed.atom`, each town's and `/cap.xml` (an Atom feed of alerts) against RFC 4287's
 *   RELAX NG grammar, plus its two Schematron rules, which RELAX NG cannot express (a feed or
 *   each entry has an author; each entry has an alternate link or content);
 * - JSON Feed: `/feed.json` and each town's against the JSON Schema of JSON Feed 1.1 (the npm
 *   package jsonfeed-schema), with ajv.
 * Each validator is shown to refuse what it must, so a pass means something.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import jsonFeedSchema from 'jsonfeed-schema/schema-v1.1.json' with { type: 'json' };
import { describe, expect, test } from 'vitest';
import { translator } from '../../../src/i18n/index.ts';
import { atomFeed } from '../../../src/model/atom.ts';
import { capAlerts, capAlertXml, capFeed } from '../../../src/model/cap.ts';
import { jsonFeed } from '../../../src/model/json-feed.ts';
import { toJson } from '../../../src/model/api.ts';
import { createUrls } from '../../../src/model/urls.ts';
import { md, text } from '../support/content.ts';
import { schemaErrors } from '../../support/xml-schema.ts';
import { payload, testSite, urls } from '../support/small-site.ts';

const t = translator('de');

/** Each `<alert>…</alert>` of a CAP feed as a document of its own, as a CAP reader takes it. */
const alertDocuments = (xml: string) => [...xml.matchAll(/<alert xmlns="urn:oasis:names:tc:emergency:cap:1\.2">[\s\S]*?<\/alert>/g)].map((m) => `<?xml version="1.0" encoding="utf-8"?>\n${m[0]}`);

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'author'].includes(name) });
/** RFC 4287's Schematron rules (Appendix B), which the RELAX NG grammar only carries as notes. */
function schematronProblems(xml: string): string[] {
  const feed = parser.parse(xml).feed as { author?: unknown[]; entry?: { author?: unknown[]; content?: unknown; link?: { '@rel'?: string }[] }[] };
  const entries = feed.entry ?? [];
  const problems: string[] = [];
  if (!feed.author && entries.some((entry) => !entry.author)) problems.push('an atom:feed must have an atom:author unless all of its entries have one');
  entries.forEach((entry, i) => {
    if (!entry.content && !(entry.link ?? []).some((link) => link['@rel'] === undefined || link['@rel'] === 'alternate')) problems.push(`entry ${i}: needs an alternate link or content`);
  });
  return problems;
}

const hostile = () =>
  testSite({
    'site.yaml': text`
      title: 'Notfall ${payload}'
      operator: 'Kreis ${payload}'
    `,
    'towns/soest/index.md': md(`name: 'Soest ${payload}'\nkind: Stadt\nupdated: 2023-11-03 14:17\nstatus: limited\nsummary: 'Text \`<img src=x onerror=alert(1)>\` ]]> &'\nars: 059740040040\nincidents: [sit-2023]\n`),
  });

describe('CAP 1.2: the OASIS XML schema', () => {
  test('every alert of /cap.xml validates against CAP-v1.2.xsd', async () => {
    for (const site of [await testSite(), await hostile()]) {
      const alerts = alertDocuments(capFeed(site, urls));
      expect(alerts).toHaveLength(capAlerts(site, urls).length);
      expect(alerts.length).toBeGreaterThan(0);
      for (const alert of alerts) expect(await schemaErrors(alert, 'cap')).toEqual([]);
    }
  });

  test('an alert without ARS and one of a site without address validate too', async () => {
    const site = await testSite({ 'towns/soest/index.md': md('name: Soest\nkind: Stadt\nupdated: 2023-11-03 14:17\nstatus: unavailable\nsummary: Geschlossen.\n') });
    for (const address of [urls, createUrls({ base: '/' })]) {
      for (const alert of capAlerts(site, address)) expect(await schemaErrors(capAlertXml(alert), 'cap')).toEqual([]);
    }
  });

  test('the schema refuses what CAP 1.2 refuses', async () => {
    const [alert] = alertDocuments(capFeed(await testSite(), urls));
    expect(await schemaErrors(alert!, 'cap')).toEqual([]);
    const refused = async (broken: string) => (await schemaErrors(broken, 'cap')).join('\n');
    expect(await refused(alert!.replace(/(<sent>[^<]*)\+01:00</, '$1Z<'))).toMatch(/sent.*not accepted by the pattern|sent.*not a valid value/);
    expect(await refused(alert!.replace('<scope>Public</scope>', ''))).toMatch(/scope/);
    expect(await refused(alert!.replace('<category>Infra</category>', '<category>Outage</category>'))).toMatch(/category/);
    expect(await refused(alert!.replace('urn:oasis:names:tc:emergency:cap:1.2', 'urn:oasis:names:tc:emergency:cap:1.1'))).toMatch(/No matching global declaration|alert/);
  });
});

describe('Atom: RFC 4287’s RELAX NG grammar', () => {
  test('the site feed, each town’s and the CAP feed validate, and follow the Schematron rules', async () => {
    const site = await testSite();
    const feeds = [atomFeed(site, urls, t), ...site.towns.map((town) => atomFeed(site, urls, t, town)), capFeed(site, urls)];
    for (const feed of feeds) {
      expect(await schemaErrors(feed, 'atom')).toEqual([]);
      expect(schematronProblems(feed)).toEqual([]);
    }
  });

  test('hostile text: still valid Atom', async () => {
    const site = await hostile();
    for (const feed of [atomFeed(site, urls, t), capFeed(site, urls)]) expect(await schemaErrors(feed, 'atom')).toEqual([]);
  });

  test('the grammar and the rules refuse what RFC 4287 refuses', async () => {
    const feed = atomFeed(await testSite(), urls, t);
    expect((await schemaErrors(feed.replace(/<id>[^<]*<\/id>/, ''), 'atom')).length).toBeGreaterThan(0);
    expect((await schemaErrors(feed.replace(/<updated>[^<]*<\/updated>/, '<updated>3. November</updated>'), 'atom')).length).toBeGreaterThan(0);
    expect((await schemaErrors(feed.replace('<title', '<titel').replace(/<\/title>/, '</titel>'), 'atom')).length).toBeGreaterThan(0);
    expect(schematronProblems(feed.replace(/<author>[\s\S]*?<\/author>/, ''))).toEqual(['an atom:feed must have an atom:author unless all of its entries have one']);
  });
});

describe('JSON Feed 1.1: its JSON Schema', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(jsonFeedSchema);
  const problems = (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

  test('the site feed and each town’s validate', async () => {
    for (const site of [await testSite(), await hostile()]) {
      for (const town of [undefined, ...site.towns]) expect(problems(JSON.parse(toJson(jsonFeed(site, urls, t, town))))).toEqual([]);
    }
  });

  test('the schema refuses an item without id, a wrong version, a relative URL', async () => {
    const feed = JSON.parse(toJson(jsonFeed(await testSite(), urls, t)));
    expect(problems({ ...feed, items: [{ ...feed.items[0], id: undefined }] }).length).toBeGreaterThan(0);
    expect(problems({ ...feed, version: 'https://jsonfeed.org/version/2' }).length).toBeGreaterThan(0);
    expect(problems({ ...feed, home_page_url: '/soest/' })).toContain('/home_page_url must match format "uri"');
  });
});
