/**
 * Routes and URLs: `routes.ts` names every site path without the base path, `urls.ts` is the one
 * place that adds the base path or the address; the model stores site paths only.
 */
import { describe, expect, test } from 'vitest';
import { translator } from '../../../src/i18n/index.ts';
import { feedEntries } from '../../../src/model/feeds.ts';
import { redirectHtml } from '../../../src/model/redirect.ts';
import { routes } from '../../../src/model/routes.ts';
import { astroAddress, createUrls } from '../../../src/model/urls.ts';
import { incident, service, site, town } from '../support/content.ts';

describe('routes', () => {
  test('every page and file as a site path, without the base path', () => {
    expect(routes.home()).toBe('/');
    expect(routes.town('werl')).toBe('/werl/');
    expect(routes.notice('werl')).toBe('/werl/aushang/');
    expect(routes.townFeed('werl')).toBe('/werl/feed.xml');
    expect(routes.townFeed('werl', 'atom')).toBe('/werl/feed.atom');
    expect(routes.badge('werl')).toBe('/werl/badge.svg');
    expect(routes.calendar('werl')).toBe('/werl/geplant.ics');
    expect(routes.service('werl', 'buergerbuero')).toBe('/werl/buergerbuero/');
    expect(routes.task('werl', 'buergerbuero', 'anliegen-x')).toBe('/werl/buergerbuero/#anliegen-x');
    expect(routes.update('/werl/', 'neu-20231103-1417')).toBe('/werl/#neu-20231103-1417');
    expect(routes.incident('sit-2023')).toBe('/stoerungen/sit-2023/');
    expect(routes.page('impressum')).toBe('/impressum/');
    expect([routes.az(), routes.az('s'), routes.az('s', 1), routes.az('s', 2)]).toEqual(['/anliegen/', '/anliegen/s/', '/anliegen/s/', '/anliegen/s/2/']);
    expect(routes.search()).toBe('/suche/');
    expect(routes.search('Pass & Ausweis')).toBe('/suche/?q=Pass%20%26%20Ausweis');
    expect(routes.api.town('werl')).toBe('/api/v1/towns/werl.json');
    expect(routes.api.schema('towns')).toBe('/api/v1/schema/towns.json');
    expect(routes.api.status()).toBe('/api/v1/status.json');
    expect(routes.api.schema('status')).toBe('/api/v1/schema/status.json');
    expect([routes.feed(), routes.feed('json'), routes.cap(), routes.calendar()]).toEqual(['/feed.xml', '/feed.json', '/cap.xml', '/geplant.ics']);
    expect([routes.serviceWorker(), routes.manifest(), routes.buildInfo(), routes.pagefind()]).toEqual(['/sw.js', '/manifest.json', '/aushang-build.json', '/pagefind/']);
    expect(routes.file('pagefind/pagefind.js')).toBe('/pagefind/pagefind.js');
    expect([routes.pagefindScript(), routes.wordList()]).toEqual(['/pagefind/pagefind.js', '/pagefind/aushang-words.txt']);
    expect(routes.anchor('/werl/', 'geplant-werl-20261219')).toBe('/werl/#geplant-werl-20261219');
  });
});

describe('urls', () => {
  const plain = createUrls({ base: '/' });
  const below = createUrls({ base: '/notfall/' });
  const absolute = createUrls({ base: '/notfall/', site: 'https://notfall.example/notfall' });

  test('path adds the base path, public and absolute the address, canonical falls back to the preview', () => {
    expect(plain.path(routes.town('werl'))).toBe('/werl/');
    expect(below.path(routes.town('werl'))).toBe('/notfall/werl/');
    expect(below.path(routes.home())).toBe('/notfall/');
    expect(below.public(routes.town('werl'))).toBe('/notfall/werl/');
    expect(absolute.public(routes.task('werl', 'b', 'x'))).toBe('https://notfall.example/notfall/werl/b/#x');
    expect(below.absolute(routes.town('werl'))).toBeUndefined();
    expect(below.canonical(routes.feed())).toBe('http://localhost:4321/notfall/feed.xml');
  });

  test('href adds the base path to a site path only: tel:, mailto: and web addresses stay', () => {
    expect(below.href('/werl/#x')).toBe('/notfall/werl/#x');
    for (const link of ['tel:+492921300', 'mailto:a@example.de', 'https://www.werl.de/']) {
      expect(below.href(link)).toBe(link);
      expect(absolute.publicHref(link)).toBe(link);
    }
    expect(absolute.publicHref('/werl/')).toBe('https://notfall.example/notfall/werl/');
  });

  test('sitePath undoes path: an address below the base gives its site path, any other none', () => {
    for (const sitePath of ['/', '/werl/', '/werl/buergerbuero/', '/stoerungen/sit-2023/']) {
      expect(plain.sitePath(plain.path(sitePath))).toBe(sitePath);
      expect(below.sitePath(below.path(sitePath))).toBe(sitePath);
    }
    expect(below.sitePath('/werl/')).toBeUndefined();
    expect(below.sitePath('/notfall')).toBeUndefined();
  });

  test('astro.config.mjs gets its base and site from the same normaliser', () => {
    expect(astroAddress({})).toEqual({ base: '/' });
    expect(astroAddress({ BASE_PATH: ' notfall// ', SITE_URL: 'https://notfall.example/' })).toEqual({ base: '/notfall/', site: 'https://notfall.example' });
  });
});

describe('the model stores site paths, whatever the base path', () => {
  const files = {
    'towns/soest/index.md': town('Soest', 'aliases: [/rathaus-soest/]\nlinks:\n  - title: Impressum\n    url: /impressum/\n'),
    'towns/soest/buergerbuero.md': service(
      'incident: sit-2023\nchannels:\n  - channel: online\n    status: normal\n    value: /soest/\ntasks:\n  - title: Pass\n    status: normal\nupdates:\n  - at: 2023-11-03 15:00\n    text: Neu.\n',
    ),
    'incidents/sit-2023.md': incident(),
    'pages/impressum.md': '---\ntitle: Impressum\n---\nText.\n',
  };

  test('towns, services, incidents, pages, the index, channels, links and redirects', async () => {
    const [root, notfall] = await Promise.all([site(files), site(files, { basePath: '/notfall/' })]);
    for (const s of [root, notfall]) {
      const soest = s.town('soest')!;
      const buergerbuero = soest.services[0]!;
      expect(soest.path).toBe('/soest/');
      expect(buergerbuero.path).toBe('/soest/buergerbuero/');
      expect(s.incident('sit-2023')!.path).toBe('/stoerungen/sit-2023/');
      expect(s.pages.map((p) => p.path)).toEqual(['/impressum/']);
      expect(s.index.map((e) => e.path)).toEqual(['/soest/buergerbuero/', '/soest/buergerbuero/#anliegen-pass']);
      expect(buergerbuero.channels[0]!.href).toBe('/soest/');
      expect(soest.links[0]!.url).toBe('/impressum/');
      expect(s.redirects).toEqual([{ from: '/rathaus-soest/', to: '/soest/', title: 'Soest' }]);
      // Feeds link to the page, or to the update's anchor on it.
      expect(feedEntries(s, translator('de'), soest).map((e) => e.path)).toContain('/soest/buergerbuero/#neu-20231103-1500');
    }
    expect(notfall.address.base).toBe('/notfall/');
  });

  test('a redirect page adds the base path when it is written', async () => {
    const s = await site(files, { basePath: '/notfall/' });
    const html = redirectHtml(s.redirects[0]!, createUrls(s.address), 'de', translator('de'));
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/notfall/soest/">');
    expect(html).toContain('<a href="/notfall/soest/">Soest</a>');
  });
});
