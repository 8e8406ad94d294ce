/** Aliases: old paths that must keep working; they must not hide a page or each other. */
import { readdir } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { reservedRootFiles } from '../../../src/schema/aliases.ts';
import { output, service, site, text, town } from '../support/content.ts';

describe('aliases', () => {
  test('valid aliases become redirects: folders get a trailing slash, file names (.html) stay files', async () => {
    const s = await site({
      'towns/soest/index.md': town('Soest', 'aliases: [/rathaus-soest, /stadt/soest/]\n'),
      'towns/soest/buergerbuero.md': service('aliases:\n  - /buergerbuero-soest/\n  - /soest/meldeamt\n  - /alt/buergerbuero.html\n'),
    });
    expect(s.redirects).toEqual([
      { from: '/rathaus-soest/', to: '/soest/', title: 'Soest' },
      { from: '/stadt/soest/', to: '/soest/', title: 'Soest' },
      { from: '/buergerbuero-soest/', to: '/soest/buergerbuero/', title: 'Bürgerbüro – Soest' },
      { from: '/soest/meldeamt/', to: '/soest/buergerbuero/', title: 'Bürgerbüro – Soest' },
      // A file name stays a file: the redirect is written as that very file.
      { from: '/alt/buergerbuero.html', to: '/soest/buergerbuero/', title: 'Bürgerbüro – Soest' },
    ]);
  });

  test('a bad alias: not a path, a full URL, a path with .. or spaces, the root', async () => {
    expect(
      await output({
        'towns/soest/index.md': town(
          'Soest',
          text`
            aliases:
              - rathaus
              - https://www.soest.de/rathaus/
              - /../etc/
              - /bürger büro/
              - /
          `,
        ),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/index.md:8: aliases[1]: „rathaus“ — erlaubt: ein Pfad dieser Website, der mit / beginnt, z. B. /buergerbuero/
      content/towns/soest/index.md:9: aliases[2]: „https://www.soest.de/rathaus/“ — erlaubt: ein Pfad dieser Website, der mit / beginnt, z. B. /buergerbuero/
      content/towns/soest/index.md:10: aliases[3]: „/../etc/“ enthält . oder .. als Teil — erlaubt: ein Pfad wie /alt/buergerbuero/
      content/towns/soest/index.md:11: aliases[4]: „/bürger büro/“ — erlaubt: ein Pfad dieser Website, der mit / beginnt, z. B. /buergerbuero/
      content/towns/soest/index.md:12: aliases[5]: „/“ — erlaubt: ein Pfad dieser Website, der mit / beginnt, z. B. /buergerbuero/"
    `);
  });

  test('entries are counted as written, also when an earlier one is invalid', async () => {
    expect(await output({ 'towns/werl/index.md': town('Werl', 'aliases: [rathaus, /anliegen/, /werl-alt, /werl-alt/]\n') })).toMatchInlineSnapshot(`
      "content/towns/werl/index.md:7: aliases[1]: „rathaus“ — erlaubt: ein Pfad dieser Website, der mit / beginnt, z. B. /buergerbuero/
      content/towns/werl/index.md:7: aliases[2]: „/anliegen/“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:7: aliases[4]: „/werl-alt/“ ist schon vergeben (content/towns/werl/index.md) — erlaubt: ein Pfad, den es sonst nicht gibt"
    `);
  });

  test('the same in English', async () => {
    expect(await output({ 'towns/werl/index.md': town('Werl', 'aliases: [/suche/]\n') }, { language: 'en' })).toMatchInlineSnapshot(`"content/towns/werl/index.md:7: aliases[1]: "/suche/" is taken already (an address of the site itself) — allowed: a path that does not exist otherwise"`);
  });

  test('an alias that is a real page, a reserved route, or another alias', async () => {
    expect(
      await output({
        'towns/werl/index.md': town('Werl', 'aliases: [/soest/, /anliegen/, /buergerbuero/, /impressum/, /soest/aushang/, /feed.xml]\n'),
        'pages/impressum.md': '---\ntitle: Impressum\n---\n',
        'towns/soest/buergerbuero.md': service('aliases: [/soest/buergerbuero, /buergerbuero/]\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:6: aliases[1]: „/soest/buergerbuero/“ ist schon vergeben (content/towns/soest/buergerbuero.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:7: aliases[1]: „/soest/“ ist schon vergeben (content/towns/soest/index.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:7: aliases[2]: „/anliegen/“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:7: aliases[3]: „/buergerbuero/“ ist schon vergeben (content/towns/soest/buergerbuero.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:7: aliases[4]: „/impressum/“ ist schon vergeben (content/pages/impressum.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:7: aliases[5]: „/soest/aushang/“ ist schon vergeben (content/towns/soest/index.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:7: aliases[6]: „/feed.xml“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt"
    `);
  });
});

describe('aliases name free paths inside the site only (1.2)', () => {
  const werl = (aliases: string[]) => ({ 'towns/werl/index.md': town('Werl', `aliases:\n${aliases.map((a) => `  - "${a}"`).join('\n')}\n`) });

  test('the home page, the error page, another town, a page or a service as index.html, in any case', async () => {
    expect(
      await output({
        ...werl(['/index.html', '/404.html', '/soest/index.html', '/impressum/index.html', '/SOEST/Buergerbuero/INDEX.HTML', '/404/']),
        'pages/impressum.md': '---\ntitle: Impressum\n---\n',
        'towns/soest/buergerbuero.md': service(),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/werl/index.md:8: aliases[1]: „/“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:9: aliases[2]: „/404.html“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:10: aliases[3]: „/soest/“ ist schon vergeben (content/towns/soest/index.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:11: aliases[4]: „/impressum/“ ist schon vergeben (content/pages/impressum.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:12: aliases[5]: „/SOEST/Buergerbuero/“ ist schon vergeben (content/towns/soest/buergerbuero.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:13: aliases[6]: „/404/“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt"
    `);
  });

  test('files the build and the host own: manifest, _headers, _redirects, robots.txt, sitemaps, feeds, public/ files, a town’s feed and badge', async () => {
    expect(
      await output(
        werl(['/manifest.json', '/_headers', '/_redirects', '/robots.txt', '/sitemap-index.xml', '/sitemap-0.xml', '/feed.xml', '/feed.json', '/favicon.svg', '/soest/feed.xml', '/soest/badge.svg', '/pagefind/x/', '/assets/x.css', '/api/v1/towns.json', '/admin/']),
      ),
    ).toMatchInlineSnapshot(`
      "content/towns/werl/index.md:8: aliases[1]: „/manifest.json“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:9: aliases[2]: „/_headers/“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:10: aliases[3]: „/_redirects/“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:11: aliases[4]: „/robots.txt“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:12: aliases[5]: „/sitemap-index.xml“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:13: aliases[6]: „/sitemap-0.xml“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:14: aliases[7]: „/feed.xml“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:15: aliases[8]: „/feed.json“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:16: aliases[9]: „/favicon.svg“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:17: aliases[10]: „/soest/feed.xml“ ist schon vergeben (content/towns/soest/index.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:18: aliases[11]: „/soest/badge.svg“ ist schon vergeben (content/towns/soest/index.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:19: aliases[12]: „/pagefind/x/“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:20: aliases[13]: „/assets/x.css“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:21: aliases[14]: „/api/v1/towns.json“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:22: aliases[15]: „/admin/“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt"
    `);
  });

  test('a folder below a file of the build or of another alias', async () => {
    expect(
      await output({
        ...werl(['/robots.txt/x/', '/soest/feed.xml/', '/alt/werl.html', '/alt/werl.html/neu/']),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/werl/index.md:8: aliases[1]: „/robots.txt/x/“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:9: aliases[2]: „/soest/feed.xml/“ ist schon vergeben (content/towns/soest/index.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:11: aliases[4]: „/alt/werl.html/neu/“ ist schon vergeben (content/towns/werl/index.md) — erlaubt: ein Pfad, den es sonst nicht gibt"
    `);
  });

  test('dotfiles, . and .. parts, empty parts, encoded characters', async () => {
    expect(await output(werl(['/soest/.htaccess', '/.well-known/x/', '/x//y/', '/./x/', '/x/../y/', '/%2e%2e/x/', '/b%C3%BCro/']))).toMatchInlineSnapshot(`
      "content/towns/werl/index.md:8: aliases[1]: „/soest/.htaccess“ enthält einen Teil, der mit einem Punkt beginnt (wie .htaccess) — erlaubt: ein Pfad wie /alt/buergerbuero/
      content/towns/werl/index.md:9: aliases[2]: „/.well-known/x/“ enthält einen Teil, der mit einem Punkt beginnt (wie .htaccess) — erlaubt: ein Pfad wie /alt/buergerbuero/
      content/towns/werl/index.md:10: aliases[3]: „/x//y/“ enthält einen leeren Teil (//) — erlaubt: ein Pfad wie /alt/buergerbuero/
      content/towns/werl/index.md:11: aliases[4]: „/./x/“ enthält . oder .. als Teil — erlaubt: ein Pfad wie /alt/buergerbuero/
      content/towns/werl/index.md:12: aliases[5]: „/x/../y/“ enthält . oder .. als Teil — erlaubt: ein Pfad wie /alt/buergerbuero/
      content/towns/werl/index.md:13: aliases[6]: „/%2e%2e/x/“ enthält ein kodiertes Zeichen (%…) — erlaubt: ein Pfad aus Buchstaben, Ziffern und -, z. B. /buergerbuero/
      content/towns/werl/index.md:14: aliases[7]: „/b%C3%BCro/“ enthält ein kodiertes Zeichen (%…) — erlaubt: ein Pfad aus Buchstaben, Ziffern und -, z. B. /buergerbuero/"
    `);
  });

  test('aliases are compared after normalising: with and without slash, index.html, case', async () => {
    expect(
      await output({
        ...werl(['/rathaus', '/Rathaus/index.html']),
        'towns/soest/buergerbuero.md': service('aliases: [/rathaus/]\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/werl/index.md:8: aliases[1]: „/rathaus/“ ist schon vergeben (content/towns/soest/buergerbuero.md) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:9: aliases[2]: „/Rathaus/“ ist schon vergeben (content/towns/soest/buergerbuero.md) — erlaubt: ein Pfad, den es sonst nicht gibt"
    `);
  });

  test('the same in English', async () => {
    expect(await output(werl(['/soest/.htaccess', '/x//y/', '/%2e%2e/x/', '/x/./y/', '/index.html']), { language: 'en' })).toMatchInlineSnapshot(`
      "content/towns/werl/index.md:8: aliases[1]: "/soest/.htaccess" contains a part starting with a dot (such as .htaccess) — allowed: a path such as /old/citizens-office/
      content/towns/werl/index.md:9: aliases[2]: "/x//y/" contains an empty part (//) — allowed: a path such as /old/citizens-office/
      content/towns/werl/index.md:10: aliases[3]: "/%2e%2e/x/" contains an encoded character (%…) — allowed: a path of letters, digits and -, e.g. /citizens-office/
      content/towns/werl/index.md:11: aliases[4]: "/x/./y/" contains . or .. as a part — allowed: a path such as /old/citizens-office/
      content/towns/werl/index.md:12: aliases[5]: "/" is taken already (an address of the site itself) — allowed: a path that does not exist otherwise"
    `);
  });

  test('a free path stays a redirect, in the normalised form', async () => {
    const s = await site({ 'towns/werl/index.md': town('Werl', 'aliases: [/werl/alt/index.html, /stadt-werl, /alt/werl.html]\n') });
    expect(s.redirects.map((r) => r.from)).toEqual(['/werl/alt/', '/stadt-werl/', '/alt/werl.html']);
  });

  test('the offline service worker owns /sw.js', async () => {
    expect(await output(werl(['/sw.js', '/sw.js/alt/']))).toMatchInlineSnapshot(`
      "content/towns/werl/index.md:8: aliases[1]: „/sw.js“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt
      content/towns/werl/index.md:9: aliases[2]: „/sw.js/alt/“ ist schon vergeben (eine Adresse der Website selbst) — erlaubt: ein Pfad, den es sonst nicht gibt"
    `);
  });

  test('every file in public/ is a reserved name', async () => {
    const files = await readdir(new URL('../../../public/', import.meta.url));
    for (const file of files) expect(reservedRootFiles).toContain(file);
  });
});
