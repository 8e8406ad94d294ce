/**
 * References between files: incidents named by towns and services, parents of towns, and the
 * status of a town (required without services, derived with them).
 */
import { describe, expect, test } from 'vitest';
import { bestTownStatus, deriveTownStatus, isBetterStatus, isTownStatusTooGood } from '../../../src/core/status.ts';
import { incident, md, output, service, site, town } from '../support/content.ts';

describe('incidents', () => {
  test('an unknown incident in a town and in a service, with the closest existing one', async () => {
    expect(
      await output({
        'incidents/sit-2023.md': incident(),
        'incidents/stromausfall.md': incident(),
        'towns/soest/index.md': town('Soest', 'incidents: [sit-2023, sit-2024, hochwasser]\n'),
        'towns/soest/buergerbuero.md': service('incident: stromausfal\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:6: incident: „stromausfal“ — keine Störung dieses Namens; vorhanden: sit-2023, stromausfall (meinten Sie „stromausfall“?)
      content/towns/soest/index.md:7: incidents[2]: „sit-2024“ — keine Störung dieses Namens; vorhanden: sit-2023, stromausfall (meinten Sie „sit-2023“?)
      content/towns/soest/index.md:7: incidents[3]: „hochwasser“ — keine Störung dieses Namens; vorhanden: sit-2023, stromausfall"
    `);
  });

  test('naming an incident when there is none', async () => {
    expect(await output({ 'towns/soest/buergerbuero.md': service('incident: sit-2023\n') })).toMatchInlineSnapshot(`"content/towns/soest/buergerbuero.md:6: incident: „sit-2023“ — keine Störung dieses Namens; vorhanden: —"`);
  });

  test('the towns an incident affects: named in incidents or by a service', async () => {
    const s = await site({
      'incidents/sit-2023.md': incident(),
      'towns/werl/index.md': town('Werl', 'incidents: sit-2023\n'),
      'towns/soest/buergerbuero.md': service('incident: sit-2023\n'),
      'towns/lippstadt/index.md': town('Lippstadt'),
    });
    expect(s.incident('sit-2023')!.towns).toEqual(['soest', 'werl']);
    expect(s.town('soest')!.affectedBy).toEqual(['sit-2023']);
    expect(s.town('lippstadt')!.affectedBy).toEqual([]);
  });
});

describe('parents', () => {
  test('an unknown parent', async () => {
    expect(await output({ 'towns/kreis-soest/index.md': town('Kreis Soest'), 'towns/soest/index.md': town('Soest', 'parent: kreis-soes\n') })).toMatchInlineSnapshot(`"content/towns/soest/index.md:7: parent: „kreis-soes“ — kein Ort dieses Namens; vorhanden: kreis-soest, soest (meinten Sie „kreis-soest“?)"`);
  });

  test('the town itself as parent', async () => {
    expect(await output({ 'towns/soest/index.md': town('Soest', 'parent: soest\n') })).toMatchInlineSnapshot(`"content/towns/soest/index.md:7: parent: „soest“ ist der Ort selbst — erlaubt: der Kreis, zu dem er gehört"`);
  });

  test('a circle of parents', async () => {
    expect(
      await output({
        'towns/soest/index.md': town('Soest', 'parent: kreis-soest\n'),
        'towns/kreis-soest/index.md': town('Kreis Soest', 'parent: werl\n'),
        'towns/werl/index.md': town('Werl', 'parent: soest\n'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/kreis-soest/index.md:7: parent: Ring von Zuordnungen: kreis-soest → werl → soest → kreis-soest — erlaubt: eine Kette, die bei einem Kreis ohne parent endet
      content/towns/soest/index.md:7: parent: Ring von Zuordnungen: soest → kreis-soest → werl → soest — erlaubt: eine Kette, die bei einem Kreis ohne parent endet
      content/towns/werl/index.md:7: parent: Ring von Zuordnungen: werl → soest → kreis-soest → werl — erlaubt: eine Kette, die bei einem Kreis ohne parent endet"
    `);
  });

  test('a chain is fine and gives children', async () => {
    const s = await site({
      'towns/soest/index.md': town('Soest', 'parent: kreis-soest\n'),
      'towns/werl/index.md': town('Werl', 'parent: kreis-soest\n'),
      'towns/kreis-soest/index.md': town('Kreis Soest', 'parent: nrw\n'),
      'towns/nrw/index.md': town('NRW'),
    });
    expect(s.town('kreis-soest')!.children.sort()).toEqual(['soest', 'werl']);
    expect(s.town('nrw')!.children).toEqual(['kreis-soest']);
  });
});

describe('town status', () => {
  test('a town without services needs a status', async () => {
    expect(await output({ 'towns/soest/index.md': md('name: Soest\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Offen.') })).toMatchInlineSnapshot(`"content/towns/soest/index.md:2: status: fehlt — Pflicht für einen Ort ohne Dienste (Beispiel: status: limited)"`);
  });

  test('deriveTownStatus', () => {
    const of = (...statuses: string[]) => deriveTownStatus(statuses.map((status) => ({ status })) as never);
    expect(of()).toBeUndefined();
    expect(of('normal')).toBe('normal');
    expect(of('normal', 'normal')).toBe('normal');
    expect(of('unavailable', 'unavailable')).toBe('unavailable');
    expect(of('normal', 'unavailable')).toBe('limited');
    expect(of('deferred')).toBe('limited');
    expect(of('deferred', 'deferred')).toBe('limited');
    expect(of('limited')).toBe('limited');
    expect(of('normal', 'deferred')).toBe('limited');
  });

  const withoutStatus = md('name: Soest\nkind: Stadt\nupdated: 2023-11-03 14:17\nsummary: Offen.');

  test.each([
    [['normal', 'normal'], 'normal'],
    [['unavailable', 'unavailable'], 'unavailable'],
    [['normal', 'unavailable'], 'limited'],
    [['deferred', 'normal'], 'limited'],
  ])('services %j give the town %s', async (statuses, expected) => {
    const files = Object.fromEntries(statuses.map((status, i) => [`towns/soest/dienst-${i}.md`, service('', status)]));
    const s = await site({ 'towns/soest/index.md': withoutStatus, ...files });
    expect(s.town('soest')!.status).toBe(expected);
    expect(s.town('soest')!.statusDerived).toBe(true);
  });

  test('content format 1.2: a written status better than the services is an error naming the disrupted services; the line can go', async () => {
    const files = {
      'towns/soest/index.md': town('Soest').replace('status: limited', 'status: normal'),
      'towns/soest/a.md': service('', 'normal'),
      'towns/soest/b.md': service('', 'limited').replace('Bürgerbüro', 'Standesamt'),
      'towns/soest/c.md': service('', 'unavailable').replace('Bürgerbüro', 'Gewerbeamt'),
    };
    expect(await output(files)).toMatchInlineSnapshot(`"content/towns/soest/index.md:5: status: „normal“, aber nicht jeder Dienst arbeitet wie gewohnt (Gewerbeamt: unavailable, Standesamt: limited) — ein Ort kann nicht besser dastehen als seine Dienste; die Zeile status einfach entfernen, dann ergibt sich der Status aus den Diensten: limited"`);
    expect(await output(files, { language: 'en' })).toMatchInlineSnapshot(`"content/towns/soest/index.md:5: status: "normal", but not every service works as usual (Gewerbeamt: unavailable, Standesamt: limited) — a town cannot look better than its services; simply remove the status line and the status follows from the services: limited"`);
    // Without the line, the status follows from the services.
    const s = await site({ ...files, 'towns/soest/index.md': withoutStatus });
    expect(s.town('soest')!.status).toBe('limited');
  });

  test('normal is fine above normal services; limited and deferred are fine above any, also when every service is unavailable', async () => {
    expect(await output({ 'towns/soest/index.md': town('Soest').replace('status: limited', 'status: normal'), 'towns/soest/a.md': service('', 'normal') })).toBe('');
    for (const status of ['limited', 'deferred', 'unavailable']) {
      expect(await output({ 'towns/soest/index.md': town('Soest').replace('status: limited', `status: ${status}`), 'towns/soest/a.md': service('', 'unavailable') })).toBe('');
    }
  });

  test('better than: normal > limited = deferred > unavailable; the best a town may show', () => {
    expect(isBetterStatus('normal', 'limited')).toBe(true);
    expect(isBetterStatus('limited', 'deferred')).toBe(false);
    expect(isBetterStatus('deferred', 'limited')).toBe(false);
    expect(isBetterStatus('deferred', 'unavailable')).toBe(true);
    expect(isBetterStatus('unavailable', 'normal')).toBe(false);
    const of = (...statuses: string[]) => statuses.map((status) => ({ status })) as never;
    expect(bestTownStatus(of())).toBeUndefined();
    expect(bestTownStatus(of('normal', 'normal'))).toBe('normal');
    expect(bestTownStatus(of('normal', 'deferred'))).toBe('limited');
    expect(bestTownStatus(of('unavailable', 'unavailable'))).toBe('limited');
    expect(isTownStatusTooGood('normal', of('normal', 'deferred'))).toBe(true);
    expect(isTownStatusTooGood('normal', of())).toBe(false);
    expect(isTownStatusTooGood('deferred', of('unavailable'))).toBe(false);
  });

  test('a written status wins over the derived one', async () => {
    const s = await site({ 'towns/soest/index.md': town('Soest').replace('status: limited', 'status: unavailable'), 'towns/soest/a.md': service('', 'normal') });
    expect(s.town('soest')!.status).toBe('unavailable');
    expect(s.town('soest')!.statusDerived).toBe(false);
  });
});
