/**
 * 1.2: what the lists and the structured data make of planned changes, without a build — the
 * A–Z entries' statuses (`buildIndex`), a service's or task's statuses for the short lists
 * (`plannedStatuses`), the "N von M eingeschränkt" counts (`restrictedTimeline`) and a
 * SpecialAnnouncement per planned change (`plannedJsonLd` on the town and service pages). The
 * site is read on 4 November 2023; the Bürgerbüro is closed on 12 December, 07:00–18:00 in Berlin.
 */
import { describe, expect, test } from 'vitest';
import { pageContext, plannedSoest, site } from '../support/content.ts';
import { plannedItems, plannedStatuses, restrictedTimeline, townPlannedItems } from '../../../src/model/planned-state.ts';
import { servicePage, townPage } from '../../../src/model/page-data.ts';

const files = plannedSoest;
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
const plain = <V>(segments: readonly { start?: number; end?: number; value: V }[] | undefined) => segments?.map((s) => [iso(s.start), iso(s.end), s.value]);

describe('the lists follow planned changes', () => {
  test('A–Z: an entry with planned changes carries its statuses from the build time on; the others none', async () => {
    const s = await site(files);
    const entry = (label: string) => s.index.find((e) => e.label === label)!;
    expect(plain(entry('Bürgerbüro').statuses)).toEqual([
      [undefined, '2023-12-12T06:00:00.000Z', 'normal'],
      ['2023-12-12T06:00:00.000Z', '2023-12-12T17:00:00.000Z', 'unavailable'],
      ['2023-12-12T17:00:00.000Z', undefined, 'normal'],
    ]);
    expect(plain(entry('Ausweis').statuses)).toEqual([
      [undefined, '2023-12-13T23:00:00.000Z', 'normal'],
      ['2023-12-13T23:00:00.000Z', '2023-12-15T23:00:00.000Z', 'limited'],
      ['2023-12-15T23:00:00.000Z', undefined, 'normal'],
    ]);
    expect(entry('Meldebescheinigung').statuses).toBeUndefined();
    expect(entry('Standesamt').statuses).toBeUndefined();
  });

  test('plannedStatuses: only while a window is still ahead or running; none for a service without one', async () => {
    const s = await site(files);
    const [buergerbuero, standesamt] = ['buergerbuero', 'standesamt'].map((slug) => s.town('soest')!.services.find((x) => x.slug === slug)!);
    expect(plain(plannedStatuses(buergerbuero!, Date.parse('2023-12-12T09:00:00Z')))).toEqual([
      [undefined, '2023-12-12T17:00:00.000Z', 'unavailable'],
      ['2023-12-12T17:00:00.000Z', undefined, 'normal'],
    ]);
    expect(plannedStatuses(buergerbuero!, Date.parse('2023-12-12T17:00:00Z'))).toBeUndefined();
    expect(plannedStatuses(standesamt!, s.builtAt)).toBeUndefined();
  });

  test('restrictedTimeline: "0 von 2", "1 von 2" while the Bürgerbüro is closed, then "0 von 2" again', async () => {
    const s = await site(files);
    expect(plain(restrictedTimeline(s.town('soest')!, s.builtAt))).toEqual([
      [undefined, '2023-12-12T06:00:00.000Z', 0],
      ['2023-12-12T06:00:00.000Z', '2023-12-12T17:00:00.000Z', 1],
      ['2023-12-12T17:00:00.000Z', undefined, 0],
    ]);
    expect(plain(restrictedTimeline(s.town('soest')!, Date.parse('2023-12-20T00:00:00Z')))).toEqual([[undefined, undefined, 0]]);
  });
});

describe('JSON-LD of planned changes', () => {
  test('each planned change not over is a SpecialAnnouncement with its window; the service page has its own and its tasks\'', async () => {
    const s = await site(files);
    const ctx = pageContext(s);
    const soest = s.town('soest')!;
    const town = townPage(ctx, soest).jsonLd.slice(2);
    expect(town.map((item) => (item as { name: string }).name)).toEqual([
      'Soest: Eingeschränkt',
      'Bürgerbüro – Soest: Nicht möglich',
      'Ausweis – Bürgerbüro – Soest: Eingeschränkt',
    ]);
    expect(town[1]).toEqual({
      '@context': 'https://schema.org',
      '@type': 'SpecialAnnouncement',
      name: 'Bürgerbüro – Soest: Nicht möglich',
      text: 'Softwareumstellung. Telefon 02921 103-0.',
      url: '/soest/buergerbuero/#geplant-soest-buergerbuero-20231212-0700',
      datePosted: '2023-11-03T14:17:00+01:00',
      expires: '2023-12-12T18:00:00+01:00',
      temporalCoverage: '2023-12-12T07:00:00+01:00/2023-12-12T18:00:00+01:00',
      category: 'Eingeschränkte Verwaltungsleistungen',
      announcementLocation: { '@type': 'GovernmentOrganization', name: 'Soest', url: '/soest/' },
    });
    expect((town[2] as { temporalCoverage: string }).temporalCoverage).toBe('2023-12-14T00:00:00+01:00/2023-12-16T00:00:00+01:00');
    const service = servicePage(ctx, soest, soest.services.find((x) => x.slug === 'buergerbuero')!).jsonLd.slice(2);
    expect(service.map((item) => (item as { url: string }).url)).toEqual([
      '/soest/buergerbuero/#geplant-soest-buergerbuero-20231212-0700',
      '/soest/buergerbuero/#geplant-soest-buergerbuero-anliegen-ausweis-20231214',
    ]);
  });

  test('none once they are over', async () => {
    const s = await site(files);
    s.builtAt = Date.parse('2023-12-20T00:00:00Z');
    const soest = s.town('soest')!;
    expect(townPage(pageContext(s), soest).jsonLd).toHaveLength(2);
  });
});

describe('a town’s planned changes, worked out once (townPlannedItems)', () => {
  test('the same as plannedItems of the town alone, the same array every time, not to be changed', async () => {
    const loaded = await site(files);
    for (const town of loaded.towns) {
      const items = townPlannedItems(town);
      expect(items).toEqual(plannedItems({ towns: [town] }));
      expect(townPlannedItems(town)).toBe(items);
      expect(Object.isFrozen(items)).toBe(true);
    }
    expect(loaded.towns.some((town) => townPlannedItems(town).length > 0)).toBe(true);
  });
});
