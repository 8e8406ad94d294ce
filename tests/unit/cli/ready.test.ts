/**
 * `aushang ready` (issue 18, scope 2): what is still example or empty, per town, as a checklist;
 * exit 0 when nothing is left, 1 otherwise.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runReady } from '../../../src/cli/ready.ts';
import { initSite } from '../../../src/init/index.ts';
import { base, contentFolder, md, text, type Files } from '../support/content.ts';
import { NOW } from '../support/content.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';

async function ready(root: string, env: Record<string, string | undefined> = {}) {
  const lines: string[] = [];
  const code = await runReady([], { cwd: root, now: NOW, out: (line) => lines.push(line), env });
  return { code, text: lines.join('\n') };
}

const prepared: Files = {
  'site.yaml': text`
    title: Notfall-Informationen Test
    operator: Kreis Test
    editor:
      backend: github
      repo: kreis-soest/notfall
  `,
  'towns/soest/index.md': md(text`
    name: Soest
    kind: Stadt
    updated: 2023-11-03 14:17
    summary: Das Rathaus ist geöffnet.
    contacts:
      - channel: phone
        status: normal
        value: 02921 103-0
  `),
  'towns/soest/buergerbuero.md': md(text`
    title: Bürgerbüro
    status: normal
    updated: 2023-11-03 14:17
    summary: Wie gewohnt.
    channels:
      - channel: phone
        status: normal
        value: 02921 103-2127
      - channel: email
        status: unavailable
  `),
  'pages/impressum.md': md('title: Impressum\nrole: impressum', 'Kreis Test, Hoher Weg 1.\n'),
};

describe('aushang ready', () => {
  test('nothing left: exit 0', async () => {
    const { root } = await contentFolder(prepared);
    expect(await ready(root, { SITE_URL: 'https://notfall.kreis-soest.de' })).toEqual({ code: 0, text: 'Bereit: Soest\n\nAlles vorbereitet: nichts mehr offen.' });
  });

  test('what is left, per town, in German; exit 1', async () => {
    const { root } = await contentFolder({
      ...prepared,
      'site.yaml': 'title: T\noperator: O\neditor:\n  backend: github\n  repo: beispiel-organisation/notfall\n',
      'towns/werl/index.md': md('name: Werl\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Geöffnet.'),
      'towns/werl/standesamt.md': md('title: Standesamt\nstatus: normal\nupdated: 2023-11-03 14:17\nsummary: Wie gewohnt.\nchannels:\n  - channel: phone\n    status: normal\n  - channel: email\n    status: limited'),
      'towns/soest/index.md': md('name: Soest\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Geöffnet.\ncontacts:\n  - channel: web\n    status: normal'),
      'pages/impressum.md': md('title: Impressum\nrole: impressum\nexample: true', 'Beispiel.\n'),
    });
    const { code, text: out } = await ready(root);
    expect(code).toBe(1);
    expect(out).toBe(
      [
        'Ganze Website',
        '  [ ] Öffentliche Adresse: weder url: in content/site.yaml noch SITE_URL beim Bauen — ohne sie fehlen Feeds, Sitemap und QR-Codes mit voller Adresse',
        '  [ ] Web-Editor: editor.repo „beispiel-organisation/notfall“ ist noch das Beispiel — das echte Repository eintragen',
        '  [ ] Noch Beispiel (example: true): content/pages/impressum.md — mit echten Angaben füllen, dann die Zeile entfernen',
        'Soest (soest)',
        '  [ ] Kontaktwege ohne Nummer oder Adresse: Website (content/towns/soest/index.md)',
        'Werl (werl)',
        '  [ ] Keine allgemeinen Kontaktwege (contacts in content/towns/werl/index.md)',
        '  [ ] 1 von 1 Diensten mit Kontaktwegen ohne Nummer oder Adresse (Telefon 1, E-Mail 1), z. B. standesamt — eintragen mit: npm run update -- werl/<dienst> --channel phone --value "…"',
        '',
        '6 Punkte offen.',
      ].join('\n'),
    );
  });

  test('in English; no editor at all', async () => {
    const { root } = await contentFolder({ ...prepared, 'site.yaml': 'title: T\noperator: O\nlanguage: en\n' });
    expect(await ready(root, { SITE_URL: 'https://notfall.example.org' })).toEqual({
      code: 1,
      text: 'The whole site\n  [ ] Sign-in for the web editor not set up: no editor: in content/site.yaml (docs/web-editor.md)\nReady: Soest\n\n1 point open.',
    });
  });

  test('content with errors: they come first, exit 1', async () => {
    const { root } = await contentFolder({ ...base, 'towns/soest/index.md': md('name: Soest\nkind: Stadt\nupdated: gestern\nstatus: normal\nsummary: x') });
    const { code, text: out } = await ready(root);
    expect(code).toBe(1);
    expect(out.split('\n')[0]).toBe('Der Inhalt hat 1 Fehler; beheben Sie sie zuerst (npm run check zeigt sie):');
    expect(out.split('\n')[1]).toMatch(/^content\/towns\/soest\/index\.md:4: updated: „gestern“/);
  });

  test('a site from init --towns: every town is listed with its open points', { timeout: 30_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'aushang-ready-'));
    await writeFile(path.join(dir, 'towns.csv'), 'name,kind,phone,website\nKreis Soest,Kreis,02921 30-0,https://www.kreis-soest.de\nWerl,Stadt,,\n');
    const site = path.join(dir, 'site');
    await initSite(site, { towns: path.join(dir, 'towns.csv'), cwd: dir, now: NOW });
    const { code, text: out } = await ready(site);
    expect(code).toBe(1);
    const headings = out.split('\n').filter((line) => line !== '' && !line.startsWith('  '));
    expect(headings).toEqual(['Ganze Website', 'Kreis Soest (kreis-soest)', 'Werl (werl)', '14 Punkte offen.'.replace('14', String(out.split('\n').filter((line) => line.startsWith('  [ ]')).length))]);
    expect(out).toContain('  [ ] Kontaktwege ohne Nummer oder Adresse: E-Mail (content/towns/kreis-soest/index.md)');
    expect(out).toContain('  [ ] Kontaktwege ohne Nummer oder Adresse: Telefon, E-Mail, Website (content/towns/werl/index.md)');
  });
});
