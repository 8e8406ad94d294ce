/**
 * Languages of parts (docs/languages.md): a site with an Arabic interface over German notices.
 * Every text an editor wrote carries a unique marker word ("Zmarke07"); on every page the build
 * writes, each text node with a marker must sit inside an element whose nearest `lang` is `de`
 * (and `dir="ltr"`), whatever the component that rendered it. Headings are never marked
 * themselves, so all headings keep the page's side. `<title>` cannot carry a language
 * (documented), and scripts (JSON-LD) are not text.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildOnce, readPage, tempDir } from '../support/build.ts';

const files: Record<string, string> = {
  'site.yaml': `title: Zmarke01 Notfall
operator: Zmarke02 Kreisverwaltung
description: Zmarke03 Beschreibung der Lage.
language: ar
url: https://notfall.example.de/
mirrors:
  - https://spiegel.example.net/
timezone: Europe/Berlin
staleAfterHours: 100000000
contacts:
  - channel: phone
    status: normal
    value: "115"
    note: Zmarke04 Bürgertelefon
    hours: Zmarke05 werktags
`,
  'towns/kreis/index.md': `---
name: Zmarke06kreis
kind: Zmarke07 Kreis
status: limited
updated: 2024-07-01 09:00
summary: Zmarke08 Der Kreis ist erreichbar.
---
`,
  'towns/dorf/index.md': `---
name: Zmarke09dorf
kind: Gemeinde
parent: kreis
incidents: ausfall
updated: 2024-07-01 09:00
summary: Zmarke10 Das Rathaus arbeitet eingeschränkt.
contacts:
  - channel: email
    status: normal
    value: rathaus@dorf.example
    note: Zmarke11 Antwort in zwei Tagen
links:
  - title: Zmarke12 Portal
    url: https://portal.dorf.example/
updates:
  - at: 2024-07-01 09:00
    text: Zmarke13 Erste Meldung.
---
Zmarke14 Mehr über das Rathaus.
`,
  'towns/dorf/amt.md': `---
title: Zmarke15 Amt
status: limited
updated: 2024-07-01 09:00
summary: Zmarke16 Nur mit Termin.
channels:
  - channel: phone
    status: normal
    value: "02921 30-0"
    note: Zmarke17 Zentrale
    hours: Zmarke18 vormittags
  - channel: post
    status: normal
    value: Zmarke19 Markt 1, 59494 Soest
tasks:
  - title: Zmarke20 Ausweis beantragen
    status: deferred
    note: Zmarke21 Anträge werden später bearbeitet.
  - title: Zmarke22 Reisepass abholen
    status: normal
updates:
  - at: 2024-07-01 09:00
    text: Zmarke23 Termine wieder frei.
---
Zmarke24 Was sonst noch gilt.
`,
  'incidents/ausfall.md': `---
title: Zmarke25 Ausfall
started: 2024-07-01 08:00
updated: 2024-07-01 09:00
summary: Zmarke26 Die Rechner sind ausgefallen.
updates:
  - at: 2024-07-01 09:00
    text: Zmarke27 Die Lage ist unverändert.
---
Zmarke28 Hintergrund.
`,
  'pages/impressum.md': `---
title: Zmarke29 Impressum
footer: true
---
Zmarke30 Verantwortlich ist der Kreis.
`,
};
const markers = Array.from({ length: 30 }, (_, i) => `Zmarke${String(i + 1).padStart(2, '0')}`);

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

interface Found {
  marker: string;
  /** The tags from `<html>` to the text, with their lang and dir. */
  path: { tag: string; lang?: string; dir?: string; hidden?: boolean }[];
}

/** A tiny HTML walker: every text node with a marker, with the elements around it. */
function markersIn(html: string): Found[] {
  const found: Found[] = [];
  const stack: Found['path'] = [];
  const token = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/gi;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [, closing, name, attributes = '', text] = m;
    if (text !== undefined) {
      // Hidden elements (the search index's meta and words) are neither shown nor read out.
      if (stack.some((e) => e.hidden)) continue;
      for (const marker of text.match(/Zmarke\d\d/g) ?? []) found.push({ marker, path: [...stack] });
      continue;
    }
    if (!name) continue;
    const tag = name.toLowerCase();
    if (closing) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (tag === 'script' || tag === 'style' || tag === 'title') {
      // Raw text (JSON-LD, the stylesheet) and <title>, which allows no markup: skipped.
      const end = html.toLowerCase().indexOf(`</${tag}`, token.lastIndex);
      token.lastIndex = end < 0 ? html.length : end;
      continue;
    }
    if (voidElements.has(tag) || attributes.trimEnd().endsWith('/')) continue;
    const lang = /\slang="([^"]*)"/.exec(attributes)?.[1];
    const dir = /\sdir="([^"]*)"/.exec(attributes)?.[1];
    const hidden = /\shidden(?=[\s=/]|$)/.test(attributes);
    stack.push({ tag, ...(lang === undefined ? {} : { lang }), ...(dir === undefined ? {} : { dir }), ...(hidden ? { hidden } : {}) });
  }
  return found;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : [],
  );
}

let dist: string;
beforeAll(() => {
  const content = path.join(tempDir('aushang-lang-'), 'content');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), text);
  }
  dist = buildOnce(content);
}, 240_000);

describe('an Arabic interface over German notices', () => {
  test('every marker on every page sits inside lang="de" dir="ltr"', () => {
    const seen = new Set<string>();
    const wrong: string[] = [];
    const pages = htmlFiles(dist);
    expect(pages.length).toBeGreaterThan(8);
    for (const file of pages) {
      const page = `/${path.relative(dist, file)}`;
      const html = readFileSync(file, 'utf8');
      expect(html, page).toMatch(/<html lang="ar" dir="rtl"[ >]/);
      for (const { marker, path: around } of markersIn(html)) {
        seen.add(marker);
        const lang = around.findLast((e) => e.lang !== undefined);
        const dir = around.findLast((e) => e.dir !== undefined);
        if (lang?.lang !== 'de' || dir?.dir !== 'ltr') {
          wrong.push(`${page}: ${marker} in ${around.map((e) => e.tag + (e.lang ? `[lang=${e.lang}]` : '') + (e.dir ? `[dir=${e.dir}]` : '')).join(' > ')}`);
        }
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    // Every editor's text was found on some page: the walk saw them all.
    expect(markers.filter((m) => !seen.has(m))).toEqual([]);
  });

  test('the printed notice is marked everywhere it shows what editors wrote', () => {
    const found = markersIn(readPage(dist, '/dorf/aushang/')).map((f) => f.marker);
    // The town's name and summary, its contacts with their notes, services, channels with their
    // hours, tasks, the incident, the operator, the legal page, the site's contacts.
    for (const marker of ['Zmarke02', 'Zmarke04', 'Zmarke09', 'Zmarke10', 'Zmarke11', 'Zmarke15', 'Zmarke16', 'Zmarke18', 'Zmarke20', 'Zmarke25', 'Zmarke29']) {
      expect(found, marker).toContain(marker);
    }
    expect(markersIn(readPage(dist, '/kreis/aushang/')).map((f) => f.marker)).toEqual(expect.arrayContaining(['Zmarke06', 'Zmarke07', 'Zmarke09']));
  });

  test('headings (and the notice’s town kind above its name) are never marked themselves: all keep the page’s side', () => {
    const marked: string[] = [];
    for (const file of htmlFiles(dist)) {
      // The notice's town kind ("Stadt") belongs to its heading.
      for (const m of readFileSync(file, 'utf8').matchAll(/<(?:h[1-6]\b|p class="notice-kind")[^>]*\sdir="ltr"[^>]*>/g)) marked.push(`/${path.relative(dist, file)}: ${m[0]}`);
    }
    expect(marked).toEqual([]);
  });

  test('the home page suggests words of the site’s own tasks, marked German', () => {
    const home = readPage(dist, '/');
    expect(home).toContain('مثلاً «<span lang="de" dir="ltr">Ausweis</span>» أو «<span lang="de" dir="ltr">Reisepass</span>»');
  });
});
