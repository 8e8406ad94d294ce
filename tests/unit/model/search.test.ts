/**
 * What the search index knows of a page besides its text (src/model/search.ts), for a small
 * site: the filters (kind, town, status) and the meta a result is shown with (title, town,
 * summary as plain text, Stand, the status key and its label, each task's status), and the
 * expander, made once per site. Which hidden words go where: tests/unit/search/record.test.ts.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { incidentRecord, searchExpander, searchTag, serviceRecord, taskMetaKey, townRecord } from '../../../src/model/search.ts';
import { translator } from '../../../src/i18n/index.ts';
import type { TimeValue } from '../../../src/core/time.ts';
import { site } from '../support/content.ts';
import { smallSite } from '../support/small-site.ts';

const t = translator('de');
/** The Stand as the test can read it: the ISO form. */
const stand = (value: TimeValue) => `Stand ${value.iso}`;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a service page', () => {
  test('filters by service and task, its town, and every status on the page; meta with each task’s status', async () => {
    const s = await site(smallSite, { base: false });
    const soest = s.town('soest')!;
    const record = serviceRecord(soest.services[0]!, soest, t, stand, searchExpander(s), s.builtAt);
    expect(record.filters).toEqual({ kind: ['service', 'task'], town: ['Soest'], status: ['limited', 'unavailable', 'deferred'] });
    expect(record.meta).toEqual({
      title: 'Bürgerbüro',
      kind: 'service',
      town: 'Soest',
      service: 'Bürgerbüro',
      summary: 'Geschlossen, telefonisch erreichbar.',
      stand: 'Stand 2023-11-04T09:30:00+01:00',
      status: 'limited',
      statusLabel: 'Eingeschränkt',
      [taskMetaKey('anliegen-personalausweis-beantragen')]: 'unavailable',
      [taskMetaKey('anliegen-wohnsitz-ummelden')]: 'deferred',
    });
    expect(record.keywords).toEqual(['Perso']);
    expect(Object.keys(record.tasks)).toEqual(['anliegen-personalausweis-beantragen', 'anliegen-wohnsitz-ummelden']);
  });

  test('without tasks: only the kind service, one status, no task meta', async () => {
    const s = await site(smallSite, { base: false });
    const soest = s.town('soest')!;
    const record = serviceRecord(soest.services[1]!, soest, translator('en'), stand, searchExpander(s), s.builtAt);
    expect(record.filters).toEqual({ kind: ['service'], town: ['Soest'], status: ['normal'] });
    expect(record.meta).toMatchObject({ title: 'Abfall', status: 'normal', statusLabel: 'Available as usual' });
    expect(Object.keys(record.meta).filter((key) => key.startsWith('t-'))).toEqual([]);
    expect(record.tasks).toEqual({});
  });
});

test('a town page: its own status and Stand, plain summary, no tasks or keywords', async () => {
  const s = await site(smallSite, { base: false });
  const record = townRecord(s.town('soest')!, t, stand, searchExpander(s), s.builtAt);
  expect(record.filters).toEqual({ kind: ['town'], town: ['Soest'], status: ['limited'] });
  expect(record.meta).toEqual({
    title: 'Soest',
    kind: 'town',
    town: 'Soest',
    summary: 'Das Rathaus ist geöffnet.',
    stand: 'Stand 2023-11-04T09:30:00+01:00',
    status: 'limited',
    statusLabel: 'Eingeschränkt',
  });
  expect(record).toMatchObject({ keywords: [], tasks: {} });
});

test('an incident page: no town and no status, its Stand is updated', async () => {
  const s = await site(smallSite, { base: false });
  const record = incidentRecord(s.incident('sit-2023')!, stand, searchExpander(s));
  expect(record.filters).toEqual({ kind: ['incident'] });
  expect(record.meta).toEqual({ title: 'Cyberangriff', kind: 'incident', summary: 'Die IT der Verwaltung ist ausgefallen.', stand: 'Stand 2023-11-03T14:17:00+01:00' });
});

describe('the expander', () => {
  test('is made once per site, and brings the words of the site’s language', async () => {
    const s = await site(smallSite, { base: false });
    expect(searchExpander(s)).toBe(searchExpander(s));
    expect(searchExpander(s).expand('Personalausweis').synonyms).toContain('perso');
  });

  test('AUSHANG_NO_VOCABULARY=1 (the benchmark’s comparison) expands nothing', async () => {
    vi.stubEnv('AUSHANG_NO_VOCABULARY', '1');
    const s = await site(smallSite, { base: false });
    expect(searchExpander(s).expand('Personalausweis Sperrmüll')).toEqual({ synonyms: [], parts: [] });
  });
});

describe('the search tag', () => {
  test('is the build time in base 36: short, safe in a file name, new for every build', () => {
    expect(searchTag(1699023600000)).toBe('loiqs800');
    expect(searchTag(1699023600001)).not.toBe(searchTag(1699023600000));
    expect(searchTag(Date.UTC(2100, 0, 1))).toMatch(/^[0-9a-z]{1,9}$/);
  });
});
