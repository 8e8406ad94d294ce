/**
 * 1.2: `/api/v1/status.json` (the state at a glance for banners) validates against its published
 * schema; the overall status is the worst town status; the newest update comes with its time and
 * text; the badge says the status in words, is accessible and loads nothing.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { statusSchema } from '../../../src/api-schema/status.ts';
import { translator } from '../../../src/i18n/index.ts';
import { toJson } from '../../../src/model/api.ts';
import { badgeSvg, boxWidth } from '../../../src/model/badge.ts';
import { statusDocument, worstStatus } from '../../../src/model/status.ts';
import { createUrls } from '../../../src/model/urls.ts';
import { builtRootFiles, builtTownFiles, feedFiles, routes } from '../../../src/model/routes.ts';
import { isReservedPath, reservedTownFiles } from '../../../src/schema/aliases.ts';
import { reservedRoutes } from '../../../src/schema/index.ts';
import { md, service, text } from '../support/content.ts';
import { payload, testSite, urls } from '../support/small-site.ts';

const t = translator('de');
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(statusSchema);
const problems = (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('status.json', () => {
  test('validates against its schema, with and without an address', async () => {
    const s = await testSite();
    for (const u of [urls, createUrls({ base: '/notfall/' })]) expect(problems(JSON.parse(toJson(statusDocument(s, u, t))))).toEqual([]);
  });

  test('the schema is strict: an unknown status, a missing label, an extra field fail', async () => {
    const s = await testSite();
    const doc = JSON.parse(toJson(statusDocument(s, urls, t)));
    expect(problems({ ...doc, status: 'closed' })).not.toEqual([]);
    const { label: _, ...noLabel } = doc;
    expect(problems(noLabel)).toContain(" must have required property 'label'");
    expect(problems({ ...doc, extra: 1 })).toContain(' must NOT have additional properties');
  });

  test('overall and per town: status, words, page, badge; the newest update with time, plain text and HTML; the links', async () => {
    const s = await testSite();
    const doc = statusDocument(s, urls, t);
    expect(doc).toMatchObject({ status: 'limited', label: 'Eingeschränkt', incident: true, version: 1 });
    expect(doc.towns).toEqual([
      { slug: 'soest', name: 'Soest', status: 'limited', label: 'Eingeschränkt', lastChange: '2023-11-03T14:17:00+01:00', url: 'https://notfall.example/soest/', badge: 'https://notfall.example/soest/badge.svg' },
      { slug: 'werl', name: 'Werl', status: 'normal', label: 'Normal verfügbar', lastChange: '2023-11-03T14:17:00+01:00', url: 'https://notfall.example/werl/', badge: 'https://notfall.example/werl/badge.svg' },
    ]);
    expect(doc.latest).toEqual({
      at: '2023-11-03T15:00:00+01:00',
      title: 'Cyberangriff: Noch kein Internet, siehe Soest.',
      text: { markdown: 'Noch *kein* Internet, siehe [Soest](/soest/).', html: 'Noch <em>kein</em> Internet, siehe <a href="https://notfall.example/soest/">Soest</a>.' },
      plain: 'Noch kein Internet, siehe Soest.',
      url: 'https://notfall.example/stoerungen/sit-2023/#neu-20231103-1500',
    });
    expect(doc.links).toEqual({
      site: 'https://notfall.example/',
      api: 'https://notfall.example/api/v1/towns.json',
      feeds: { rss: 'https://notfall.example/feed.xml', atom: 'https://notfall.example/feed.atom', json: 'https://notfall.example/feed.json', cap: 'https://notfall.example/cap.xml' },
    });
    expect(doc.$schema).toBe('https://notfall.example/api/v1/schema/status.json');
  });

  test('the worst status: unavailable over limited and deferred, a mix of those two is limited, none is normal', () => {
    expect(worstStatus([])).toBe('normal');
    expect(worstStatus(['normal', 'normal'])).toBe('normal');
    expect(worstStatus(['normal', 'deferred'])).toBe('deferred');
    expect(worstStatus(['deferred', 'limited', 'normal'])).toBe('limited');
    expect(worstStatus(['limited', 'unavailable', 'normal'])).toBe('unavailable');
  });

  test('a quiet site: normal, no incident; the labels in the site’s language', async () => {
    const s = await testSite({
      'site.yaml': text`
        title: Notfall
        operator: Kreis Test
        language: en
      `,
      'incidents/sit-2023.md': null,
      'towns/soest/index.md': md('name: Soest\nkind: Stadt\nupdated: 2023-11-03 14:17\nstatus: normal\nsummary: Alles normal.\n'),
      'towns/soest/buergerbuero.md': service('', 'normal'),
    });
    const doc = statusDocument(s, urls, translator('en'));
    expect(doc).toMatchObject({ status: 'normal', label: 'Available as usual', incident: false });
    expect(problems(JSON.parse(toJson(doc)))).toEqual([]);
  });
});

describe('badge.svg', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['text', 'rect'].includes(name) });

  test('names the town and its status in words, with role img and a title; well-formed', () => {
    const svg = badgeSvg({ name: 'Soest', status: 'limited', label: 'Eingeschränkt', language: 'de' });
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parser.parse(svg).svg;
    expect(root['@role']).toBe('img');
    expect(root['@aria-labelledby']).toBe('badge-title');
    expect(root.title).toMatchObject({ '#text': 'Soest: Eingeschränkt', '@id': 'badge-title' });
    expect(root.g.text.map((x: { '#text': string }) => x['#text'])).toEqual(['Soest', 'Eingeschränkt']);
    expect(root['@lang']).toBe('de');
  });

  test('loads nothing: no link, image, script, style sheet, font or other reference', () => {
    const svg = badgeSvg({ name: 'Soest', status: 'unavailable', label: 'Nicht möglich', language: 'de' });
    expect(svg).not.toMatch(/href|<image|<script|<style|<foreignObject|@import|url\(|@font-face/i);
    expect(svg.match(/https?:\/\/[^"]*/g)).toEqual(['http://www.w3.org/2000/svg']);
  });

  test('a font-free layout: each text has its box width (textLength), centred; widths follow the characters', () => {
    const svg = badgeSvg({ name: 'Soest', status: 'normal', label: 'Normal verfügbar', language: 'de' });
    const root = parser.parse(svg).svg;
    const [left, right] = root.rect as Record<string, string>[];
    expect(Number(left!['@width'])).toBe(boxWidth('Soest'));
    expect(Number(right!['@width'])).toBe(boxWidth('Normal verfügbar'));
    expect(Number(root['@width'])).toBe(boxWidth('Soest') + boxWidth('Normal verfügbar'));
    expect(root.g['@text-anchor']).toBe('middle');
    for (const [i, x] of (root.g.text as Record<string, string>[]).entries()) {
      const box = [left, right][i]!;
      expect(Number(x['@textLength'])).toBe(Number(box['@width']) - 12);
      expect(x['@lengthAdjust']).toBe('spacingAndGlyphs');
    }
    // Code points, not UTF-16 units: an emoji is one character wide.
    expect(boxWidth('😀')).toBe(boxWidth('a'));
  });

  test('each status has its own colours; the words, not the colour, say it', () => {
    const fills = (['normal', 'limited', 'deferred', 'unavailable'] as const).map((status) => /<rect x="[^"]+" width="[^"]+" height="20" fill="([^"]+)"/.exec(badgeSvg({ name: 'A', status, label: status, language: 'en' }))![1]);
    expect(new Set(fills).size).toBe(4);
  });

  test('hostile names are text', () => {
    const svg = badgeSvg({ name: `Soest ${payload}`, status: 'limited', label: 'Eingeschränkt', language: 'de' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<img|<\/script>/);
    expect(parser.parse(svg).svg.title['#text']).toBe(`Soest ${payload}: Eingeschränkt`);
  });
});

describe('the 1.2 files are reserved addresses', () => {
  test('every root file the build writes is reserved for aliases; every town file too', () => {
    for (const file of builtRootFiles) expect(isReservedPath(file, reservedRoutes), file).toBe(true);
    for (const file of builtTownFiles) expect(reservedTownFiles as readonly string[]).toContain(file);
  });

  test('every other file the build writes under a fixed name at the root is reserved too (aushang-build.json was not)', () => {
    const named = [routes.feed(), routes.serviceWorker(), routes.manifest(), routes.buildInfo(), routes.robots(), routes.sitemap(), routes.pagefind(), routes.editor(), routes.assets(), routes.api.folder()];
    for (const file of named) expect(isReservedPath(file, reservedRoutes), file).toBe(true);
    expect(reservedTownFiles as readonly string[]).toContain(feedFiles.rss);
  });
});
