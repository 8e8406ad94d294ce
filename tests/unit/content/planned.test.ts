/**
 * 1.2: `planned:` entries on a town, a service or a task. Each rule has a bad example with the
 * exact message (German and English), and the time rule is tested before, during and after a
 * window: the state at the build time is what the site holds (`applyPlanned`).
 */
import { describe, expect, test } from 'vitest';
import { base, contentFolder, load, output, service, site, town, NOW } from '../support/content.ts';
import { loadSite } from '../../../src/model/site.ts';
import { isQuietSite } from '../../../src/model/derive.ts';
import { quietUntil } from '../../../src/model/planned-state.ts';
import { formatContentError } from '../../../src/schema/errors.ts';

const closure = (from: string, until: string, status = 'unavailable', summary = 'Softwareumstellung, geschlossen.') =>
  `  - from: ${from}\n    until: ${until}\n    status: ${status}\n    summary: ${summary}\n`;
const normalService = (planned: string) => service(`planned:\n${planned}`, 'normal').replace('summary: Geschlossen.', 'summary: Arbeitet wie gewohnt.');
const quietTown = town('Soest').replace('status: limited\n', '');
const at = (iso: string) => Date.parse(iso);
const files = (planned: string) => ({ 'towns/soest/index.md': quietTown, 'towns/soest/buergerbuero.md': normalService(planned) });

describe('planned changes: the rules', () => {
  test('an end before or at the start, and overlapping windows with different statuses: located errors', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service(`planned:\n${closure('2023-12-12 07:00', '2023-12-12 07:00')}${closure('2023-12-14', '2023-12-15')}${closure('2023-12-15 08:00', '2023-12-16', 'limited')}${closure('2023-12-20', '2023-12-21')}${closure('2023-12-21', '2023-12-22', 'limited')}`),
        'towns/soest/index.md': town('Soest', `planned:\n${closure('2023-12-02', '2023-12-01', 'limited')}`),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:8: planned[1].until: „2023-12-12 07:00“ liegt nicht nach dem Beginn „2023-12-12 07:00“ — erlaubt: ein Ende nach from (ein Datum allein gilt bis zum Ende dieses Tages)
      content/towns/soest/buergerbuero.md:17: planned[3].status: „limited“ überschneidet sich zeitlich mit planned[2] („unavailable“) — welcher Status gilt dann? Erlaubt: Zeiträume, die sich nicht überschneiden, oder derselbe Status
      content/towns/soest/buergerbuero.md:25: planned[5].status: „limited“ überschneidet sich zeitlich mit planned[4] („unavailable“) — welcher Status gilt dann? Erlaubt: Zeiträume, die sich nicht überschneiden, oder derselbe Status
      content/towns/soest/index.md:9: planned[1].until: „2023-12-01“ liegt nicht nach dem Beginn „2023-12-02“ — erlaubt: ein Ende nach from (ein Datum allein gilt bis zum Ende dieses Tages)"
    `);
  });

  test('a status that is not one, a missing field and an unknown one: located, with a suggestion', async () => {
    expect(
      await output({
        'towns/soest/buergerbuero.md': service(
          `tasks:\n  - title: Ausweis\n    status: normal\n    planned:\n      - from: 2023-12-12\n        untill: 2023-12-13\n        status: closed\n        summary: Zu.\n`,
        ),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:10: tasks[1].planned[1].until: fehlt — dieses Feld ist Pflicht
      content/towns/soest/buergerbuero.md:11: tasks[1].planned[1].untill: unbekanntes Feld — erlaubt: from, until, status, summary (meinten Sie „until“?)
      content/towns/soest/buergerbuero.md:12: tasks[1].planned[1].status: „closed“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „unavailable“?)"
    `);
  });

  test('the same in English', async () => {
    expect(
      await output({ 'towns/soest/buergerbuero.md': service(`planned:\n${closure('2023-12-14', '2023-12-13')}${closure('2023-12-12', '2023-12-20', 'limited')}${closure('2023-12-19', '2023-12-22')}`) }, { language: 'en' }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:8: planned[1].until: "2023-12-13" is not after the start "2023-12-14" — allowed: an end after from (a date alone lasts until the end of that day)
      content/towns/soest/buergerbuero.md:17: planned[3].status: "unavailable" overlaps planned[2] ("limited") — which status would hold then? Allowed: windows that do not overlap, or the same status"
    `);
  });

  test('a window that is over: a warning, not an error', async () => {
    const result = await load(files(closure('2023-10-01 07:00', '2023-10-02 18:00')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings.map((w) => formatContentError(w, 'de'))).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md:8: planned[1].until: Warnung: Der geplante Zeitraum ist vorbei (bis Montag, 02.10.2023, 18:00 Uhr) und wird nicht mehr gezeigt — den Eintrag unter planned entfernen",
      ]
    `);
  });

  test('windows that touch, or overlap with the same status, are fine; a date alone for until lasts the whole day', async () => {
    const s = await site(files(`${closure('2023-12-12', '2023-12-12')}${closure('2023-12-13', '2023-12-14')}${closure('2023-12-14', '2023-12-15')}`));
    const planned = s.town('soest')!.services[0]!.planned;
    expect(planned.map((p) => [new Date(p.start).toISOString(), new Date(p.end).toISOString()])).toEqual([
      ['2023-12-11T23:00:00.000Z', '2023-12-12T23:00:00.000Z'],
      ['2023-12-12T23:00:00.000Z', '2023-12-14T23:00:00.000Z'],
      ['2023-12-13T23:00:00.000Z', '2023-12-15T23:00:00.000Z'],
    ]);
  });
});

describe('planned changes: the state at the build time', () => {
  const window = closure('2023-12-12 07:00', '2023-12-12 18:00');
  const build = async (builtAt: number) => {
    const { root, dir } = await contentFolder({ ...base, ...files(window) });
    const result = await loadSite(dir, { urls: { base: '/' }, now: NOW, builtAt, cwd: root });
    if (!result.ok) throw new Error(result.errors.map((e) => formatContentError(e, 'de')).join('\n'));
    return result.site;
  };

  test('before: as written, the home page quiet', async () => {
    const s = await build(at('2023-12-12T05:59:00Z'));
    const soest = s.town('soest')!;
    expect([soest.status, soest.services[0]!.status, soest.services[0]!.summary.markdown]).toEqual(['normal', 'normal', 'Arbeitet wie gewohnt.']);
    expect(isQuietSite(s)).toBe(true);
  });

  test('during: the planned status and summary, the town derived from it, the home page not quiet', async () => {
    const s = await build(at('2023-12-12T06:00:00Z'));
    const soest = s.town('soest')!;
    expect([soest.status, soest.services[0]!.status, soest.services[0]!.summary.markdown]).toEqual(['unavailable', 'unavailable', 'Softwareumstellung, geschlossen.']);
    expect(s.index.find((e) => e.kind === 'service')!.status).toBe('unavailable');
    expect(isQuietSite(s)).toBe(false);
  });

  test('after (the end is exclusive): as written again', async () => {
    const s = await build(at('2023-12-12T17:00:00Z'));
    expect(s.town('soest')!.services[0]!.status).toBe('normal');
    expect(isQuietSite(s)).toBe(true);
  });

  test('warnings are about what the files say: a task closed by plan under a normal service warns neither before nor during', async () => {
    const task = `tasks:\n  - title: Ausweis\n    status: normal\n    planned:\n${closure('2023-12-12 07:00', '2023-12-12 18:00').replace(/^/gm, '    ').trimEnd()}\n`;
    const content = { 'towns/soest/index.md': quietTown, 'towns/soest/buergerbuero.md': service(task, 'normal').replace('summary: Geschlossen.', 'summary: Arbeitet wie gewohnt.') };
    for (const builtAt of [at('2023-12-12T05:00:00Z'), at('2023-12-12T09:00:00Z')]) {
      const { root, dir } = await contentFolder({ ...base, ...content });
      const result = await loadSite(dir, { urls: { base: '/' }, now: NOW, builtAt, cwd: root });
      expect(result.ok && result.warnings.map((w) => w.code).filter((code) => code !== 'stale'), new Date(builtAt).toISOString()).toEqual([]);
      if (result.ok) expect(result.site.town('soest')!.services[0]!.tasks[0]!.status).toBe(builtAt > at('2023-12-12T06:00:00Z') ? 'unavailable' : 'normal');
    }
  });

  test('a town whose own status says normal follows its services while a planned closure runs (never better than them)', async () => {
    const normalTown = town('Soest').replace('status: limited', 'status: normal');
    const { root, dir } = await contentFolder({ ...base, 'towns/soest/index.md': normalTown, 'towns/soest/buergerbuero.md': normalService(window) });
    const result = await loadSite(dir, { urls: { base: '/' }, now: NOW, builtAt: at('2023-12-12T09:00:00Z'), cwd: root });
    expect(result.ok && [result.site.town('soest')!.status, result.site.town('soest')!.statusDerived]).toEqual(['unavailable', true]);
  });

  test('quietUntil: the first start of a planned change that is not normal', async () => {
    const s = await build(at('2023-12-01T00:00:00Z'));
    expect(quietUntil(s, s.builtAt)).toBe(at('2023-12-12T06:00:00Z'));
    expect(quietUntil(s, at('2023-12-12T06:00:00Z'))).toBeUndefined();
  });
});
