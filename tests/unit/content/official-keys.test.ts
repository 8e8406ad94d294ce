/**
 * 1.2: official keys. `ars` on a town (Amtlicher Regionalschlüssel, exactly 12 digits) and
 * `leika` on a task (LeiKa key, exactly 14 digits) are optional; a wrong shape is an error with
 * file, line and field. A leading zero stays as written, quoted or not.
 */
import { describe, expect, test } from 'vitest';
import { output, service, site, town } from '../support/content.ts';

const withTask = (leika: string) => service(`tasks:\n  - title: Personalausweis beantragen\n    status: unavailable\n    leika: ${leika}\n`);

describe('official keys', () => {
  test('a town’s ARS and a task’s LeiKa key are kept as written, with the leading zero', async () => {
    const s = await site({
      'towns/soest/index.md': town('Soest', 'ars: 059740040040\n'),
      'towns/werl/index.md': town('Werl', "ars: '059740052052'\n"),
      'towns/soest/buergerbuero.md': withTask('99000000000000'),
    });
    expect(s.town('soest')!.ars).toBe('059740040040');
    expect(s.town('werl')!.ars).toBe('059740052052');
    expect(s.town('soest')!.services[0]!.tasks[0]!.leika).toBe('99000000000000');
  });

  test('both are optional', async () => {
    const s = await site({ 'towns/soest/buergerbuero.md': service('tasks:\n  - title: Ausweis\n    status: normal\n') });
    expect(s.town('soest')!.ars).toBeUndefined();
    expect(s.town('soest')!.services[0]!.tasks[0]!.leika).toBeUndefined();
  });

  test('too short, too long, with spaces or letters: located errors (German)', async () => {
    expect(
      await output({
        'towns/soest/index.md': town('Soest', 'ars: 05974004004\n'),
        'towns/werl/index.md': town('Werl', "ars: '05974 0052052'\n"),
        'towns/soest/buergerbuero.md': withTask('9900000000000A'),
        'towns/soest/kfz.md': withTask('990000000000000'),
      }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:9: tasks[1].leika: „9900000000000A“ — erlaubt: ein Schlüssel aus dem Leistungskatalog (LeiKa) aus genau 14 Ziffern, ohne Leerzeichen
      content/towns/soest/index.md:7: ars: „05974004004“ — erlaubt: der Amtliche Regionalschlüssel aus genau 12 Ziffern, z. B. 059740040040
      content/towns/soest/kfz.md:9: tasks[1].leika: „990000000000000“ — erlaubt: ein Schlüssel aus dem Leistungskatalog (LeiKa) aus genau 14 Ziffern, ohne Leerzeichen
      content/towns/werl/index.md:7: ars: „05974 0052052“ — erlaubt: der Amtliche Regionalschlüssel aus genau 12 Ziffern, z. B. 059740040040"
    `);
  });

  test('the same in English', async () => {
    expect(
      await output({ 'towns/soest/index.md': town('Soest', 'ars: 5974\n'), 'towns/soest/buergerbuero.md': withTask('leika') }, { language: 'en' }),
    ).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:9: tasks[1].leika: "leika" — allowed: a key of the service catalogue (LeiKa) of exactly 14 digits, without spaces
      content/towns/soest/index.md:7: ars: "5974" — allowed: the Amtlicher Regionalschlüssel (official regional key) of exactly 12 digits, e.g. 059740040040"
    `);
  });
});
