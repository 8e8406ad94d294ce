/** A quiet site is a ready site: when it is quiet, what the home page shows, and that quiet notices do not age. */
import { describe, expect, test } from 'vitest';
import { isStale } from '../../../src/core/stale.ts';
import { hasOpenIncident, isQuietService, isQuietSite, isQuietTown, reachContacts } from '../../../src/model/derive.ts';
import { incident, md, site, text } from '../support/content.ts';

const quietTown = (name: string, extra = '') => md(`name: ${name}\nkind: Gemeinde\nupdated: 2023-11-03 14:17\nsummary: Alles wie gewohnt.\n${extra}`);
const normalService = md('title: Bürgerbüro\nstatus: normal\nupdated: 2023-11-03 14:17\nsummary: Wie gewohnt.');
const quiet = {
  'towns/soest/index.md': quietTown('Soest'),
  'towns/soest/buergerbuero.md': normalService,
};

describe('isQuietSite', () => {
  test('quiet: every service normal, no incident', async () => {
    const s = await site(quiet);
    expect(isQuietSite(s)).toBe(true);
    expect(isQuietTown(s, s.towns[0]!)).toBe(true);
    expect(isQuietService(s, s.towns[0]!, s.towns[0]!.services[0]!)).toBe(true);
  });

  test('not quiet: a service that is not normal', async () => {
    const s = await site({ ...quiet, 'towns/soest/gewerbe.md': md('title: Gewerbe\nstatus: limited\nupdated: 2023-11-03 14:17\nsummary: Langsam.') });
    expect(isQuietSite(s)).toBe(false);
  });

  test('not quiet: a service that is not normal, whatever the town’s own status field says', async () => {
    const s = await site({ ...quiet, 'towns/soest/gewerbe.md': md('title: Gewerbe\nstatus: limited\nupdated: 2023-11-03 14:17\nsummary: Langsam.') });
    // `check` refuses `status: normal` above it (content format 1.2); the quiet decision does not rely on that.
    const town = { ...s.towns[0]!, status: 'normal' as const };
    expect(isQuietTown(s, town)).toBe(false);
    expect(isQuietSite({ ...s, towns: [town] })).toBe(false);
  });

  test('not quiet: a task, a way of contact of a service, of a town or of the site that is not normal', async () => {
    const variants = {
      task: { 'towns/soest/buergerbuero.md': md('title: Bürgerbüro\nstatus: normal\nupdated: 2023-11-03 14:17\nsummary: Wie gewohnt.\ntasks:\n  - title: Reisepass\n    status: unavailable') },
      channel: { 'towns/soest/buergerbuero.md': md('title: Bürgerbüro\nstatus: normal\nupdated: 2023-11-03 14:17\nsummary: Wie gewohnt.\nchannels:\n  - { channel: email, status: unavailable }') },
      contact: { 'towns/soest/index.md': quietTown('Soest', 'contacts:\n  - { channel: phone, status: limited, value: 02921 103-0 }\n') },
      site: { 'site.yaml': 'title: T\noperator: O\ncontacts:\n  - { channel: phone, status: unavailable, value: 02921 30-0 }\n' },
    };
    for (const [what, files] of Object.entries(variants)) {
      const s = await site({ ...quiet, ...files });
      expect(isQuietSite(s), what).toBe(false);
    }
    const task = await site({ ...quiet, ...variants.task });
    expect(isQuietTown(task, task.towns[0]!)).toBe(false);
    expect(isQuietService(task, task.towns[0]!, task.towns[0]!.services[0]!)).toBe(false);
  });

  test('not quiet: an open incident, even when every service says normal', async () => {
    const s = await site({ ...quiet, 'towns/soest/index.md': quietTown('Soest', 'incidents: [sit-2023]\n'), 'incidents/sit-2023.md': incident() });
    expect(hasOpenIncident(s, s.towns[0]!)).toBe(true);
    expect(isQuietTown(s, s.towns[0]!)).toBe(false);
    expect(isQuietService(s, s.towns[0]!, s.towns[0]!.services[0]!)).toBe(false);
    expect(isQuietSite(s)).toBe(false);
  });

  test('quiet again once the incident is resolved', async () => {
    const s = await site({ ...quiet, 'towns/soest/index.md': quietTown('Soest', 'incidents: [sit-2023]\n'), 'incidents/sit-2023.md': incident('resolved: 2023-11-04 10:00\n') });
    expect(isQuietSite(s)).toBe(true);
  });
});

describe('reachContacts', () => {
  test('the site’s contacts and, for a site of one town, the town’s; only those with a value', async () => {
    const s = await site({
      ...quiet,
      'site.yaml': text`
        title: T
        operator: O
        contacts:
          - { channel: phone, status: normal, value: 02921 30-0, note: Bürgertelefon }
      `,
      'towns/soest/index.md': quietTown('Soest', 'contacts:\n  - { channel: email, status: normal, value: info@soest.de }\n  - { channel: phone, status: normal }\n'),
    });
    expect(reachContacts(s).map((c) => [c.channel, c.value])).toEqual([
      ['phone', '02921 30-0'],
      ['email', 'info@soest.de'],
    ]);
  });

  test('a site of several towns: only the site’s own contacts (each town’s are on its page)', async () => {
    const s = await site({ ...quiet, 'towns/soest/index.md': quietTown('Soest', 'contacts:\n  - { channel: email, status: normal, value: info@soest.de }\n'), 'towns/werl/index.md': quietTown('Werl'), 'towns/werl/buergerbuero.md': normalService });
    expect(reachContacts(s)).toEqual([]);
  });
});

describe('isStale', () => {
  const updated = { instant: Date.parse('2026-01-01T00:00:00Z'), dateOnly: false, iso: '2026-01-01T01:00:00+01:00' };
  const months = Date.parse('2026-06-01T00:00:00Z');
  test('a notice older than staleAfterHours is possibly outdated', () => {
    expect(isStale(updated, months, 48)).toBe(true);
    expect(isStale(updated, updated.instant + 47 * 3_600_000, 48)).toBe(false);
  });

  test('a quiet notice does not age', () => {
    expect(isStale(updated, months, 48, true)).toBe(false);
  });
});
