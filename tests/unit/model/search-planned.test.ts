/**
 * 1.2: the search record of a page whose state planned changes change (src/model/search.ts):
 * the states from the build time on as meta (`statusWindows`, `summary-<n>`, per task `w-<id>`)
 * and every status of them in the `status` filter — and nothing more for a page without planned
 * changes or with planned changes already over. Read through `servicePage`/`townPage`, as the
 * build does. The site is read on 4 November 2023; the Bürgerbüro of Soest is closed on
 * 12 December, 07:00–18:00 in Berlin (06:00–17:00 UTC), its task "Ausweis" limited 14–15 December.
 */
import { describe, expect, test } from 'vitest';
import { pageContext, plannedSoest, site } from '../support/content.ts';
import { servicePage, townPage } from '../../../src/model/page-data.ts';
import { searchExpander, serviceRecord } from '../../../src/model/search.ts';
import { translator } from '../../../src/i18n/index.ts';

const files = plannedSoest;

/** The search records of Soest's pages, the site read at `now` (default: 4 November 2023). */
async function records(now?: number) {
  const s = await site(files, now === undefined ? {} : { now });
  const ctx = pageContext(s);
  const soest = s.town('soest')!;
  const page = (slug: string) => servicePage(ctx, soest, soest.services.find((x) => x.slug === slug)!).search;
  return { s, soest, buergerbuero: page('buergerbuero'), standesamt: page('standesamt'), town: townPage(ctx, soest).search };
}

const CLOSED = '2023-12-12T06:00:00.000Z/2023-12-12T17:00:00.000Z';

describe('a search record follows planned changes', () => {
  test('a service: its states from the build time on, the summary of each state that changes it, and every status in the filter', async () => {
    const { buergerbuero } = await records();
    expect(buergerbuero.meta).toMatchObject({
      status: 'normal',
      summary: 'Arbeitet wie gewohnt.',
      statusWindows: `/2023-12-12T06:00:00.000Z=normal ${CLOSED}=unavailable 2023-12-12T17:00:00.000Z/=normal`,
      'summary-1': 'Softwareumstellung. Telefon 02921 103-0.',
      'summary-2': 'Arbeitet wie gewohnt.',
    });
    expect(buergerbuero.filters.status).toEqual(['normal', 'unavailable', 'limited']);
  });

  test('a task whose status planned changes change: `w-<id>` with its windows (a date alone ends at the end of the day); the others none', async () => {
    const { buergerbuero } = await records();
    expect(buergerbuero.meta['t-anliegen-ausweis']).toBe('normal');
    expect(buergerbuero.meta['w-anliegen-ausweis']).toBe('/2023-12-13T23:00:00.000Z=normal 2023-12-13T23:00:00.000Z/2023-12-15T23:00:00.000Z=limited 2023-12-15T23:00:00.000Z/=normal');
    expect(buergerbuero.meta['w-anliegen-meldebescheinigung']).toBeUndefined();
  });

  test('a town: its states (its own planned change and its services\'), as its page shows them', async () => {
    const { town } = await records();
    expect(town.meta).toMatchObject({
      status: 'normal',
      statusWindows: `/2023-12-12T06:00:00.000Z=normal ${CLOSED}=limited 2023-12-12T17:00:00.000Z/=normal`,
      'summary-1': 'Das Bürgerbüro ist geschlossen.',
      'summary-2': 'Das Rathaus ist geöffnet.',
    });
    expect(town.filters.status).toEqual(['normal', 'limited']);
  });

  test('built during the closure: the state now first, then the one after it', async () => {
    const { buergerbuero } = await records(Date.parse('2023-12-12T09:00:00Z'));
    expect(buergerbuero.meta).toMatchObject({
      status: 'unavailable',
      summary: 'Softwareumstellung. Telefon 02921 103-0.',
      statusWindows: '/2023-12-12T17:00:00.000Z=unavailable 2023-12-12T17:00:00.000Z/=normal',
      'summary-1': 'Arbeitet wie gewohnt.',
    });
    expect(buergerbuero.filters.status).toEqual(['unavailable', 'normal', 'limited']);
  });

  test('a page without planned changes, or with them over at the build time, carries nothing more', async () => {
    const { s, soest, standesamt } = await records();
    const planless = serviceRecord(soest.services.find((x) => x.slug === 'standesamt')!, soest, translator('de'), pageContext(s).time, searchExpander(s), s.builtAt);
    expect(standesamt).toEqual(planless);
    expect(Object.keys(standesamt.meta).sort()).toEqual(['kind', 'service', 'stand', 'status', 'statusLabel', 'summary', 'title', 'town']);
    expect(standesamt.filters.status).toEqual(['normal']);
    const after = await records(Date.parse('2023-12-20T12:00:00Z'));
    for (const record of [after.buergerbuero, after.town]) {
      expect(Object.keys(record.meta).filter((key) => /^(statusWindows|summary-|w-)/.test(key))).toEqual([]);
      expect(record.filters.status).toEqual(['normal']);
    }
  });
});
