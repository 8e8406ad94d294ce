/**
 * 1.2: JSON Feed 1.1 (https://jsonfeed.org/version/1.1) beside RSS and Atom: validated against a
 * JSON Schema written from the specification's field list (top level: `version` and `title` and
 * `items` required, URLs, `authors`; items: `id` required, `content_html` or `content_text`,
 * RFC 3339 dates), with the same entries as RSS and HTML whose site links are absolute.
 */
import { getRssString } from '@astrojs/rss';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { translator } from '../../../src/i18n/index.ts';
import { jsonFeed, jsonFeedVersion } from '../../../src/model/json-feed.ts';
import { rssFeed } from '../../../src/model/rss.ts';
import { toJson } from '../../../src/model/api.ts';
import { service, text } from '../support/content.ts';
import { payload, testSite, urls } from '../support/small-site.ts';

const t = translator('de');

/** JSON Feed 1.1 as a JSON Schema: the fields the specification names, with their types. */
const jsonFeedSchema = {
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string' },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: { type: 'string', format: 'uri' },
    description: { type: 'string' },
    user_comment: { type: 'string' },
    next_url: { type: 'string', format: 'uri' },
    icon: { type: 'string', format: 'uri' },
    favicon: { type: 'string', format: 'uri' },
    authors: { type: 'array', items: { $ref: '#/$defs/author' } },
    language: { type: 'string' },
    expired: { type: 'boolean' },
    hubs: { type: 'array' },
    items: { type: 'array', items: { $ref: '#/$defs/item' } },
  },
  $defs: {
    author: { type: 'object', minProperties: 1, properties: { name: { type: 'string' }, url: { type: 'string', format: 'uri' }, avatar: { type: 'string', format: 'uri' } } },
    item: {
      type: 'object',
      required: ['id'],
      anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
      properties: {
        id: { type: 'string', minLength: 1 },
        url: { type: 'string', format: 'uri' },
        external_url: { type: 'string', format: 'uri' },
        title: { type: 'string' },
        content_html: { type: 'string' },
        content_text: { type: 'string' },
        summary: { type: 'string' },
        image: { type: 'string', format: 'uri' },
        banner_image: { type: 'string', format: 'uri' },
        date_published: { type: 'string', format: 'date-time' },
        date_modified: { type: 'string', format: 'date-time' },
        authors: { type: 'array', items: { $ref: '#/$defs/author' } },
        tags: { type: 'array', items: { type: 'string' } },
        language: { type: 'string' },
        attachments: { type: 'array' },
      },
    },
  },
};
// strictRequired off: `anyOf` names properties defined beside it, which strict mode cannot see.
const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(jsonFeedSchema);
const problems = (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('JSON Feed 1.1', () => {
  test('the site feed and the town feeds validate', async () => {
    const s = await testSite();
    for (const town of [undefined, s.town('soest')!, s.town('werl')!]) {
      const feed = JSON.parse(toJson(jsonFeed(s, urls, t, town)));
      expect(problems(feed)).toEqual([]);
      expect(feed.version).toBe(jsonFeedVersion);
    }
  });

  test('the schema catches a missing id, missing content, a relative URL, a date without offset', () => {
    const good = { version: jsonFeedVersion, title: 'T', items: [{ id: 'a', content_text: 'x' }] };
    expect(problems(good)).toEqual([]);
    expect(problems({ ...good, items: [{ content_text: 'x' }] })).toContain("/items/0 must have required property 'id'");
    expect(problems({ ...good, items: [{ id: 'a' }] }).length).toBeGreaterThan(0);
    expect(problems({ ...good, home_page_url: '/soest/' })).toEqual(['/home_page_url must match format "uri"']);
    expect(problems({ ...good, items: [{ id: 'a', content_text: 'x', date_published: '2023-11-03T14:17:00' }] })).toEqual(['/items/0/date_published must match format "date-time"']);
  });

  test('the same entries as RSS, newest first, with unique ids, both HTML and plain text', async () => {
    const s = await testSite();
    const rss = new XMLParser().parse(await getRssString(rssFeed(s, urls, t))).rss.channel.item as { title: string; link: string }[];
    const feed = jsonFeed(s, urls, t);
    expect(feed.items.map((i) => i.url)).toEqual(rss.map((i) => i.link));
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
    const update = feed.items.find((i) => i.url.endsWith('/stoerungen/sit-2023/#neu-20231103-1500'))!;
    expect(update).toMatchObject({
      title: 'Cyberangriff: Noch kein Internet, siehe Soest.',
      content_text: 'Noch kein Internet, siehe Soest.',
      date_published: '2023-11-03T15:00:00+01:00',
    });
    // A link to a page of the site works in a reader, outside the site.
    expect(update.content_html).toBe('Noch <em>kein</em> Internet, siehe <a href="https://notfall.example/soest/">Soest</a>.');
    expect(feed).toMatchObject({ home_page_url: 'https://notfall.example/', feed_url: 'https://notfall.example/feed.json', language: 'de', authors: [{ name: 'Kreis Test' }] });
  });

  test('hostile text is plain text in titles (JSON escapes it) and stays as written', async () => {
    const s = await testSite({
      'site.yaml': text`
        title: 'Notfall ${payload}'
        operator: Kreis Test
      `,
      'towns/soest/buergerbuero.md': service().replace('title: Bürgerbüro', `title: 'Dienst ${payload}'`),
    });
    const json = toJson(jsonFeed(s, urls, t));
    // U+2028 and `</script>` survive as JSON; parsed back they are the text.
    const feed = JSON.parse(json);
    expect(feed.title).toBe(`Notfall ${payload}`);
    expect(feed.items.some((i: { title: string }) => i.title.startsWith(`Dienst ${payload}`))).toBe(true);
    expect(problems(feed)).toEqual([]);
  });
});
