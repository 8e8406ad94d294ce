/** Edge cases in a small fixture site, bad content, base paths and the build's safety. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOnce, compareLinkTargets, fixture, readPage, runCli, tempDir } from '../support/build.ts';

describe('the edge fixture', () => {
  let dist: string;
  beforeAll(() => {
    dist = buildOnce(fixture('edge'));
  });

  it('makes every page and anchor the link checker accepts (aliases too), and no other page', async () => {
    expect(await compareLinkTargets(dist, fixture('edge'))).toBeGreaterThan(10);
  });

  it('escapes the site title and derives the town status', () => {
    const html = readPage(dist, '/');
    expect(html).toContain('Testkreis &quot;Notfall&quot; &lt;/script&gt;');
    expect(html).not.toContain('</script> –');
    // Testdorf has a normal and an unavailable service: limited.
    expect(readPage(dist, '/testdorf/')).toMatch(/tag-limited[^>]*>Eingeschränkt/);
  });

  it('shows times in Berlin time whatever the offset was written in, updates newest first', () => {
    const page = readPage(dist, '/testdorf/');
    const html = page.slice(page.indexOf('<ol class="updates">'));
    const order = ['2024-10-27T02:30:00+02:00', '2024-07-01T09:00:00+02:00', '2024-01-15'].map((iso) => html.indexOf(`datetime="${iso}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const incident = readPage(dist, '/stoerungen/stromausfall/');
    expect(incident).toContain('<time datetime="2024-07-02T10:00:00+02:00">Dienstag, 02.07.2024, 10:00 Uhr</time>');
    expect(incident).toContain('<time datetime="2024-07-01T08:00:00+02:00">Montag, 01.07.2024, 08:00 Uhr</time>');
  });

  it('links phone numbers, short codes, e-mail and portals; fax only as text', () => {
    const html = readPage(dist, '/testdorf/buergerbuero/');
    expect(html).toContain('href="tel:+498001110111"');
    expect(html).toContain('02921/103-2000');
    expect(html).not.toContain('tel:+49292110320');
    expect(readPage(dist, '/')).toContain('href="tel:115"');
    const town = readPage(dist, '/testdorf/');
    expect(town).toContain('href="mailto:rathaus@testdorf.example"');
    expect(town).toContain('href="https://portal.testdorf.example/antrag"');
  });

  it('gives repeated task titles distinct anchors', () => {
    const html = readPage(dist, '/testdorf/buergerbuero/');
    expect(html).toContain('id="anliegen-personalausweis-beantragen"');
    expect(html).toContain('id="anliegen-personalausweis-beantragen-2"');
  });

  it('turns aliases into redirect pages', () => {
    for (const alias of ['/dorf/', '/alt/testdorf/']) {
      expect(readPage(dist, alias)).toContain('<meta http-equiv="refresh" content="0; url=/testdorf/">');
    }
    expect(readPage(dist, '/bb/')).toContain('url=/testdorf/buergerbuero/');
    // An old file name stays a file, so any static server finds it.
    expect(readPage(dist, '/alt/testdorf.html')).toContain('url=/testdorf/');
  });

  it('links footer pages and marks resolved incidents as not current', () => {
    const html = readPage(dist, '/');
    expect(html).toContain('href="/impressum/"');
    expect(html).not.toContain('href="/stoerungen/stromausfall/"');
  });

  it('1.2 history: a resolved incident keeps its page, marked as over with its end, and is listed at /stoerungen/', () => {
    // The home page links the list, not the resolved incident.
    expect(readPage(dist, '/')).toContain('<a href="/stoerungen/">Alle Störungen, auch frühere</a>');
    const list = readPage(dist, '/stoerungen/');
    expect(list).toContain('<h1>Störungen</h1>');
    const past = list.slice(list.indexOf('id="past"'));
    expect(past).toContain('<a href="/stoerungen/stromausfall/">Stromausfall</a>');
    expect(past).toContain('Begonnen: <time datetime="2024-07-01T08:00:00+02:00">');
    expect(past).toContain('Behoben: <time datetime="2024-07-02T10:00:00+02:00">');
    expect(list.slice(list.indexOf('id="current"'), list.indexOf('id="past"'))).toContain('Derzeit sind keine Störungen gemeldet.');
    const page = readPage(dist, '/stoerungen/stromausfall/');
    expect(page).toContain('<p class="resolved-note"><strong>Diese Störung ist behoben.</strong> Behoben: <time datetime="2024-07-02T10:00:00+02:00">');
    // The API lists it as well.
    const api = JSON.parse(readFileSync(path.join(dist, 'api/v1/incidents.json'), 'utf8')) as { incidents: { slug: string; resolved?: string }[] };
    expect(api.incidents).toContainEqual(expect.objectContaining({ slug: 'stromausfall', resolved: '2024-07-02T10:00:00+02:00' }));
  });
});

describe('below a path (BASE_PATH)', () => {
  it('prefixes every internal link, asset and Markdown link with the base path', () => {
    const dist = buildOnce(fixture('edge'), { BASE_PATH: '/notfall/' });
    const html = readPage(dist, '/testdorf/');
    const hrefs = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    const internal = hrefs.filter((h) => h.startsWith('/'));
    expect(internal.length).toBeGreaterThan(5);
    for (const href of internal) expect(href).toMatch(/^\/notfall\//);
    expect(html).toContain('href="/notfall/testdorf/buergerbuero/"');
    expect(readPage(dist, '/dorf/')).toContain('url=/notfall/testdorf/');
  });
});

describe('bad content', () => {
  it('check fails and names every broken file', () => {
    const run = runCli('check', [fixture('bad')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('tests/fixtures/sites/bad/towns/ort/index.md:6: incidents[1]: „gibt-es-nicht“');
    expect(run.stdout).toContain('tests/fixtures/sites/bad/towns/ort/buergerbuero.md:3: status: „geschlossen“');
    expect(run.stdout).toContain('tests/fixtures/sites/bad/incidents/angriff.md:3: started: „gestern“');
    expect(run.stdout).toContain('tests/fixtures/sites/bad/incidents/angriff.md:5: summary: enthält HTML „<b>“');
    expect(run.stdout).toContain('Nichts wurde veröffentlicht.');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });

  it('build fails with the same messages and leaves the previous output byte for byte', () => {
    const out = path.join(tempDir(), 'dist');
    mkdirSync(out);
    writeFileSync(path.join(out, 'index.html'), 'previous good build');
    const run = runCli('build', ['--content', fixture('bad'), '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('tests/fixtures/sites/bad/towns/ort/buergerbuero.md:3: status');
    expect(run.stdout).toContain('tests/fixtures/sites/bad/incidents/angriff.md:3: started');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toBe('previous good build');
    expect(existsSync(path.join(out, 'ort'))).toBe(false);
  });

  it('build fails when the content folder is missing', () => {
    const run = runCli('build', ['--content', path.join(tempDir(), 'nichts'), '--out', path.join(tempDir(), 'dist')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('dieser Ordner fehlt oder ist leer');
  });
});

describe('time zone of the building machine', () => {
  it('does not change the output', () => {
    const berlin = readPage(buildOnce(fixture('edge'), { TZ: 'Europe/Berlin', SOURCE_DATE_EPOCH: '1700000000' }), '/testdorf/');
    const newYork = readPage(buildOnce(fixture('edge'), { TZ: 'America/New_York', SOURCE_DATE_EPOCH: '1700000000' }), '/testdorf/');
    expect(newYork).toBe(berlin);
  });
});

describe('a large site', () => {
  it('splits the A–Z list into one page per initial', () => {
    const content = path.join(tempDir(), 'content');
    mkdirSync(path.join(content, 'towns/grossstadt'), { recursive: true });
    writeFileSync(path.join(content, 'site.yaml'), 'title: Groß\noperator: Test\n');
    writeFileSync(
      path.join(content, 'towns/grossstadt/index.md'),
      '---\nname: Großstadt\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Viele Dienste.\n---\n',
    );
    const words = ['Abfall', 'Bauen', 'Chor', 'Dach', 'Ehe', 'Feuer', 'Garten', 'Hund', 'Impfung', 'Jagd', 'Kita', 'Lärm', 'Markt', 'Notar', 'Ölheizung', 'Pass', 'Rente', 'Schule', 'Tiere', 'Umzug', '1. Hilfe'];
    words.forEach((word, i) => {
      const tasks = Array.from({ length: 15 }, (_, j) => `  - title: ${word} Anliegen ${j + 1}\n    status: normal\n`).join('');
      writeFileSync(
        path.join(content, `towns/grossstadt/dienst-${i}.md`),
        `---\ntitle: ${word}\nstatus: limited\nupdated: 2023-11-03 14:17\nsummary: Dienst ${i}.\ntasks:\n${tasks}---\n`,
      );
    });
    // One initial with more entries than fit on one page.
    const many = Array.from({ length: 130 }, (_, j) => `  - title: Sport Anliegen ${String(j + 1).padStart(3, '0')}\n    status: normal\n`).join('');
    writeFileSync(
      path.join(content, 'towns/grossstadt/sport.md'),
      `---\ntitle: Sportamt\nstatus: normal\nupdated: 2023-11-03 14:17\nsummary: Sport.\ntasks:\n${many}---\n`,
    );
    const dist = buildOnce(content);
    const index = readPage(dist, '/anliegen/');
    expect(index).toContain('href="/anliegen/a/"');
    expect(index).toContain('href="/anliegen/0/"');
    expect(index).not.toContain('Abfall Anliegen 1');
    const o = readPage(dist, '/anliegen/o/');
    expect(o).toContain('Ölheizung Anliegen 15');
    expect(o).not.toContain('Abfall Anliegen');
    expect(readPage(dist, '/anliegen/0/')).toContain('1. Hilfe Anliegen 1');
    // "S": Schule (16 entries) and Sport (131) → 147 entries, 120 on the first page.
    const s1 = readPage(dist, '/anliegen/s/');
    const s2 = readPage(dist, '/anliegen/s/2/');
    expect(s1).toContain('Seite 1 von 2');
    expect(s1).toContain('href="/anliegen/s/2/"');
    expect((s1.match(/<li> <a href="\/grossstadt\//g) ?? []).length).toBe(120);
    expect((s2.match(/<li> <a href="\/grossstadt\//g) ?? []).length).toBe(27);
    expect(s2).toContain('Sport Anliegen 130');
  });
});
