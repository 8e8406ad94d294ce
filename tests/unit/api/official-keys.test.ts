/**
 * 1.2: official keys in the API and in structured data: a town's `ars` (towns.json and the
 * town's file), a task's `leika` (the town's file), each left out when the editor gave none;
 * JSON-LD names them as `identifier` PropertyValues. The API schemas accept them and nothing else.
 */
import { describe, expect, test } from 'vitest';
import { townDocument, townsDocument } from '../../../src/model/api.ts';
import { apiSchemas } from '../../../src/model/api-shape.ts';
import { serviceJsonLd, townJsonLd } from '../../../src/model/jsonld.ts';
import { translator } from '../../../src/i18n/index.ts';
import { createUrls } from '../../../src/model/urls.ts';
import { service, site as loadSite, town } from '../support/content.ts';
import { validators } from './validate.ts';

const urls = createUrls({ base: '/', site: 'https://notfall.example' });
const validate = validators(apiSchemas);

async function keyed() {
  return loadSite({
    'towns/soest/index.md': town('Soest', 'ars: 059740040040\n'),
    'towns/werl/index.md': town('Werl'),
    'towns/soest/buergerbuero.md': service(
      'tasks:\n  - title: Personalausweis beantragen\n    status: unavailable\n    leika: 99000000000000\n  - title: Meldebescheinigung\n    status: normal\n',
    ),
  });
}

describe('official keys in the API', () => {
  test('ars on the town in towns.json and in its file, leika on the task; absent where not given', async () => {
    const s = await keyed();
    const towns = townsDocument(s, urls);
    expect(towns.towns.map((t) => [t.slug, t.ars])).toEqual([
      ['soest', '059740040040'],
      ['werl', undefined],
    ]);
    expect('ars' in towns.towns[1]!).toBe(false);
    const soest = townDocument(s, s.town('soest')!, urls);
    expect(soest.town.ars).toBe('059740040040');
    expect(soest.town.services[0]!.tasks.map((t) => t.leika)).toEqual(['99000000000000', undefined]);
    expect(validate.towns(towns)).toEqual([]);
    expect(validate.town(soest)).toEqual([]);
  });

  test('the schema refuses a key of the wrong shape', async () => {
    const s = await keyed();
    const towns = structuredClone(townsDocument(s, urls));
    (towns.towns[0] as { ars?: string }).ars = '5974';
    expect(validate.towns(towns).join('\n')).toMatch(/\/towns\/0\/ars must match pattern/);
    const soest = structuredClone(townDocument(s, s.town('soest')!, urls));
    (soest.town.services[0]!.tasks[0] as { leika?: string }).leika = '99 000000000000';
    expect(validate.town(soest).join('\n')).toMatch(/leika must match pattern/);
  });
});

describe('official keys in JSON-LD', () => {
  test('the town is identified by its ARS; a service announcement is about the tasks with a LeiKa key', async () => {
    const s = await keyed();
    const soest = s.town('soest')!;
    expect(townJsonLd(soest, s, urls).identifier).toEqual({ '@type': 'PropertyValue', propertyID: 'ARS', value: '059740040040' });
    expect(townJsonLd(s.town('werl')!, s, urls)).not.toHaveProperty('identifier');
    const announcement = serviceJsonLd(soest.services[0]!, soest, urls, translator('de'));
    expect(announcement.about).toEqual([
      { '@type': 'GovernmentService', name: 'Personalausweis beantragen', identifier: { '@type': 'PropertyValue', propertyID: 'LeiKa', value: '99000000000000' } },
    ]);
    expect((announcement.announcementLocation as { identifier?: unknown }).identifier).toEqual({ '@type': 'PropertyValue', propertyID: 'ARS', value: '059740040040' });
  });
});
