/**
 * Content format 1.1: warnings. Valid content that has probably stopped being true: printed,
 * marked as a warning, never an error (the load succeeds). "Now" is the build time: here
 * `builtAt`, in the commands SOURCE_DATE_EPOCH or the clock.
 */
import { describe, expect, test } from 'vitest';
import { loadSite } from '../../../src/model/site.ts';
import { formatContentError } from '../../../src/schema/errors.ts';
import { summaryPointsElsewhere } from '../../../src/schema/warnings.ts';
import { base, contentFolder, incident, md, NOW, service, town, type Files } from '../support/content.ts';

const HOUR = 3_600_000;

/** The warnings an editor would see, at a build time (default: NOW, when the base content is fresh). */
async function warnings(files: Files, builtAt = NOW, language: 'de' | 'en' = 'de'): Promise<string[]> {
  const { root, dir } = await contentFolder({ ...base, ...files });
  const result = await loadSite(dir, { urls: { base: '/' }, now: builtAt, builtAt, cwd: root });
  if (!result.ok) throw new Error(`expected valid content, got:\n${result.errors.map((e) => formatContentError(e, 'de')).join('\n')}`);
  return result.warnings.map((w) => formatContentError(w, language));
}

describe('stale notices', () => {
  test('older than staleAfterHours at the build time: town and service, each where its updated is', async () => {
    const files = { 'towns/soest/buergerbuero.md': service('channels:\n  - channel: phone\n    status: normal\n    value: 02921 103-0\n') };
    // 2023-11-03 14:17 Berlin is 13:17 UTC; 48 hours later it is not yet stale, a minute more is.
    const fresh = Date.parse('2023-11-05T13:17:00Z');
    expect(await warnings(files, fresh)).toEqual([]);
    expect(await warnings(files, fresh + 60_000)).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md:4: updated: Warnung: Stand Freitag, 03.11.2023, 14:17 Uhr ist älter als 48 Stunden — die Seite zeigt „könnten veraltet sein“; bitte prüfen und updated neu setzen",
        "content/towns/soest/index.md:4: updated: Warnung: Stand Freitag, 03.11.2023, 14:17 Uhr ist älter als 48 Stunden — die Seite zeigt „könnten veraltet sein“; bitte prüfen und updated neu setzen",
      ]
    `);
  });

  test('the newest update counts, like the "Stand" of the page; staleAfterHours from site.yaml', async () => {
    const files = {
      'site.yaml': 'title: T\noperator: O\nstaleAfterHours: 6\n',
      'towns/soest/index.md': town('Soest', 'updates:\n  - at: 2023-11-04 12:00\n    text: Neu.\n'),
    };
    expect(await warnings(files, NOW + 5 * HOUR)).toEqual([]);
    expect(await warnings(files, NOW + 6 * HOUR)).toMatchInlineSnapshot(`
      [
        "content/towns/soest/index.md:4: updated: Warnung: Stand Samstag, 04.11.2023, 12:00 Uhr ist älter als 6 Stunden — die Seite zeigt „könnten veraltet sein“; bitte prüfen und updated neu setzen",
      ]
    `);
  });

  test('an open incident goes stale, a resolved one is history', async () => {
    const later = NOW + 72 * HOUR;
    expect(await warnings({ 'towns/soest/index.md': town('Soest').replace('2023-11-03 14:17', '2023-11-07 12:00'), 'incidents/offen.md': incident(), 'incidents/vorbei.md': incident('resolved: 2023-11-03 14:00\n') }, later)).toMatchInlineSnapshot(`
      [
        "content/incidents/offen.md:4: updated: Warnung: Stand Freitag, 03.11.2023, 14:17 Uhr ist älter als 48 Stunden — die Seite zeigt „könnten veraltet sein“; bitte prüfen und updated neu setzen",
      ]
    `);
  });
});

describe('expected in the past', () => {
  test('a restricted service whose expected change has passed; a date counts until the end of its day', async () => {
    const files = { 'towns/soest/buergerbuero.md': service('expected: 2023-11-04\nchannels:\n  - channel: phone\n    status: normal\n    value: 02921 103-0\n') };
    expect(await warnings(files, Date.parse('2023-11-04T20:00:00Z'))).toEqual([]);
    expect(await warnings(files, Date.parse('2023-11-05T01:00:00Z'))).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md:6: expected: Warnung: Samstag, 04.11.2023 liegt in der Vergangenheit — bitte status und expected aktualisieren",
      ]
    `);
    const timed = { 'towns/soest/buergerbuero.md': service('expected: 2023-11-04 10:00\n', 'limited') };
    expect(await warnings(timed)).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md:6: expected: Warnung: Samstag, 04.11.2023, 10:00 Uhr liegt in der Vergangenheit — bitte status und expected aktualisieren",
      ]
    `);
  });

  test('not for a service that is back to normal, nor for one expected later', async () => {
    expect(await warnings({ 'towns/soest/buergerbuero.md': service('expected: 2023-11-01\n', 'normal'), 'towns/soest/gewerbe.md': service('expected: 2023-11-06\n') })).toEqual([]);
  });
});

describe('a service that cannot be used, without an alternative', () => {
  test('deferred or unavailable with no channel, no task and a summary that points nowhere', async () => {
    expect(await warnings({ 'towns/soest/buergerbuero.md': service('', 'unavailable'), 'towns/soest/gewerbe.md': service('', 'deferred') })).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md:3: status: Warnung: „unavailable“, aber weder channels noch tasks noch ein Link, eine E-Mail-Adresse oder Telefonnummer in summary — sagen Sie, was man stattdessen tun kann",
        "content/towns/soest/gewerbe.md:3: status: Warnung: „deferred“, aber weder channels noch tasks noch ein Link, eine E-Mail-Adresse oder Telefonnummer in summary — sagen Sie, was man stattdessen tun kann",
      ]
    `);
  });

  test('a channel, a task, or a summary with a link, an e-mail address or a phone number is enough; limited never warns', async () => {
    expect(
      await warnings({
        'towns/soest/a.md': service('channels:\n  - channel: in-person\n    status: normal\n', 'unavailable'),
        'towns/soest/b.md': service('tasks:\n  - title: Ausweis\n    status: unavailable\n', 'unavailable'),
        'towns/soest/c.md': service('', 'unavailable').replace('summary: Geschlossen.', 'summary: Geschlossen, Anträge beim [Kreis](https://www.kreis-soest.de).'),
        'towns/soest/d.md': service('', 'deferred').replace('summary: Geschlossen.', 'summary: Anträge an buergerbuero@soest.de.'),
        'towns/soest/e.md': service('', 'unavailable').replace('summary: Geschlossen.', 'summary: Geschlossen, Auskunft unter 02921 103-0.'),
        'towns/soest/f.md': service('', 'limited'),
      }),
    ).toEqual([]);
  });

  test('summaryPointsElsewhere: what counts as saying where to turn', () => {
    expect(summaryPointsElsewhere('Bitte an [das Amt](/werl/) wenden.')).toBe(true);
    expect(summaryPointsElsewhere('Siehe <https://www.soest.de>.')).toBe(true);
    expect(summaryPointsElsewhere('Telefon 02921/103-2127')).toBe(true);
    expect(summaryPointsElsewhere('E-Mail an info@soest.de')).toBe(true);
    expect(summaryPointsElsewhere('Geschlossen bis 06.11.2023.')).toBe(false);
    expect(summaryPointsElsewhere('Bitte später wiederkommen.')).toBe(false);
  });
});

describe('a town status that contradicts every service', () => {
  test('unavailable while no service is unavailable', async () => {
    expect(
      await warnings({
        'towns/werl/index.md': town('Werl').replace('status: limited', 'status: unavailable'),
        'towns/werl/a.md': service('', 'normal'),
        'towns/werl/b.md': service('', 'limited'),
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/towns/werl/index.md:5: status: Warnung: „unavailable“ widerspricht allen 2 Diensten (normal, limited) — status weglassen, dann wird er aus den Diensten abgeleitet",
      ]
    `);
  });

  test('no warning when one service agrees, for limited, for a derived status or a town without services', async () => {
    expect(
      await warnings({
        'towns/soest/index.md': town('Soest').replace('status: limited', 'status: unavailable'),
        'towns/soest/a.md': service('channels:\n  - channel: in-person\n    status: normal\n', 'unavailable'),
        'towns/soest/b.md': service('', 'limited'),
        'towns/werl/index.md': town('Werl'),
        'towns/werl/a.md': service('', 'normal'),
        'towns/lippstadt/index.md': town('Lippstadt').replace('status: limited\n', ''),
        'towns/lippstadt/a.md': service('', 'limited'),
        'towns/erwitte/index.md': town('Erwitte').replace('status: limited', 'status: normal'),
      }),
    ).toEqual([]);
  });

  test('normal above a service that is not normal is no longer a warning but an error (content format 1.2): reported once', async () => {
    const { root, dir } = await contentFolder({
      ...base,
      'towns/soest/index.md': town('Soest').replace('status: limited', 'status: normal'),
      'towns/soest/a.md': service('channels:\n  - channel: in-person\n    status: normal\n', 'unavailable'),
    });
    const result = await loadSite(dir, { urls: { base: '/' }, now: NOW, builtAt: NOW, cwd: root });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual(['townStatusTooGood']);
  });
});

describe('content format 1.2: words that contradict a status', () => {
  const normalTown = (summary: string) => md(`name: Werl\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: ${summary}`);
  const standesamt = service('', 'normal').replace('Bürgerbüro', 'Standesamt');

  test('a town summary that speaks of services as disrupted while every service is back to normal (de, en)', async () => {
    const files = {
      'towns/werl/index.md': normalTown('Das **Bürgerbüro** und das Standesamt sind eingeschränkt.'),
      'towns/werl/buergerbuero.md': service('', 'normal'),
      'towns/werl/standesamt.md': standesamt,
    };
    expect(await warnings(files)).toMatchInlineSnapshot(`
      [
        "content/towns/werl/index.md:5: summary: Warnung: spricht von Bürgerbüro, Standesamt, als wäre etwas gestört, aber alle Dienste sind wieder normal verfügbar — summary anpassen: npm run update -- werl --summary "…"",
      ]
    `);
    expect(await warnings(files, NOW, 'en')).toMatchInlineSnapshot(`
      [
        "content/towns/werl/index.md:5: summary: warning: speaks of Bürgerbüro, Standesamt as if something were disrupted, but every service is available as usual again — change the summary: npm run update -- werl --summary "…"",
      ]
    `);
  });

  test('no warning while a service is still disrupted, for a summary without words of disruption, or one that names no service', async () => {
    expect(
      await warnings({
        'towns/werl/index.md': normalTown('Das Bürgerbüro ist wieder geöffnet, alles wie gewohnt.'),
        'towns/werl/buergerbuero.md': service('', 'normal'),
        'towns/ense/index.md': normalTown('Das Standesamt ist eingeschränkt.').replace('Werl', 'Ense'),
        'towns/ense/standesamt.md': service('', 'limited').replace('Bürgerbüro', 'Standesamt'),
        'towns/erwitte/index.md': normalTown('Die Störung ist behoben.').replace('Werl', 'Erwitte'),
        'towns/erwitte/standesamt.md': standesamt,
        'towns/anroechte/index.md': normalTown('Die Bürgerbürokratie war gestört.').replace('Werl', 'Anröchte'),
        'towns/anroechte/buergerbuero.md': service('', 'normal'),
      }),
    ).toEqual([]);
  });

  test('a task that is not normal under a service marked normal, at the task’s line (de, en)', async () => {
    const files = {
      'towns/soest/buergerbuero.md': service('tasks:\n  - title: Ausweis abholen\n    status: normal\n  - title: Reisepass *beantragen*\n    status: unavailable\n  - title: Ummelden\n    status: deferred\n', 'normal'),
      'towns/soest/gewerbe.md': service('tasks:\n  - title: Gewerbe anmelden\n    status: unavailable\n', 'limited'),
    };
    expect(await warnings(files)).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md:10: tasks[2].status: Warnung: „unavailable“ bei „Reisepass beantragen“, aber der Dienst steht auf status: normal — einer der beiden stimmt nicht: dann den Dienst auf limited setzen oder das Anliegen auf normal",
        "content/towns/soest/buergerbuero.md:12: tasks[3].status: Warnung: „deferred“ bei „Ummelden“, aber der Dienst steht auf status: normal — einer der beiden stimmt nicht: dann den Dienst auf limited setzen oder das Anliegen auf normal",
      ]
    `);
    expect(await warnings(files, NOW, 'en')).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md:10: tasks[2].status: warning: "unavailable" for "Reisepass beantragen", but the service says status: normal — one of the two is wrong: set the service to limited or the task to normal",
        "content/towns/soest/buergerbuero.md:12: tasks[3].status: warning: "deferred" for "Ummelden", but the service says status: normal — one of the two is wrong: set the service to limited or the task to normal",
      ]
    `);
  });
});

describe('content format 1.2: a summary kept while the status changed', () => {
  test('a sentence the commands or the catalogue write for "works as usual" above a disrupted status, and the other way round (de, en)', async () => {
    const files = {
      // The town's status follows from its services: limited. Its summary is init's.
      'towns/werl/index.md': md('name: Werl\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Alle Dienste der Verwaltung arbeiten wie gewohnt.'),
      'towns/werl/buergerbuero.md': service('channels:\n  - { channel: in-person, status: normal }\n', 'unavailable').replace('summary: Geschlossen.', 'summary: Arbeitet wie gewohnt. Alle Anliegen sind wie üblich möglich.'),
      'towns/werl/kasse.md': service('', 'normal').replace('summary: Geschlossen.', 'summary: Derzeit gestört; Einzelheiten folgen.'),
      'towns/werl/gewerbe.md': service('', 'limited').replace('summary: Geschlossen.', "summary: 'Available as usual.'"),
    };
    expect(await warnings(files)).toMatchInlineSnapshot(`
      [
        "content/towns/werl/buergerbuero.md:5: summary: Warnung: „Arbeitet wie gewohnt. Alle Anliegen sind wie üblich möglich.“ passt nicht zum Status „unavailable“ — wohl wurde nur der Status geändert; summary anpassen",
        "content/towns/werl/gewerbe.md:5: summary: Warnung: „Available as usual.“ passt nicht zum Status „limited“ — wohl wurde nur der Status geändert; summary anpassen",
        "content/towns/werl/index.md:5: summary: Warnung: „Alle Dienste der Verwaltung arbeiten wie gewohnt.“ passt nicht zum Status „limited“ — wohl wurde nur der Status geändert; summary anpassen",
        "content/towns/werl/kasse.md:5: summary: Warnung: „Derzeit gestört; Einzelheiten folgen.“ passt nicht zum Status „normal“ — wohl wurde nur der Status geändert; summary anpassen",
      ]
    `);
    expect((await warnings(files, NOW, 'en'))[0]).toMatchInlineSnapshot(`"content/towns/werl/buergerbuero.md:5: summary: warning: "Arbeitet wie gewohnt. Alle Anliegen sind wie üblich möglich." does not fit the status "unavailable" — probably only the status was changed; change the summary"`);
  });

  test('no warning for a summary of the editor\'s own words, or a standard one that fits', async () => {
    expect(
      await warnings({
        'towns/werl/index.md': md('name: Werl\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Alle Dienste der Verwaltung arbeiten wie gewohnt.'),
        'towns/werl/buergerbuero.md': service('', 'normal').replace('summary: Geschlossen.', 'summary: Wieder wie gewohnt verfügbar.'),
        'towns/ense/index.md': town('Ense'),
        'towns/ense/kasse.md': service('', 'limited').replace('summary: Geschlossen.', 'summary: Derzeit gestört; Einzelheiten folgen.'),
      }),
    ).toEqual([]);
  });
});

describe('example pages', () => {
  test('a page still marked example: true', async () => {
    expect(await warnings({ 'pages/impressum.md': md('title: Impressum\nrole: impressum\nexample: true'), 'pages/hilfe.md': md('title: Hilfe\nexample: false') })).toMatchInlineSnapshot(`
      [
        "content/pages/impressum.md:4: example: Warnung: „Impressum“ ist noch als Beispiel markiert (example: true) — mit echten Angaben füllen und die Zeile entfernen",
      ]
    `);
  });
});

describe('a way of contact that works but says nowhere where', () => {
  test('phone, e-mail, post or web marked as working without a value; unavailable ones and in-person are fine', async () => {
    const files = {
      'towns/soest/index.md': town('Soest', 'contacts:\n  - channel: email\n    status: normal\n  - channel: phone\n    status: normal\n    value: 02921 103-0\n'),
      'towns/soest/buergerbuero.md': service(
        'channels:\n  - channel: phone\n    status: limited\n    hours: vormittags\n  - channel: in-person\n    status: normal\n  - channel: web\n    status: unavailable\n',
      ),
    };
    expect(await warnings(files)).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md:7: channels[1].value: Warnung: „phone“ ist als erreichbar angegeben, aber ohne value — die Seite zeigt dann nichts zum Anrufen oder Schreiben; Nummer oder Adresse eintragen, oder status: unavailable",
        "content/towns/soest/index.md:8: contacts[1].value: Warnung: „email“ ist als erreichbar angegeben, aber ohne value — die Seite zeigt dann nichts zum Anrufen oder Schreiben; Nummer oder Adresse eintragen, oder status: unavailable",
      ]
    `);
    expect(await warnings(files, NOW, 'en')).toMatchInlineSnapshot(`
      [
        "content/towns/soest/buergerbuero.md:7: channels[1].value: warning: "phone" is said to work but has no value — the page then shows nothing to call or write to; add the number or address, or status: unavailable",
        "content/towns/soest/index.md:8: contacts[1].value: warning: "email" is said to work but has no value — the page then shows nothing to call or write to; add the number or address, or status: unavailable",
      ]
    `);
  });
});

describe('in English, and never an error', () => {
  test('every warning in English', async () => {
    expect(
      await warnings(
        {
          'site.yaml': 'title: T\noperator: O\nlanguage: en\n',
          'towns/soest/index.md': town('Soest').replace('status: limited', 'status: unavailable'),
          'towns/soest/buergerbuero.md': service('expected: 2023-11-04\n', 'deferred'),
          'pages/impressum.md': md('title: Impressum\nexample: true'),
        },
        NOW + 72 * HOUR,
        'en',
      ),
    ).toMatchInlineSnapshot(`
      [
        "content/pages/impressum.md:3: example: warning: "Impressum" is still marked as an example (example: true) — fill in the real details and remove the line",
        "content/towns/soest/buergerbuero.md:3: status: warning: "deferred", but no channels, no tasks and no link, e-mail address or phone number in summary — say what people can do instead",
        "content/towns/soest/buergerbuero.md:4: updated: warning: last change 2:17pm on Friday 3 November 2023 is older than 48 hours — the page says "may be out of date"; please check and set updated again",
        "content/towns/soest/buergerbuero.md:6: expected: warning: Saturday 4 November 2023 is in the past — please update status and expected",
        "content/towns/soest/index.md:4: updated: warning: last change 2:17pm on Friday 3 November 2023 is older than 48 hours — the page says "may be out of date"; please check and set updated again",
        "content/towns/soest/index.md:5: status: warning: "unavailable" contradicts all 1 services (deferred) — leave status out and it is derived from the services",
      ]
    `);
  });

  test('content with warnings still loads: the build goes on', async () => {
    const { root, dir } = await contentFolder({ ...base, 'pages/impressum.md': md('title: Impressum\nexample: true') });
    const result = await loadSite(dir, { urls: { base: '/' }, now: NOW, cwd: root });
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings.map((w) => w.severity)).toEqual(['warning']);
  });
});
