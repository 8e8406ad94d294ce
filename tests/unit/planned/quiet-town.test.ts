/**
 * 1.2: a closure planned for a service or a task under a town whose summary says that everything
 * works warns (`plannedUnderQuietTown`), so that the editor adds a matching entry to the town;
 * with such an entry, with another summary, for a limited task or once the window is over it does not.
 */
import { describe, expect, test } from 'vitest';
import { base, contentFolder, md, NOW, service } from '../support/content.ts';
import { loadSite } from '../../../src/model/site.ts';
import { formatContentError } from '../../../src/schema/errors.ts';
import { saysEverythingWorks } from '../../../src/schema/warnings.ts';

const closure = (from: string, until: string, status = 'unavailable', indent = '') =>
  `${indent}  - from: ${from}\n${indent}    until: ${until}\n${indent}    status: ${status}\n${indent}    summary: Softwareumstellung, geschlossen. Telefon 02921 103-0.\n`;
const townFile = (summary: string, planned = '') =>
  md(`name: Soest\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: ${summary}\n${planned ? `planned:\n${planned}` : ''}`);
const serviceFile = (extra: string) => service(extra, 'normal').replace('summary: Geschlossen.', 'summary: Arbeitet wie gewohnt.');
const usual = 'Alle Dienste der Verwaltung arbeiten wie gewohnt.';

async function warnings(town: string, svc: string, language: 'de' | 'en' = 'de', builtAt = Date.parse('2023-12-01T00:00:00Z')): Promise<string[]> {
  const { root, dir } = await contentFolder({ ...base, 'towns/soest/index.md': town, 'towns/soest/buergerbuero.md': svc });
  const result = await loadSite(dir, { urls: { base: '/' }, now: NOW, builtAt, cwd: root });
  if (!result.ok) throw new Error(result.errors.map((e) => formatContentError(e, 'de')).join('\n'));
  return result.warnings.filter((w) => w.code !== 'stale').map((w) => formatContentError(w, language));
}

describe('a closure planned under a town that says everything works', () => {
  test('a service closure and a task closure: located warnings, in German and English', async () => {
    const svc = serviceFile(
      `planned:\n${closure('2023-12-12 07:00', '2023-12-12 18:00')}tasks:\n  - title: Ausweis\n    status: normal\n    planned:\n${closure('2023-12-14', '2023-12-15', 'deferred', '    ')}`,
    );
    expect(await warnings(townFile(usual), svc)).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md:9: planned[1].status: Warnung: „unavailable“ ist für Bürgerbüro ab Dienstag, 12.12.2023, 07:00 Uhr geplant, aber die Zusammenfassung von soest sagt, dass alles wie gewohnt funktioniert — in der index.md des Ortes einen passenden Eintrag unter planned anlegen (gleicher Zeitraum, summary für diese Zeit)",
        "content/towns/soest/buergerbuero.md:17: tasks[1].planned[1].status: Warnung: „deferred“ ist für Ausweis (Bürgerbüro) ab Donnerstag, 14.12.2023 geplant, aber die Zusammenfassung von soest sagt, dass alles wie gewohnt funktioniert — in der index.md des Ortes einen passenden Eintrag unter planned anlegen (gleicher Zeitraum, summary für diese Zeit)",
      ]
    `);
    expect((await warnings(townFile('Alles läuft wie gewohnt.'), serviceFile(`planned:\n${closure('2023-12-12 07:00', '2023-12-12 18:00', 'limited')}`), 'en'))[0]).toBe(
      'content/towns/soest/buergerbuero.md:9: planned[1].status: warning: "limited" is planned for Bürgerbüro from Dienstag, 12.12.2023, 07:00 Uhr, but the summary of soest says that everything works as usual — add a matching entry under planned in the index.md of the town (the same window, a summary for that time)',
    );
  });

  test('no warning with a town entry that overlaps, a summary that says otherwise, a limited task, a normal entry, or a window that is over', async () => {
    const svc = serviceFile(`planned:\n${closure('2023-12-12 07:00', '2023-12-12 18:00')}`);
    expect(await warnings(townFile(usual, closure('2023-12-12 07:00', '2023-12-12 18:00', 'limited')), svc)).toEqual([]);
    expect(await warnings(townFile('Das Rathaus ist geöffnet.'), svc)).toEqual([]);
    expect(await warnings(townFile(usual), serviceFile(`tasks:\n  - title: Ausweis\n    status: normal\n    planned:\n${closure('2023-12-14', '2023-12-15', 'limited', '    ')}`))).toEqual([]);
    expect(await warnings(townFile(usual), serviceFile(`planned:\n${closure('2023-12-12 07:00', '2023-12-12 18:00', 'normal')}`))).toEqual([]);
    const over = await warnings(townFile(usual), svc, 'de', Date.parse('2023-12-13T00:00:00Z'));
    expect(over.map((w) => w.split(': ')[1])).toEqual(['planned[1].until']);
  });

  test('what counts as "everything works": the usual sentences, or words of it without words of disruption', () => {
    expect(saysEverythingWorks(usual)).toBe(true);
    expect(saysEverythingWorks('Arbeitet wie gewohnt. Alle Anliegen sind wie üblich möglich.')).toBe(true);
    expect(saysEverythingWorks('Alle Dienste arbeiten **uneingeschränkt**.')).toBe(true);
    expect(saysEverythingWorks('Everything works as usual.')).toBe(true);
    expect(saysEverythingWorks('Das Bürgerbüro ist eingeschränkt, alles andere arbeitet wie gewohnt.')).toBe(false);
    expect(saysEverythingWorks('Das Rathaus ist geöffnet.')).toBe(false);
  });
});
