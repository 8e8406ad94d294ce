/**
 * The JSON API as built: every file under /api/v1/ of the example content and of the tricky
 * fixture is valid JSON, follows the schema published next to it (ajv, draft 2020-12, strict),
 * carries times with offsets and status keys, lists every town and service of the model, and
 * gives URLs in the form SITE_URL and BASE_PATH ask for. Output is byte-identical for the same
 * input and SOURCE_DATE_EPOCH, whatever the machine's time zone.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSite } from '../../src/model/site.ts';
import type { Site } from '../../src/model/types.ts';
import { apiSchemas, type IncidentsDocument, type TownDocument, type TownsDocument } from '../../src/model/api-shape.ts';
import { statusKeys } from '../../src/schema/index.ts';
import { collect, htmlLinks, texts, validators, type Schemas } from '../unit/api/validate.ts';
import { buildOnce, fixture, readPage, root } from '../support/build.ts';

const epoch = { SOURCE_DATE_EPOCH: '1700000000' };
const example = path.join(root, 'content');

function readJson<T>(dist: string, sitePath: string): T {
  const file = path.join(dist, sitePath);
  if (!existsSync(file)) throw new Error(`no file at ${sitePath}`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Every file below /api/, as site paths. */
function apiFiles(dist: string, dir = 'api'): string[] {
  return readdirSync(path.join(dist, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? apiFiles(dist, `${dir}/${entry.name}`) : [`/${dir}/${entry.name}`],
  );
}

interface Api {
  towns: TownsDocument;
  town: (slug: string) => TownDocument;
  incidents: IncidentsDocument;
  /** Every data file with the schema it follows. */
  all: { file: string; schema: keyof Schemas; data: unknown }[];
  validate: ReturnType<typeof validators>;
}

/** Reads a build's API and validates it against the schemas that build published. */
function readApi(dist: string): Api {
  const published = {
    towns: readJson<object>(dist, '/api/v1/schema/towns.json'),
    town: readJson<object>(dist, '/api/v1/schema/town.json'),
    incidents: readJson<object>(dist, '/api/v1/schema/incidents.json'),
  };
  const towns = readJson<TownsDocument>(dist, '/api/v1/towns.json');
  const town = (slug: string) => readJson<TownDocument>(dist, `/api/v1/towns/${slug}.json`);
  const incidents = readJson<IncidentsDocument>(dist, '/api/v1/incidents.json');
  return {
    towns,
    town,
    incidents,
    all: [
      { file: 'towns.json', schema: 'towns', data: towns },
      { file: 'incidents.json', schema: 'incidents', data: incidents },
      ...towns.towns.map((t) => ({ file: `towns/${t.slug}.json`, schema: 'town' as const, data: town(t.slug) })),
    ],
    validate: validators(published),
  };
}

async function model(content: string): Promise<Site> {
  const result = await loadSite(content, { urls: { base: '/' } });
  if (!result.ok) throw new Error(`${content} has errors`);
  return result.site;
}

const urlFields = (data: unknown) =>
  collect(data, ['url', 'apiUrl', '$schema']).filter((u) => !u.path.includes('/links/')).map((u) => String(u.value));

describe('the API of the example content', () => {
  let dist: string;
  let api: Api;
  let site: Site;

  beforeAll(async () => {
    dist = buildOnce(example, epoch);
    api = readApi(dist);
    site = await model(example);
  });

  it('publishes towns.json, incidents.json, status.json, one file per town and the four schemas, nothing else', () => {
    expect(apiFiles(dist).sort()).toEqual(
      [
        '/api/v1/towns.json',
        '/api/v1/incidents.json',
        '/api/v1/status.json',
        ...site.towns.map((t) => `/api/v1/towns/${t.slug}.json`),
        '/api/v1/schema/towns.json',
        '/api/v1/schema/town.json',
        '/api/v1/schema/incidents.json',
        '/api/v1/schema/status.json',
      ].sort(),
    );
  });

  it('publishes the schemas of the source, and every file validates against them', () => {
    for (const name of ['towns', 'town', 'incidents'] as const) {
      expect(readJson(dist, `/api/v1/schema/${name}.json`)).toEqual(apiSchemas[name]);
    }
    for (const { file, schema, data } of api.all) expect(api.validate[schema](data), file).toEqual([]);
  });

  it('is JSON as JSON.stringify writes it, with a final newline', () => {
    for (const file of apiFiles(dist)) {
      const raw = readFileSync(path.join(dist, file), 'utf8');
      expect(raw, file).toBe(`${JSON.stringify(JSON.parse(raw), null, 2)}\n`);
    }
  });

  it('carries times with the offset of the time, and dates as dates', () => {
    const soest = api.town('soest').town;
    expect(soest.updated).toBe('2023-11-03T14:17:00+01:00');
    expect(soest.services.find((s) => s.slug === 'buergerbuero')).toMatchObject({ since: '2023-10-30', expected: '2023-11-06' });
    expect(api.towns.generated).toBe('2023-11-14T23:13:20+01:00');
    const times = api.all.flatMap(({ data }) => collect(data, ['updated', 'lastChange', 'at', 'since', 'expected', 'started', 'resolved', 'generated']));
    expect(times.length).toBeGreaterThan(100);
    for (const { path: where, value } of times) expect(value, where).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\+0[12]:00)?$/);
  });

  it('gives statuses as keys', () => {
    const statuses = api.all.flatMap(({ data }) => collect(data, ['status']).filter((s) => !s.path.includes('/labels/')));
    expect(new Set(statuses.map((s) => s.value))).toEqual(new Set(statusKeys));
    expect(api.town('soest').town.services.find((s) => s.slug === 'buergerbuero')!.tasks.map((t) => t.status)).toEqual(['deferred', 'unavailable', 'limited', 'unavailable']);
  });

  it('lists every town and every service of the model, with their status, in the overview and in the town files', () => {
    expect(api.towns.towns.map((t) => t.slug)).toEqual(site.towns.map((t) => t.slug));
    for (const town of site.towns) {
      const listed = api.towns.towns.find((t) => t.slug === town.slug)!;
      const whole = api.town(town.slug).town;
      const expected = town.services.map((s) => ({ slug: s.slug, status: s.status, title: s.title }));
      expect(listed.services.map((s) => ({ slug: s.slug, status: s.status, title: s.title }))).toEqual(expected);
      expect(whole.services.map((s) => ({ slug: s.slug, status: s.status, title: s.title }))).toEqual(expected);
      expect(listed.status).toBe(town.status);
      expect(whole.services.flatMap((s) => s.tasks.map((t) => t.id))).toEqual(town.services.flatMap((s) => s.tasks.map((t) => t.id)));
    }
    expect(api.incidents.incidents.map((i) => ({ slug: i.slug, towns: i.towns }))).toEqual(site.incidents.map((i) => ({ slug: i.slug, towns: i.towns })));
  });

  it('gives every Markdown text as markdown and html, the html as on the pages', () => {
    const soest = site.town('soest')!;
    const json = api.town('soest').town;
    expect(json.body).toEqual(soest.body);
    expect(json.summary).toEqual(soest.summary);
    expect(readPage(dist, '/soest/')).toContain(json.summary.html);
    const all = api.all.flatMap(({ data }) => texts(data));
    expect(all.length).toBeGreaterThan(200);
    for (const text of all) expect(text.keys, text.path).toEqual(['markdown', 'html']);
  });

  it('has root-relative URLs without SITE_URL, and they lead to pages of the build', () => {
    const urls = api.all.flatMap(({ data }) => urlFields(data));
    expect(urls.length).toBeGreaterThan(50);
    for (const url of urls) {
      expect(url).toMatch(/^\/(?!\/)/);
      const file = url.replace(/#.*$/, '');
      expect(existsSync(path.join(dist, file.endsWith('/') ? `${file}index.html` : file)), url).toBe(true);
    }
  });

  it('is byte-identical for the same input and SOURCE_DATE_EPOCH, in any time zone of the machine', () => {
    const again = buildOnce(example, { ...epoch, TZ: 'America/New_York' });
    for (const file of apiFiles(dist)) expect(readFileSync(path.join(again, file), 'utf8'), file).toBe(readFileSync(path.join(dist, file), 'utf8'));
  });
});

describe('URLs in the API', () => {
  it('are absolute with SITE_URL', () => {
    const api = readApi(buildOnce(example, { ...epoch, SITE_URL: 'https://notfall.example' }));
    expect(api.towns.$schema).toBe('https://notfall.example/api/v1/schema/towns.json');
    expect(api.towns.site.url).toBe('https://notfall.example/');
    expect(api.town('soest').town.url).toBe('https://notfall.example/soest/');
    for (const { file, schema, data } of api.all) {
      expect(api.validate[schema](data), file).toEqual([]);
      for (const url of urlFields(data)) expect(url).toMatch(/^https:\/\/notfall\.example\//);
      for (const href of htmlLinks(data)) expect(href).toMatch(/^(https?:|mailto:|tel:)/);
    }
  });

  it('start with the base path under BASE_PATH', () => {
    const api = readApi(buildOnce(example, { ...epoch, BASE_PATH: '/notfall/' }));
    expect(api.towns.$schema).toBe('/notfall/api/v1/schema/towns.json');
    expect(api.town('soest').town.url).toBe('/notfall/soest/');
    expect(api.town('soest').town.apiUrl).toBe('/notfall/api/v1/towns/soest.json');
    for (const { file, schema, data } of api.all) {
      expect(api.validate[schema](data), file).toEqual([]);
      for (const url of urlFields(data)) expect(url).toMatch(/^\/notfall\//);
    }
  });

  it('are absolute below the base path with both, also the links in Markdown', () => {
    const api = readApi(buildOnce(fixture('tricky'), { ...epoch, SITE_URL: 'https://notfall.example', BASE_PATH: '/notfall/' }));
    const { town } = api.town('bad-tricky');
    expect(town.summary.html).toContain('href="https://notfall.example/notfall/bad-tricky/feuerwehr/#anliegen-brand-melden"');
    expect(town.services[0]!.tasks[0]!.url).toBe('https://notfall.example/notfall/bad-tricky/feuerwehr/#anliegen-brand-melden');
    for (const { file, schema, data } of api.all) {
      expect(api.validate[schema](data), file).toEqual([]);
      for (const url of urlFields(data)) expect(url).toMatch(/^https:\/\/notfall\.example\/notfall\//);
      for (const href of htmlLinks(data)) expect(href).toMatch(/^(https:\/\/notfall\.example\/notfall\/|mailto:|tel:)/);
    }
  });
});

describe('the tricky fixture: quotes, backslashes, </script>, emoji, line breaks', () => {
  let api: Api;
  let site: Site;

  beforeAll(async () => {
    api = readApi(buildOnce(fixture('tricky'), epoch));
    site = await model(fixture('tricky'));
  });

  it('validates', () => {
    for (const { file, schema, data } of api.all) expect(api.validate[schema](data), file).toEqual([]);
  });

  it('gives every string back exactly as written', () => {
    const { town } = api.town('bad-tricky');
    const service = town.services[0]!;
    expect(api.towns.site.title).toBe('Feuerwehr "Alarm" \\ </script> 🚒');
    expect(api.towns.site.contacts[0]!.value).toBe('Kreisverwaltung "Tricky"\nPostfach 1 \\ 2 </script>\n59494 Soest 🚒');
    expect(town.name).toBe('Bad "Tricky" \\ </script> 🚒');
    expect(town.summary.markdown).toBe('Das Rathaus ist "geöffnet" \\ nur `</script>` nicht 🚒, siehe [Feuerwehr](/bad-tricky/feuerwehr/#anliegen-brand-melden).');
    expect(town.summary.html).toBe(
      'Das Rathaus ist &quot;geöffnet&quot; \\ nur <code>&lt;/script&gt;</code> nicht 🚒, siehe <a href="/bad-tricky/feuerwehr/#anliegen-brand-melden">Feuerwehr</a>.',
    );
    expect(town.contacts[0]).toMatchObject({
      value: 'Rathaus "Bad Tricky"\nZimmer \\ 12 </script>\n59494 Bad Tricky 🚒',
      lines: ['Rathaus "Bad Tricky"', 'Zimmer \\ 12 </script>', '59494 Bad Tricky 🚒'],
    });
    expect(town.contacts[1]!.hours).toBe('Mo–Fr "8" bis 12 Uhr \\ </script> 🚒');
    expect(town.links[0]).toEqual({ title: 'Portal "Bürger" \\ </script> 🚒', url: 'https://portal.example/?a=1&b=%222%22' });
    expect(town.updates[0]!.text).toEqual({ markdown: 'Zweite Zeile folgt "hier" \\\nund endet mit 🚒.', html: 'Zweite Zeile folgt &quot;hier&quot; <br>\nund endet mit 🚒.' });
    expect(town.body.markdown).toBe('Ein Absatz mit "Anführungszeichen", einem Backslash \\ und Code `</script>`.\n\nZweiter Absatz\nmit Zeilenumbruch und 🚒.\n');
    expect(service.title).toBe('Feuerwehr "Süd" \\ </script> 🚒');
    expect(service.keywords).toEqual(['"Feuer"', 'Back\\slash', '</script>', '🚒']);
    expect(service.tasks[1]!.note!.markdown).toBe('Wird angenommen, `</script>` wird\nspäter bearbeitet.');
    const incident = api.incidents.incidents[0]!;
    expect(incident.title).toBe('Brand im "Rechenzentrum" \\ </script> 🚒');
    expect(incident.body.html).toContain('<pre><code>&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\nC:\\Windows\\System32\n</code></pre>');
    expect(incident.updates[0]!.text.markdown).toBe('Die Feuerwehr meldet: "Feuer aus" \\ 🚒');
  });

  it('matches the model in every text, and carries both offsets of the night the clocks changed', () => {
    const model = site.town('bad-tricky')!;
    const { town } = api.town('bad-tricky');
    expect(town.summary).toEqual(model.summary);
    expect(town.body).toEqual(model.body);
    expect(town.services[0]!.body).toEqual(model.services[0]!.body);
    expect(api.incidents.incidents[0]!.body).toEqual(site.incidents[0]!.body);
    expect(town.updated).toBe('2024-03-31T03:30:00+02:00');
    expect(town.services[0]!.updated).toBe('2024-03-31T01:30:00+01:00');
    // No raw `</script>` ever reaches HTML; it is text or code.
    for (const { data } of api.all) for (const text of texts(data)) expect(text.html).not.toContain('</script>');
  });
});
