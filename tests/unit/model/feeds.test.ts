/**
 * The feed entries (src/model/feeds.ts) of a small site: one entry per notice ("Stand" of a
 * town, service or incident) and per update, newest first; the site's feed has everything, a
 * town's feed its own notices, its services and the incidents that affect it; paths are site
 * paths (without the base path), an update's with its anchor.
 */
import { describe, expect, test } from 'vitest';
import { feedEntries, feedFormats, headline, type FeedEntry } from '../../../src/model/feeds.ts';
import { builtRootFiles, builtTownFiles, routes, type FeedFormat } from '../../../src/model/routes.ts';
import { translator } from '../../../src/i18n/index.ts';
import { site } from '../support/content.ts';
import { smallSite } from '../support/small-site.ts';

const t = translator('de');
const rows = (entries: FeedEntry[]) => entries.map((e) => [e.date.iso, e.title, e.path]);

describe('the feed of the whole site', () => {
  test('every notice and every update, newest first; on the same minute incidents, then towns in order, each before its services', async () => {
    const s = await site(smallSite, { base: false });
    expect(rows(feedEntries(s, t))).toEqual([
      ['2023-11-04T09:30:00+01:00', 'Bürgerbüro (Soest): Ab Montag geöffnet.', '/soest/buergerbuero/#neu-20231104-0930'],
      ['2023-11-03T15:00:00+01:00', 'Cyberangriff: Noch kein Internet im Rathaus.', '/stoerungen/sit-2023/#neu-20231103-1500'],
      ['2023-11-03T14:17:00+01:00', 'Cyberangriff', '/stoerungen/sit-2023/'],
      ['2023-11-03T14:17:00+01:00', 'Soest: Eingeschränkt', '/soest/'],
      ['2023-11-03T14:17:00+01:00', 'Bürgerbüro (Soest): Eingeschränkt', '/soest/buergerbuero/'],
      ['2023-11-02', 'Kreis Test: Normal verfügbar', '/kreis-test/'],
      ['2023-11-01', 'Soest: Die erste Meldung des Rathauses.', '/soest/#neu-20231101'],
      ['2023-10-01', 'Werl: Normal verfügbar', '/werl/'],
      ['2023-07-02', 'Hochwasser', '/stoerungen/hochwasser/'],
      ['2023-07-01T10:00:00+02:00', 'Abfall (Soest): Normal verfügbar', '/soest/abfall/'],
    ]);
  });

  test('the description is the HTML of the summary or of the update', async () => {
    const entries = feedEntries(await site(smallSite, { base: false }), t);
    expect(entries.find((e) => e.path === '/soest/')!.description).toBe('Das Rathaus ist <em>geöffnet</em>.');
    expect(entries.find((e) => e.path === '/stoerungen/sit-2023/')!.description).toBe('Die IT der Verwaltung ist <strong>ausgefallen</strong>.');
    expect(entries.find((e) => e.path === '/soest/#neu-20231101')!.description).toBe('Die erste Meldung des Rathauses. Mehr folgt.');
  });

  test('the status words are the site language’s', async () => {
    const entries = feedEntries(await site(smallSite, { base: false }), translator('en'));
    expect(entries.find((e) => e.path === '/soest/')!.title).toBe('Soest: Limited');
  });

  test('paths stay site paths below a base path', async () => {
    const plain = feedEntries(await site(smallSite, { base: false }), t);
    const below = feedEntries(await site(smallSite, { base: false, basePath: '/notfall/' }), t);
    expect(below.map((e) => e.path)).toEqual(plain.map((e) => e.path));
  });
});

describe('the feed of a town', () => {
  test('its own notices and updates, its services and the incidents that affect it; nothing of other towns', async () => {
    const s = await site(smallSite, { base: false });
    expect(feedEntries(s, t, s.town('soest')!).map((e) => e.path)).toEqual([
      '/soest/buergerbuero/#neu-20231104-0930',
      '/stoerungen/sit-2023/#neu-20231103-1500',
      '/stoerungen/sit-2023/',
      '/soest/',
      '/soest/buergerbuero/',
      '/soest/#neu-20231101',
      '/soest/abfall/',
    ]);
  });

  test('a town without incidents, services or updates has its one notice', async () => {
    const s = await site(smallSite, { base: false });
    expect(rows(feedEntries(s, t, s.town('werl')!))).toEqual([['2023-10-01', 'Werl: Normal verfügbar', '/werl/']]);
  });
});

describe('headline', () => {
  test('the first sentence of 20 to 100 characters, as plain text', () => {
    expect(headline('Die **erste** Meldung des Rathauses. Mehr folgt.')).toBe('Die erste Meldung des Rathauses.');
    expect(headline('Ist das [Rathaus](/soest/) heute offen? Ja.')).toBe('Ist das Rathaus heute offen?');
  });

  test('a short first sentence does not end it: the whole text, when it fits', () => {
    expect(headline('Ab Montag offen. Bitte Termin vereinbaren.')).toBe('Ab Montag offen. Bitte Termin vereinbaren.');
  });

  test('a long text without a sentence end is cut at 99 characters with an ellipsis', () => {
    const long = 'Wort '.repeat(30).trim();
    const cut = headline(long);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe('feed paths', () => {
  test('each format at the root and in a town’s folder', () => {
    expect(Object.keys(feedFormats).map((format) => routes.feed(format as FeedFormat))).toEqual(['/feed.xml', '/feed.atom', '/feed.json']);
    expect(routes.feed('atom', 'soest')).toBe('/soest/feed.atom');
    expect(routes.feed('json', 'bad-sassendorf')).toBe('/bad-sassendorf/feed.json');
    expect(Object.keys(feedFormats).map((format) => routes.townFeed('soest', format as FeedFormat))).toEqual(['/soest/feed.xml', '/soest/feed.atom', '/soest/feed.json']);
  });

  test('the files the build writes besides RSS (which Astro renders) name the same paths', () => {
    expect(builtRootFiles).toEqual(['/feed.atom', '/feed.json', '/cap.xml', '/api/v1/status.json', '/api/v1/schema/status.json', '/geplant.ics']);
    expect(builtRootFiles).not.toContain(routes.feed('rss'));
    expect(builtTownFiles.map((file) => `/soest/${file}`)).toEqual([routes.feed('atom', 'soest'), routes.feed('json', 'soest'), routes.badge('soest'), routes.calendar('soest')]);
  });
});
