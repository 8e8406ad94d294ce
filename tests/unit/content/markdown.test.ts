/**
 * Text fields (docs/content-format.md, "Texte und Markdown"): inline fields are one paragraph, bodies are
 * Markdown, raw HTML is an error everywhere (naming file and line), links may only be https:,
 * http:, mailto:, tel: or site-relative, and site-relative links get the base path.
 */
import { describe, expect, test } from 'vitest';
import { createRenderer, inspectMarkdown, isAllowedHref, plainText } from '../../../src/core/markdown.ts';
import { createUrls } from '../../../src/model/urls.ts';
import { incident, md, output, service, site, text, town } from '../support/content.ts';

describe('isAllowedHref', () => {
  test.each(['https://www.soest.de', 'http://www.soest.de', 'mailto:a@soest.de', 'tel:+4929211030', '/soest/', '/anliegen/#p', 'buergerbuero/', '#kontakt', 'HTTPS://X.DE'])('%s is allowed', (href) => {
    expect(isAllowedHref(href)).toBe(true);
  });
  test.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '//evil.example/x', 'ftp://soest.de'])('%s is not', (href) => {
    expect(isAllowedHref(href)).toBe(false);
  });
});

describe('inspectMarkdown', () => {
  test('one paragraph of inline Markdown is fine', () => {
    expect(inspectMarkdown('Das *Bürgerbüro* ist [geöffnet](https://www.soest.de), Tel. [02921 103-0](tel:+4929211030).', true)).toEqual([]);
  });

  test('block elements in inline text', () => {
    expect(inspectMarkdown('# Titel\nText', true)).toEqual([{ kind: 'block', found: 'heading', line: 0 }]);
    expect(inspectMarkdown('- eins\n- zwei', true)).toEqual([{ kind: 'block', found: 'list', line: 0 }]);
    expect(inspectMarkdown('eins\n\nzwei', true)).toEqual([{ kind: 'block', found: 'paragraphs', line: 0 }]);
    expect(inspectMarkdown('> Zitat\n> weiter', true)).toEqual([{ kind: 'block', found: 'blockquote', line: 0 }]);
    expect(inspectMarkdown('```\ncode\n```', true)).toEqual([{ kind: 'block', found: 'code', line: 0 }]);
    expect(inspectMarkdown('eins\n\n---', true)).toEqual([{ kind: 'block', found: 'rule', line: 2 }]);
    expect(inspectMarkdown('![Logo](https://x.de/l.png)', true)).toEqual([{ kind: 'block', found: 'image', line: 0 }]);
  });

  test('a text on one line is always inline: "1. Hilfe" is no list, "# 5" no heading', () => {
    expect(inspectMarkdown('1. Hilfe', true)).toEqual([]);
    expect(inspectMarkdown('# 5', true)).toEqual([]);
    expect(inspectMarkdown('- Ausweis', true)).toEqual([]);
  });

  test('a body may have blocks but no HTML', () => {
    expect(inspectMarkdown('# Titel\n\n- eins\n\nzwei', false)).toEqual([]);
    expect(inspectMarkdown('Logo:\n\n![Logo](https://x.de/l.png)', false)).toEqual([{ kind: 'image', found: 'https://x.de/l.png', line: 2 }]);
    expect(inspectMarkdown('Text\n\n<div>x</div>\n\nmit <b>fett</b>', false)).toEqual([
      { kind: 'html', found: '<div>x</div>', line: 2 },
      { kind: 'html', found: '<b>', line: 4 },
      { kind: 'html', found: '</b>', line: 4 },
    ]);
  });

  test('plainText', () => {
    expect(plainText('Den *Personalausweis* [beantragen](https://x.de)')).toBe('Den Personalausweis beantragen');
  });
});

describe('createRenderer', () => {
  const render = createRenderer(createUrls({ base: '/notfall/' }).path);

  test('site-relative links get the base path; external ones rel=noopener', () => {
    expect(render.inline('Siehe [Soest](/soest/) und [Kreis](https://www.kreis-soest.de).').html).toBe(
      'Siehe <a href="/notfall/soest/">Soest</a> und <a href="https://www.kreis-soest.de" rel="noopener noreferrer">Kreis</a>.',
    );
    expect(render.inline('[Mail](mailto:a@soest.de) [Tel](tel:+4929211030)').html).toBe('<a href="mailto:a@soest.de">Mail</a> <a href="tel:+4929211030">Tel</a>');
  });

  test('at the domain root', () => {
    expect(createRenderer(createUrls({ base: '/' }).path).inline('[Soest](/soest/)').html).toBe('<a href="/soest/">Soest</a>');
  });

  test('raw HTML and forbidden links are never rendered', () => {
    expect(render.inline('<b>x</b> [y](javascript:alert(1))').html).toBe('&lt;b&gt;x&lt;/b&gt; [y](javascript:alert(1))');
    expect(render.block('<script>alert(1)</script>').html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
  });

  test('markdown and html are both kept', () => {
    expect(render.inline('*a*')).toEqual({ markdown: '*a*', html: '<em>a</em>' });
  });

  test('through loadSite with a base path', async () => {
    const s = await site(
      { 'towns/soest/index.md': town('Soest', '', 'Mehr beim [Bürgerbüro](/soest/buergerbuero/).\n'), 'towns/soest/buergerbuero.md': service() },
      { basePath: '/notfall/' },
    );
    expect(s.town('soest')!.body.html).toBe('<p>Mehr beim <a href="/notfall/soest/buergerbuero/">Bürgerbüro</a>.</p>\n');
    expect(createUrls(s.address).path(s.town('soest')!.path)).toBe('/notfall/soest/');
  });
});

describe('Markdown in content', () => {
  test('raw HTML in summary, note, text, task title and body names file and line', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service(
          text`
            channels:
              - channel: phone
                status: normal
                value: 02921 103-0
                note: Nur <u>vormittags</u>
            tasks:
              - title: <b>Ausweis</b> beantragen
                status: normal
                note: Mit <br> Termin
            updates:
              - at: 2023-11-03
                text: Neu <img src="x">
          `,
          'limited',
          'Erste Zeile.\n\nDritte Zeile mit <span>HTML</span>.\n\n<div>\nBlock\n</div>\n',
        ).replace('summary: Geschlossen.', 'summary: Geschlossen <!-- intern -->'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:5: summary: enthält HTML „<!-- intern -->“ — erlaubt: nur Markdown
      content/towns/soest/buergerbuero.md:10: channels[1].note: enthält HTML „<u>“ — erlaubt: nur Markdown
      content/towns/soest/buergerbuero.md:12: tasks[1].title: enthält HTML „<b>“ — erlaubt: nur Markdown
      content/towns/soest/buergerbuero.md:14: tasks[1].note: enthält HTML „<br>“ — erlaubt: nur Markdown
      content/towns/soest/buergerbuero.md:17: updates[1].text: enthält HTML „<img src="x">“ — erlaubt: nur Markdown
      content/towns/soest/buergerbuero.md:21: enthält HTML „<span>“ — erlaubt: nur Markdown
      content/towns/soest/buergerbuero.md:23: enthält HTML „<div>“ — erlaubt: nur Markdown"
    `);
  });

  test('javascript: and data: links are errors, in inline fields and in bodies', async () => {
    expect(
      await output({
        'towns/soest/index.md': town('Soest', '', 'Text\n\n[Klick](javascript:alert(1))\n\n[Bild](data:text/html;base64,PHNjcmlwdD4=)\n').replace(
          'summary: Geöffnet.',
          'summary: "[Hier](javascript:void(0)) klicken"',
        ),
        'pages/impressum.md': md('title: Impressum', '[Datei](file:///C:/intern.docx) und <https://www.soest.de>\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/pages/impressum.md:4: Link auf „file:///C:/intern.docx“ — erlaubt: https:, http:, mailto:, tel: oder ein Pfad dieser Website wie /soest/
      content/towns/soest/index.md:6: summary: Link auf „javascript:void(0)“ — erlaubt: https:, http:, mailto:, tel: oder ein Pfad dieser Website wie /soest/
      content/towns/soest/index.md:10: Link auf „javascript:alert(1)“ — erlaubt: https:, http:, mailto:, tel: oder ein Pfad dieser Website wie /soest/
      content/towns/soest/index.md:12: Link auf „data:text/html;base64,PHNjcmlwdD4=“ — erlaubt: https:, http:, mailto:, tel: oder ein Pfad dieser Website wie /soest/"
    `);
  });

  test('https, http, mailto, tel and site-relative links are fine', async () => {
    const s = await site({
      'towns/soest/index.md': town(
        'Soest',
        '',
        '[a](https://www.soest.de) [b](http://alt.soest.de) [c](mailto:info@soest.de) [d](tel:+4929211030) [e](/soest/buergerbuero/) [f](/soest/#updates)\n',
      ),
      'towns/soest/buergerbuero.md': service(),
    });
    expect(s.town('soest')!.body.html).toContain('href="/soest/buergerbuero/"');
  });

  test('inline fields: two paragraphs, a heading, a list', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service(text`
          tasks:
            - title: Ausweis
              status: normal
              note: |
                ## Mitbringen
                Foto und alter Ausweis
            - title: 1. Hilfe-Kurs anerkennen
              status: normal
              note: |
                - Foto
                - Alter Ausweis
          updates:
            - at: 2023-11-03
              text: |
                Erster Absatz.

                Zweiter Absatz.
        `).replace('summary: Geschlossen.', 'summary: |\n  > Geschlossen\n  > bis Montag'),
        'incidents/sit.md': incident().replace('summary: Die IT ist ausgefallen.', 'summary: "![Logo](https://x.de/logo.png)"'),
      }),
    ).toMatchInlineSnapshot(`
      "content/incidents/sit.md:5: summary: enthält ein Bild — erlaubt: ein einziger Absatz mit *Hervorhebung* und [Links](https://…)
      content/towns/soest/buergerbuero.md:5: summary: enthält ein Zitat — erlaubt: ein einziger Absatz mit *Hervorhebung* und [Links](https://…)
      content/towns/soest/buergerbuero.md:11: tasks[1].note: enthält eine Überschrift — erlaubt: ein einziger Absatz mit *Hervorhebung* und [Links](https://…)
      content/towns/soest/buergerbuero.md:16: tasks[2].note: enthält eine Liste — erlaubt: ein einziger Absatz mit *Hervorhebung* und [Links](https://…)
      content/towns/soest/buergerbuero.md:21: updates[1].text: enthält mehrere Absätze — erlaubt: ein einziger Absatz mit *Hervorhebung* und [Links](https://…)"
    `);
  });

  test('the same in English', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': service('tasks:\n  - title: Ausweis\n    status: normal\n    note: |\n      ## Mitbringen\n      Foto\n') }, { language: 'en' })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:9: tasks[1].note: contains a heading — allowed: a single paragraph with *emphasis* and [links](https://…)"`);
  });

  test('an image in a body', async () => {
    expect(await output({ 'pages/impressum.md': md('title: Impressum', 'Unser Logo:\n\n![Logo](https://www.soest.de/logo.png)\n') })).toMatchInlineSnapshot(`"content/pages/impressum.md:6: enthält ein Bild „https://www.soest.de/logo.png“ — erlaubt: Text und Links; Bilder zeigt diese Website nicht an"`);
  });

  test('a multi-line inline field is one paragraph', async () => {
    const folded = await site({ 'towns/soest/index.md': town('Soest').replace('summary: Geöffnet.', 'summary: >\n  Das Rathaus ist\n  geöffnet.') });
    expect(folded.town('soest')!.summary.html).toBe('Das Rathaus ist geöffnet.');
    const literal = await site({ 'towns/soest/index.md': town('Soest').replace('summary: Geöffnet.', 'summary: |\n  Das Rathaus ist\n  geöffnet.') });
    expect(literal.town('soest')!.summary.html).toBe('Das Rathaus ist\ngeöffnet.');
  });
});
