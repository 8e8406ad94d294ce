/**
 * 1.2 history: the open incidents newest start first, the resolved ones newest end first (then
 * newest start); the API keeps listing both.
 */
import { describe, expect, test } from 'vitest';
import { incidentHistory } from '../../../src/model/history.ts';
import { incidentsDocument } from '../../../src/model/api.ts';
import { md, text } from '../support/content.ts';
import { testSite, urls } from '../support/small-site.ts';

const resolvedIncident = (title: string, started: string, resolved: string) =>
  md(`title: ${title}\nstarted: ${started}\nresolved: ${resolved}\nupdated: ${resolved}\nsummary: Vorbei.\n`);

describe('incident history', () => {
  test('open ones first by start; resolved ones by end, newest first, then by start', async () => {
    const s = await testSite({
      'incidents/sturm.md': resolvedIncident('Sturm', '2023-09-01', '2023-09-03'),
      'incidents/strom.md': resolvedIncident('Strom', '2023-08-01', '2023-10-01'),
      'incidents/wasser.md': resolvedIncident('Wasser', '2023-09-02', '2023-09-03'),
      'incidents/funk.md': md(text`
        title: Funk
        started: 2023-11-01
        updated: 2023-11-01
        summary: Kein Funk.
      `),
    });
    const { current, past } = incidentHistory(s.incidents);
    expect(current.map((i) => i.slug)).toEqual(['funk', 'sit-2023']);
    expect(past.map((i) => i.slug)).toEqual(['strom', 'wasser', 'sturm', 'hochwasser']);
    // The API lists every incident, open and resolved.
    expect(incidentsDocument(s, urls).incidents.map((i) => [i.slug, i.resolved ?? null])).toEqual(
      expect.arrayContaining([
        ['hochwasser', '2023-07-02'],
        ['sit-2023', null],
      ]),
    );
    expect(incidentsDocument(s, urls).incidents).toHaveLength(6);
  });
});
