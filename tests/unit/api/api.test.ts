/**
 * The JSON API builders (src/model/api.ts) and their schemas (src/model/api-shape.ts): what each file
 * contains, times, URLs in every mode, Markdown texts, determinism, and that the schemas are
 * strict enough to catch mistakes.
 */
import { describe, expect, test } from 'vitest';
import { incidentsDocument, toJson, townDocument, townsDocument } from '../../../src/model/api.ts';
import { createRenderer } from '../../../src/core/markdown.ts';
import { seededRandom } from '../../support/random.ts';
import { routes } from '../../../src/model/routes.ts';
import { apiSchemas, apiShapes } from '../../../src/model/api-shape.ts';
import { createUrls } from '../../../src/model/urls.ts';
import type { Site } from '../../../src/model/types.ts';
import { md, site as loadSite } from '../support/content.ts';
import { apiSite as files } from '../support/small-site.ts';
import { collect, htmlLinks, texts, validators } from './validate.ts';

const plain = createUrls({ base: '/' });
const below = createUrls({ base: '/notfall/' });
const absolute = createUrls({ base: '/notfall/', site: 'https://notfall.example/notfall' });

const schemas = validators(apiSchemas);

/** Every URL field of a document. */
const urlsOf = (doc: unknown) =>
  collect(doc, ['url', 'apiUrl', '$schema']).filter((u) => !u.path.includes('/links/')).map((u) => String(u.value));

async function documents(site: Site, urls = plain) {
  return {
    towns: townsDocument(site, urls),
    town: townDocument(site, site.town('soest')!, urls),
    incidents: incidentsDocument(site, urls),
  };
}

describe('towns.json', () => {
  test('every town by name with its status, summary, times, URLs and services in list order', async () => {
    const site = await loadSite(files);
    const doc = townsDocument(site, plain);
    expect(doc.version).toBe(1);
    expect(doc.$schema).toBe('/api/v1/schema/towns.json');
    expect(doc.towns.map((t) => t.slug)).toEqual(['kreis-test', 'soest']);
    const soest = doc.towns[1]!;
    expect(soest).toMatchObject({
      name: 'Soest',
      kind: 'Stadt',
      parent: 'kreis-test',
      status: 'limited',
      statusDerived: true,
      updated: '2023-11-03T14:17:00+01:00',
      lastChange: '2023-11-04T09:30:00+01:00',
      url: '/soest/',
      apiUrl: '/api/v1/towns/soest.json',
      incidents: ['sit-2023'],
      children: [],
    });
    expect(doc.towns[0]).toMatchObject({ statusDerived: false, status: 'normal', children: ['soest'] });
    expect(doc.towns[0]).not.toHaveProperty('parent');
    expect(soest.services).toEqual([
      {
        slug: 'buergerbuero',
        title: 'Bürgerbüro',
        status: 'limited',
        summary: { markdown: 'Geschlossen, telefonisch erreichbar.', html: 'Geschlossen, telefonisch erreichbar.' },
        updated: '2023-11-03T14:17:00+01:00',
        lastChange: '2023-11-04T09:30:00+01:00',
        url: '/soest/buergerbuero/',
      },
      expect.objectContaining({ slug: 'abfall', status: 'unavailable', updated: '2023-07-01T10:00:00+02:00' }),
    ]);
  });

  test('the site: title, language, time zone, home, contacts and the labels of every key', async () => {
    const doc = townsDocument(await loadSite(files), plain);
    expect(doc.site).toMatchObject({ title: 'Notfall-Informationen Test', operator: 'Kreis Test', language: 'de', timezone: 'Europe/Berlin', staleAfterHours: 48, url: '/' });
    expect(doc.site).not.toHaveProperty('description');
    expect(doc.site.contacts).toEqual([
      { channel: 'phone', status: 'normal', value: '02921 30-0', href: 'tel:+492921300', note: { markdown: 'Bürgertelefon', html: 'Bürgertelefon' } },
    ]);
    expect(doc.site.labels.status).toEqual({ normal: 'Normal verfügbar', limited: 'Eingeschränkt', deferred: 'Nur Annahme', unavailable: 'Nicht möglich' });
    expect(doc.site.labels.channel['in-person']).toBe('Persönlich');
  });

  test('a site without incidents: an empty list and no lastChange', async () => {
    const doc = incidentsDocument(await loadSite({}), plain);
    expect(doc.incidents).toEqual([]);
    expect(doc).not.toHaveProperty('lastChange');
    expect(schemas.incidents(JSON.parse(toJson(doc)))).toEqual([]);
  });
});

describe('towns/<town>.json', () => {
  test('contacts, links, updates newest first and the body', async () => {
    const { town } = townDocument(await loadSite(files), (await loadSite(files)).town('soest')!, plain);
    expect(town.contacts).toEqual([
      { channel: 'post', status: 'normal', value: 'Rathaus Soest\nAm Vreithof 8\n59494 Soest', lines: ['Rathaus Soest', 'Am Vreithof 8', '59494 Soest'] },
      { channel: 'email', status: 'unavailable', note: { markdown: 'E-Mails kommen **nicht** an.', html: 'E-Mails kommen <strong>nicht</strong> an.' } },
    ]);
    expect(town.links).toEqual([{ title: 'Ratsinformationssystem', url: 'https://www.soest.sitzung-online.de/' }]);
    expect(town.updates.map((u) => u.at)).toEqual(['2023-11-03T14:17:00+01:00', '2023-11-01']);
    expect(town.body.markdown).toBe('## Rathaus\n\nDas Rathaus ist **nicht geschlossen**. [Impressum](/impressum/)\n');
    // As on the town page: the body sits below the page's h2 sections.
    expect(town.body.html).toContain('<h3>Rathaus</h3>');
  });

  test('services whole: channels, tasks with anchor and URL, keywords, since, expected, incident, updates', async () => {
    const site = await loadSite(files);
    const service = townDocument(site, site.town('soest')!, plain).town.services[0]!;
    expect(service).toMatchObject({
      slug: 'buergerbuero',
      since: '2023-10-30',
      expected: '2023-11-06',
      incident: 'sit-2023',
      keywords: ['Perso', 'Ausweis'],
      channels: [{ channel: 'phone', status: 'normal', value: '02921 / 103-2127', href: 'tel:+4929211032127', hours: 'zu den üblichen Öffnungszeiten' }],
      updates: [{ at: '2023-11-04T09:30:00+01:00', text: { markdown: 'Ab Montag geöffnet.', html: 'Ab Montag geöffnet.' } }],
      body: { markdown: '# Öffnung\n\nAb **6. November**.\n', html: '<h3>Öffnung</h3>\n<p>Ab <strong>6. November</strong>.</p>\n' },
    });
    expect(service.tasks).toEqual([
      {
        id: 'anliegen-personalausweis-beantragen',
        title: { markdown: 'Personalausweis *beantragen*', html: 'Personalausweis <em>beantragen</em>' },
        status: 'unavailable',
        url: '/soest/buergerbuero/#anliegen-personalausweis-beantragen',
      },
      {
        id: 'anliegen-wohnsitz-ummelden',
        title: { markdown: 'Wohnsitz ummelden', html: 'Wohnsitz ummelden' },
        status: 'deferred',
        note: { markdown: 'Wird angenommen, später bearbeitet.', html: 'Wird angenommen, später bearbeitet.' },
        url: '/soest/buergerbuero/#anliegen-wohnsitz-ummelden',
      },
    ]);
    const abfall = townDocument(site, site.town('soest')!, plain).town.services[1]!;
    for (const key of ['since', 'expected', 'incident']) expect(abfall).not.toHaveProperty(key);
    expect(abfall).toMatchObject({ channels: [], tasks: [], keywords: [], updates: [], body: { markdown: '', html: '' } });
  });

  test('the town file lists what towns.json lists, and more', async () => {
    const site = await loadSite(files);
    const summary = townsDocument(site, plain).towns.find((t) => t.slug === 'soest')!;
    const { town } = townDocument(site, site.town('soest')!, plain);
    for (const [key, value] of Object.entries(summary)) {
      if (key === 'services') continue;
      expect(town[key as keyof typeof town]).toEqual(value);
    }
    summary.services.forEach((s, i) => expect(town.services[i]).toMatchObject(s));
  });
});

describe('incidents.json', () => {
  test('every incident, newest start first, with the towns it affects', async () => {
    const doc = incidentsDocument(await loadSite(files), plain);
    expect(doc.incidents.map((i) => i.slug)).toEqual(['sit-2023', 'hochwasser']);
    expect(doc.incidents[0]).toMatchObject({
      title: 'Cyberangriff',
      started: '2023-10-30',
      updated: '2023-11-03T14:17:00+01:00',
      lastChange: '2023-11-03T15:00:00+01:00',
      towns: ['soest'],
      url: '/stoerungen/sit-2023/',
      updates: [{ at: '2023-11-03T15:00:00+01:00', text: { markdown: 'Noch *kein* Internet.', html: 'Noch <em>kein</em> Internet.' } }],
      body: { markdown: '', html: '' },
    });
    expect(doc.incidents[0]).not.toHaveProperty('resolved');
    expect(doc.incidents[1]).toMatchObject({ started: '2023-07-01T10:00:00+02:00', resolved: '2023-07-02', towns: [] });
    expect(doc.lastChange).toBe('2023-11-03T15:00:00+01:00');
  });
});

describe('times', () => {
  test('a date-time carries the site offset at that instant (winter and summer); a date alone stays a date', async () => {
    const all = Object.values(await documents(await loadSite(files))).flatMap((doc) =>
      collect(doc, ['updated', 'lastChange', 'at', 'since', 'expected', 'started', 'resolved', 'generated']).map((t) => String(t.value)),
    );
    expect(all).toContain('2023-11-03T14:17:00+01:00');
    expect(all).toContain('2023-07-01T10:00:00+02:00');
    expect(all).toContain('2023-10-30');
    for (const time of all) expect(time).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/);
  });

  test('generated is the build time (SOURCE_DATE_EPOCH) in the site time zone, never the clock', async () => {
    const site = await loadSite(files);
    const at = (builtAt: number) => townsDocument({ ...site, builtAt }, plain).generated;
    expect(at(Date.parse('2023-11-04T12:00:00Z'))).toBe('2023-11-04T13:00:00+01:00');
    expect(at(Date.parse('2024-07-01T12:00:00Z'))).toBe('2024-07-01T14:00:00+02:00');
  });
});

describe('URLs', () => {
  test('root-relative without SITE_URL', async () => {
    const site = await loadSite(files);
    for (const doc of Object.values(await documents(site))) {
      for (const url of urlsOf(doc)) expect(url).toMatch(/^\/(?!\/)/);
      expect(htmlLinks(doc).filter((h) => h.startsWith('/')).every((h) => !h.startsWith('//'))).toBe(true);
    }
  });

  test('with the base path below BASE_PATH, also in Markdown links', async () => {
    const site = await loadSite(files, { basePath: '/notfall/' });
    const docs = await documents(site, below);
    expect(docs.towns.$schema).toBe('/notfall/api/v1/schema/towns.json');
    expect(docs.town.town.apiUrl).toBe('/notfall/api/v1/towns/soest.json');
    expect(docs.town.town.services[0]!.tasks[0]!.url).toBe('/notfall/soest/buergerbuero/#anliegen-personalausweis-beantragen');
    for (const doc of Object.values(docs)) for (const url of urlsOf(doc)) expect(url).toMatch(/^\/notfall\//);
    expect(docs.town.town.summary.html).toContain('href="/notfall/soest/buergerbuero/"');
  });

  test('absolute with SITE_URL, also in Markdown links, so embedded HTML links work elsewhere', async () => {
    const site = await loadSite(files, { basePath: '/notfall/' });
    const docs = await documents(site, absolute);
    expect(docs.towns.site.url).toBe('https://notfall.example/notfall/');
    expect(docs.incidents.incidents[0]!.url).toBe('https://notfall.example/notfall/stoerungen/sit-2023/');
    for (const doc of Object.values(docs)) {
      for (const url of urlsOf(doc)) expect(url).toMatch(/^https:\/\/notfall\.example\/notfall\//);
      for (const href of htmlLinks(doc)) expect(href).toMatch(/^(https:|tel:|mailto:)/);
    }
    expect(docs.town.town.summary.html).toContain('href="https://notfall.example/notfall/soest/buergerbuero/"');
    expect(docs.town.town.body.html).toContain('href="https://notfall.example/notfall/impressum/"');
  });

  test('publicHref makes a site path of the model absolute only with SITE_URL, and leaves other links', () => {
    expect(plain.publicHref('/soest/')).toBe('/soest/');
    expect(below.publicHref('/soest/')).toBe('/notfall/soest/');
    expect(absolute.publicHref('/soest/#x')).toBe('https://notfall.example/notfall/soest/#x');
    expect(absolute.publicHref('tel:+492921300')).toBe('tel:+492921300');
    expect(absolute.public(routes.api.town('soest'))).toBe('https://notfall.example/notfall/api/v1/towns/soest.json');
  });
});

describe('Markdown texts', () => {
  test('every text is exactly { markdown, html }, and without SITE_URL the HTML is the page HTML', async () => {
    const site = await loadSite(files);
    const { town } = townDocument(site, site.town('soest')!, plain);
    const model = site.town('soest')!;
    expect(town.summary).toEqual(model.summary);
    expect(town.body).toEqual(model.body);
    expect(town.contacts[1]!.note).toEqual(model.contacts[1]!.note);
    expect(town.services[0]!.tasks[0]!.title).toEqual(model.services[0]!.tasks[0]!.title);
    for (const doc of Object.values(await documents(site))) {
      const found = collect(doc, ['summary', 'note', 'text', 'body', 'title']).filter((t) => typeof t.value === 'object');
      expect(found.length).toBeGreaterThan(0);
      for (const { value } of found) expect(Object.keys(value as object)).toEqual(['markdown', 'html']);
      expect(texts(doc).length).toBe(found.length);
    }
  });
});

describe('serialization', () => {
  test('JSON that parses back to the same objects, byte-identical for the same input', async () => {
    const a = await documents(await loadSite(files));
    const b = await documents(await loadSite(files));
    for (const key of ['towns', 'town', 'incidents'] as const) {
      const json = toJson(a[key]);
      expect(json).toBe(toJson(b[key]));
      expect(json.endsWith('}\n')).toBe(true);
      expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(a[key])));
    }
  });

  test('quotes, backslashes, </script>, emoji and line breaks survive', async () => {
    const site = await loadSite({
      'towns/soest/index.md': md(
        'name: \'Bad "Tricky" \\ </script> 🚒\'\nkind: Stadt\nupdated: 2023-11-03 14:17\nstatus: limited\nsummary: "Ein \\"Zitat\\" \\\\ `</script>` 🚒"\n',
        'Zeile "1" \\\nZeile 2 🚒\n',
      ),
    });
    const parsed = JSON.parse(toJson(townDocument(site, site.town('soest')!, plain))) as ReturnType<typeof townDocument>;
    expect(parsed.town.name).toBe('Bad "Tricky" \\ </script> 🚒');
    expect(parsed.town.summary.markdown).toBe('Ein "Zitat" \\ `</script>` 🚒');
    expect(parsed.town.summary.html).toBe('Ein &quot;Zitat&quot; \\ <code>&lt;/script&gt;</code> 🚒');
    expect(parsed.town.body.markdown).toBe('Zeile "1" \\\nZeile 2 🚒\n');
  });
});

describe('the schemas', () => {
  test('are made from the shapes the builders’ types come from, and the shapes accept what the builders return', async () => {
    const docs = await documents(await loadSite(files));
    for (const key of ['towns', 'town', 'incidents'] as const) {
      expect(apiShapes[key].parse(JSON.parse(toJson(docs[key])))).toEqual(JSON.parse(toJson(docs[key])));
      expect(apiShapes[key].safeParse({ ...docs[key], stand: 'heute' }).success, key).toBe(false);
    }
    expect(apiSchemas.town.$defs).toHaveProperty('channel');
  });

  test('are draft 2020-12 with relative ids, and every document validates (strict ajv)', async () => {
    for (const [name, schema] of Object.entries(apiSchemas)) {
      expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: `${name}.json`, additionalProperties: false });
    }
    for (const urls of [plain, below, absolute]) {
      const docs = await documents(await loadSite(files, { basePath: urls.base }), urls);
      for (const key of ['towns', 'town', 'incidents'] as const) expect(schemas[key](JSON.parse(toJson(docs[key])))).toEqual([]);
    }
  });

  test('catch mistakes: unknown status or channel, missing field, extra field, time without offset, bad URL', async () => {
    const site = await loadSite(files);
    const fresh = () => JSON.parse(toJson(townDocument(site, site.town('soest')!, plain))) as ReturnType<typeof townDocument>;
    const broken: [string, (doc: ReturnType<typeof fresh>) => void][] = [
      ['status', (d) => Object.assign(d.town, { status: 'closed' })],
      ['task status', (d) => Object.assign(d.town.services[0]!.tasks[0]!, { status: 'Nicht möglich' })],
      ['channel', (d) => Object.assign(d.town.contacts[0]!, { channel: 'telefon' })],
      ['channel status', (d) => Object.assign(d.town.contacts[0]!, { status: 'deferred' })],
      ['missing summary', (d) => delete (d.town.services[0] as Partial<typeof d.town.services[0]>).summary],
      ['extra field', (d) => Object.assign(d.town, { stand: 'heute' })],
      ['text as string', (d) => Object.assign(d.town, { body: 'Text' })],
      ['text without html', (d) => Object.assign(d.town, { summary: { markdown: 'x' } })],
      ['time without offset', (d) => Object.assign(d.town, { updated: '2023-11-03T14:17:00' })],
      ['time in UTC', (d) => Object.assign(d.town, { updated: '2023-11-03T13:17:00Z' })],
      ['time as the site shows it', (d) => Object.assign(d.town, { updated: '03.11.2023, 14:17 Uhr' })],
      ['impossible date', (d) => Object.assign(d.town.services[0]!, { since: '2023-02-30' })],
      ['relative URL', (d) => Object.assign(d.town, { url: 'soest/' })],
      ['slug', (d) => Object.assign(d.town, { incidents: ['SIT 2023'] })],
      ['version', (d) => Object.assign(d, { version: 2 })],
    ];
    expect(schemas.town(fresh())).toEqual([]);
    for (const [what, breakIt] of broken) {
      const doc = fresh();
      breakIt(doc);
      expect(schemas.town(doc), what).not.toEqual([]);
    }
  });
});

describe('a text without a link keeps the HTML the site rendered (api.ts, linksIn)', () => {
  /** Markdown's characters, an autolink, a scheme, a path, raw HTML — everything but `[`. */
  const alphabet = ['a', 'B', 'ä', ' ', '\n', '\n\n', '*', '_', '#', '-', '>', '`', '\\', '&', '<', '<b>', '</a>', '<a href="/x">', '<https://x.de/a>', '<mailto:a@b.de>', '<x:/y>', '/soest/', '(/werl/)', ']', '](/a)', '!', ':', '1.', '    ', '---', '|', '"', "'", 'https://x.de', 'www.x.de'];
  const random = seededRandom(21);
  const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
  const corpus = Array.from({ length: 2000 }, () => Array.from({ length: 1 + Math.floor(random() * 30) }, pick).join(''));

  test('rendered with site paths or with public URLs, the HTML is the same', () => {
    const site = createRenderer((p) => `/notfall${p}`);
    const api = createRenderer((p) => `https://notfall.example/notfall${p}`);
    for (const text of corpus) {
      expect(text).not.toContain('[');
      expect(api.inline(text).html, text).toBe(site.inline(text).html);
      expect(api.block(text, 1).html, text).toBe(site.block(text, 1).html);
    }
    // The rule's other side: a link is where they differ.
    expect(api.inline('[Bürgerbüro](/soest/buergerbuero/)').html).not.toBe(site.inline('[Bürgerbüro](/soest/buergerbuero/)').html);
  });
});
