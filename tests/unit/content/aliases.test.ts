/** Aliases: old paths that must keep working; they must not hide a page or each other. */
import { describe, expect, test } from 'vitest';
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
      content/towns/soest/index.md:10: aliases[3]: „/../etc/“ — erlaubt: ein Pfad dieser Website, der mit / beginnt, z. B. /buergerbuero/
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
