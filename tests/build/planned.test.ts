/**
 * 1.2 (issue 22): a planned closure appears as planned before, as current during and not at all
 * after its window — the `planned` fixture (the Bürgerbüro of Werl closed on Saturday,
 * 12 December 2026, 07:00–18:00; a task limited 14–18 December) built at three
 * SOURCE_DATE_EPOCHs; its district Kreis Soest with a planned change of its Zulassungsstelle
 * (08:00–12:00). Pages, their lists, feeds, the API and `/geplant.ics` all follow.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiSchemas } from '../../src/model/api-shape.ts';
import { validators } from '../unit/api/validate.ts';
import { buildSite, compareLinkTargets, fixture, readPage } from '../support/build.ts';

const epoch = (iso: string) => ({ SOURCE_DATE_EPOCH: String(Date.parse(iso) / 1000), TZ: 'America/New_York' });
const builds = {
  before: buildSite(fixture('planned'), epoch('2026-12-10T12:00:00Z')),
  during: buildSite(fixture('planned'), epoch('2026-12-12T09:00:00Z')),
  after: buildSite(fixture('planned'), epoch('2026-12-20T09:00:00Z')),
};
const file = (dist: string, name: string) => readFileSync(path.join(dist, name), 'utf8');
/** The elements shown at the build time: everything but what carries `hidden`. */
const shown = (html: string) => html.replace(/<(span|div|li|section|strong|p)\b[^>]*\shidden[^>]*>[\s\S]*?<\/\1>/g, '');
const service = (dist: string) => readPage(dist, '/werl/buergerbuero/');

describe('a planned closure at three build times', () => {
  it('before: "Geplant" with its window on the home, town and service page and the notice; the status as written', () => {
    const { before } = builds;
    for (const page of ['/', '/werl/', '/werl/buergerbuero/', '/werl/aushang/']) {
      const html = shown(readPage(before, page));
      expect(html, page).toContain('Geplant: Samstag, 12.12.2026, 07:00 Uhr bis Samstag, 12.12.2026, 18:00 Uhr');
      expect(html, page).not.toContain('Gilt jetzt');
    }
    const html = shown(service(before));
    expect(html).toMatch(/<dt>Status<\/dt>\s*<dd>\s*<strong class="tag tag-normal" data-window="\/2026-12-12T06:00:00.000Z">/);
    expect(html).toMatch(/<p class="lead" data-window="[^"]*">Arbeitet wie gewohnt./);
    // The home page says that everything works, until the window starts (the script hides it then).
    expect(readPage(before, '/')).toContain('<section aria-labelledby="quiet" data-window="/2026-12-12T06:00:00.000Z">');
    // The state during the window is in the HTML too, hidden, with its window.
    expect(service(before)).toMatch(/<p class="lead" data-window="2026-12-12T06:00:00.000Z\/2026-12-12T17:00:00.000Z" hidden>Umstellung auf neue Software/);
  });

  it('a planned entry names its window before its status, so a planned status is not read as today\'s', () => {
    for (const page of ['/', '/werl/', '/werl/buergerbuero/', '/werl/aushang/']) {
      const cards = readPage(builds.before, page).match(/<li class="card" id="[^"]*" data-window=[\s\S]*?<\/li>/g) ?? [];
      expect(cards.length, page).toBeGreaterThan(0);
      for (const card of cards) expect(card.indexOf('Geplant:'), page).toBeLessThan(card.indexOf('class="tag '));
    }
  });

  it('during: the planned status and summary are the current ones, the town and the home page follow', () => {
    const { during } = builds;
    const html = shown(service(during));
    expect(html).toMatch(/<dt>Status<\/dt>\s*<dd>\s*<strong class="tag tag-unavailable" data-window=[^>]*>/);
    expect(html).toMatch(/<p class="lead" data-window="[^"]*">Umstellung auf neue Software/);
    expect(html).toContain('Gilt jetzt, bis Samstag, 12.12.2026, 18:00 Uhr');
    expect(shown(readPage(during, '/werl/'))).toMatch(/<p class="lead" data-window="[^"]*">Das Bürgerbüro ist am Samstag/);
    const home = shown(readPage(during, '/'));
    expect(home).not.toContain('Alles funktioniert wie gewohnt');
    expect(home).toMatch(/<a href="\/werl\/">Werl<\/a>\s*<span class="town-status">\s*<strong class="tag tag-limited" data-window=[^>]*>/);
    // The task's window (14–18 December) is still to come.
    expect(html).toContain('Geplant: Montag, 14.12.2026 bis Freitag, 18.12.2026');
  });

  it('after: gone from every page, the status as written again', () => {
    const { after } = builds;
    for (const page of ['/', '/werl/', '/werl/buergerbuero/', '/werl/aushang/']) {
      const html = readPage(after, page);
      expect(html, page).not.toContain('Umstellung auf neue Software');
      expect(html, page).not.toContain('id="geplant"');
    }
    expect(service(after)).toMatch(/<dt>Status<\/dt>\s*<dd>\s*<strong class="tag tag-normal">/);
    expect(readPage(after, '/')).toContain('Alles funktioniert wie gewohnt');
  });

  it('the feeds and the API: an entry while it is planned or running, none after', () => {
    expect(file(builds.before, 'feed.xml')).toContain('Bürgerbüro (Werl): Nicht möglich – Geplant: Samstag, 12.12.2026, 07:00 Uhr');
    expect(file(builds.before, 'feed.atom')).toContain('/werl/buergerbuero/#geplant-werl-buergerbuero-20261212-0700');
    expect(JSON.parse(file(builds.during, 'feed.json')).items.some((i: { url: string }) => i.url.endsWith('#geplant-werl-buergerbuero-20261212-0700'))).toBe(true);
    expect(file(builds.after, 'feed.xml')).not.toContain('Geplant');
    const validate = validators(apiSchemas);
    for (const dist of Object.values(builds)) expect(validate.town(JSON.parse(file(dist, 'api/v1/towns/werl.json')))).toEqual([]);
    const town = (dist: string) => JSON.parse(file(dist, 'api/v1/towns/werl.json')).town;
    expect(town(builds.before).services[0].status).toBe('normal');
    expect(town(builds.before).services[0].planned[0]).toMatchObject({ from: '2026-12-12T07:00:00+01:00', end: '2026-12-12T18:00:00+01:00', status: 'unavailable' });
    expect(town(builds.during).services[0].status).toBe('unavailable');
    expect(town(builds.after).services[0].planned).toBeUndefined();
  });

  it('/geplant.ics: one VEVENT per open entry, stable UIDs, DTSTAMP the build time; empty after', () => {
    const before = file(builds.before, 'geplant.ics');
    const during = file(builds.during, 'geplant.ics');
    // Werl's three and its district's two (the Zulassungsstelle and the Kreis itself).
    expect(before.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect(before).toContain('DTSTAMP:20261210T120000Z');
    expect(before).toContain('DTSTART:20261212T060000Z\r\nDTEND:20261212T170000Z\r\n');
    expect(before).toContain('DTSTART;VALUE=DATE:20261214\r\nDTEND;VALUE=DATE:20261219\r\n');
    const uids = (text: string) => [...text.replace(/\r\n /g, '').matchAll(/^UID:(.*)$/gm)].map((m) => m[1]);
    expect(uids(during)).toEqual(uids(before));
    expect(before.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(file(builds.after, 'geplant.ics')).not.toContain('BEGIN:VEVENT');
    expect(file(builds.before, 'werl/geplant.ics').match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('links the calendar from the head and the footer of every page', async () => {
    const html = readPage(builds.before, '/werl/');
    expect(html).toContain('<link rel="alternate" type="text/calendar" title="Geplante Änderungen – Notfall-Informationen Planbeispiel" href="/geplant.ics">');
    expect(html).toMatch(/<a href="\/geplant.ics"[^>]*>iCalendar<\/a>/);
    expect(await compareLinkTargets(builds.before, fixture('planned'))).toBeGreaterThan(3);
  });

  it('the lists switch too: A–Z, the district\'s services, the district\'s towns, the counts, the notice (only what changes gets states)', () => {
    const { before, during, after } = builds;
    const closed = 'data-window="2026-12-12T06:00:00.000Z/2026-12-12T17:00:00.000Z" hidden';
    const az = readPage(before, '/anliegen/');
    expect(az).toMatch(/>Bürgerbüro<\/a>\s*<span class="meta">Werl<\/span>\s*<strong class="tag tag-normal" data-window="\/2026-12-12T06:00:00.000Z">[^<]*<\/strong>\s*<strong class="tag tag-unavailable" data-window="2026-12-12T06:00:00.000Z\/2026-12-12T17:00:00.000Z" hidden>/);
    expect(az).toMatch(/>Personalausweis beantragen<\/a>[\s\S]*?<strong class="tag tag-limited" data-window="2026-12-13T23:00:00.000Z\/2026-12-18T23:00:00.000Z" hidden>/);
    expect(shown(readPage(during, '/anliegen/'))).toMatch(/>Bürgerbüro<\/a>\s*<span class="meta">Werl<\/span>\s*<strong class="tag tag-unavailable" data-window=/);
    expect(readPage(after, '/anliegen/')).toMatch(/>Bürgerbüro<\/a>\s*<span class="meta">Werl<\/span>\s*<strong class="tag tag-normal">/);
    // Werl's page lists the district's services; the district's page its towns.
    expect(readPage(before, '/werl/')).toMatch(/>Zulassungsstelle<\/a> <strong class="tag tag-normal" data-window="\/2026-12-12T07:00:00.000Z">[^<]*<\/strong>\s*<strong class="tag tag-limited" data-window="2026-12-12T07:00:00.000Z\/2026-12-12T11:00:00.000Z" hidden>/);
    expect(readPage(before, '/kreis-soest/')).toMatch(new RegExp(`>Werl</a> <strong class="tag tag-normal" data-window="[^"]*">[^<]*</strong>\\s*<strong class="tag tag-limited" ${closed}>`));
    // "0 von 1" on the home page, "1 von 1" while the Bürgerbüro is closed.
    const home = readPage(before, '/');
    expect(home).toMatch(new RegExp(`<span class="count" ${closed}>\\s*<span aria-hidden="true">1 von 1</span>`));
    expect(shown(home)).toMatch(/<a href="\/werl\/">Werl<\/a>[\s\S]*?<span class="count" data-window="\/2026-12-12T06:00:00.000Z">\s*<span aria-hidden="true">0 von 1<\/span>/);
    expect(readPage(after, '/')).toMatch(/<a href="\/werl\/">Werl<\/a>[\s\S]*?<span class="count">\s*<span aria-hidden="true">0 von 1<\/span>/);
    // The printed notice: the town's status and lead, each service's status and summary, each task's status.
    const notice = readPage(before, '/werl/aushang/');
    expect(notice).toMatch(new RegExp(`<p class="ns-summary" ${closed}>Umstellung auf neue Software`));
    expect(notice).toMatch(new RegExp(`<h3 class="ns-title">[\\s\\S]*?<strong class="tag tag-unavailable" ${closed}>`));
    expect(notice).toMatch(/<span class="nt-title">Personalausweis beantragen<\/span> <strong class="tag tag-normal" data-window=[^>]*>[^<]*<\/strong>\s*<strong class="tag tag-limited" data-window="[^"]*" hidden>/);
    expect(notice).toMatch(new RegExp(`<p class="notice-lead" ${closed}>Das Bürgerbüro ist am Samstag`));
    expect(shown(readPage(during, '/werl/aushang/'))).toMatch(/<p class="ns-summary" data-window="[^"]*">Umstellung auf neue Software/);
  });
});
