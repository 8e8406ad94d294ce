/**
 * cState on the bench's district (bench/cstate.ts, issue 21's comparison): the content writer on a
 * tiny generated site — cState's config with one system per service in one category per town, one
 * issue per service with valid front matter (cState's README, "How do I create issues?") — and
 * the one line the bench prints when cState cannot be built. Hugo itself never runs in tests.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cstateDate, cstateMissing, readNotice, severityOf, writeCstateSite } from '../../../bench/cstate.ts';
import { generate } from '../../../bench/generate.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'aushang-cstate-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the district as cState content', () => {
  const content = path.join(tmp, 'content');
  const made = generate({ towns: 2, services: 3, out: content });
  const site = path.join(tmp, 'site');
  const example = { theme: 'cstate', taxonomies: { affected: 'affected' }, params: { dateFormat: 'January 2, 2006', systems: [{ name: 'Gateway' }] } };
  const written = writeCstateSite(content, site, example);
  const config = parse(readFileSync(path.join(site, 'config.yml'), 'utf8')) as {
    theme: string;
    taxonomies: unknown;
    params: { dateFormat: string; categories: { name: string }[]; systems: { name: string; category: string }[] };
  };
  const issueDir = path.join(site, 'content', 'issues');
  const issues = readdirSync(issueDir).sort().map((file) => readNotice(path.join(issueDir, file)));

  it('one system per service, in one category per town, on cState’s own settings', () => {
    expect(written).toEqual({ systems: made.services, issues: made.services });
    expect(config.params.systems).toHaveLength(6);
    expect(new Set(config.params.systems.map((s) => s.name)).size).toBe(6);
    expect(config.params.categories).toHaveLength(2);
    const categories = config.params.categories.map((c) => c.name);
    for (const system of config.params.systems) expect(categories).toContain(system.category);
    expect(config.theme).toBe('cstate');
    expect(config.taxonomies).toEqual({ affected: 'affected' });
    expect(config.params.dateFormat).toBe('January 2, 2006');
  });

  it('one issue per service with the front matter cState requires', () => {
    const systems = config.params.systems.map((s) => s.name);
    expect(issues).toHaveLength(6);
    for (const { data } of issues) {
      expect(data).toMatchObject({ section: 'issue', resolved: expect.any(Boolean) });
      expect(['down', 'disrupted', 'notice']).toContain(data.severity);
      expect(String(data.date)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(data.affected).toEqual([data.title]);
      expect(systems).toContain(data.title);
      if (data.resolved) expect(String(data.resolvedWhen)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      else expect(data.resolvedWhen).toBeUndefined();
    }
  });

  it('the notice’s status, dates, tasks and channels in its issue', () => {
    const town = readdirSync(path.join(content, 'towns')).sort()[0]!;
    const file = readdirSync(path.join(content, 'towns', town)).filter((f) => f !== 'index.md').sort()[0]!;
    const notice = readNotice(path.join(content, 'towns', town, file)).data as { status: string; since?: string; updated: string; tasks: { title: string }[]; channels: { channel: string }[] };
    const issue = readNotice(path.join(issueDir, `${town}-${file}`));
    expect(issue.data.severity).toBe(severityOf(notice.status).severity);
    expect(issue.data.date).toBe(cstateDate(notice.since ?? notice.updated));
    for (const task of notice.tasks) expect(issue.body).toContain(task.title);
    for (const channel of notice.channels) expect(issue.body).toContain(`- ${channel.channel}: `);
    expect(issue.body).not.toContain('undefined');
  });
});

describe('cState’s terms', () => {
  it('statuses as severities; a normal service is resolved', () => {
    expect(severityOf('unavailable')).toEqual({ severity: 'down', resolved: false });
    expect(severityOf('limited')).toEqual({ severity: 'disrupted', resolved: false });
    expect(severityOf('deferred')).toEqual({ severity: 'disrupted', resolved: false });
    expect(severityOf('normal')).toEqual({ severity: 'notice', resolved: true });
  });

  it('dates with seconds, as cState writes them', () => {
    expect(cstateDate('2023-10-30')).toBe('2023-10-30 00:00:00');
    expect(cstateDate('2023-11-03 17:24')).toBe('2023-11-03 17:24:00');
    expect(cstateDate('2023-11-03T17:24:05')).toBe('2023-11-03 17:24:05');
    expect(cstateDate(undefined)).toBeUndefined();
  });

  it('one line when cState cannot be built', () => {
    expect(cstateMissing(undefined)).toMatch(/^cState: not built \(set CSTATE_GIT/);
    expect(cstateMissing(path.join(tmp, 'nowhere'))).toMatch(/^cState: not built \(CSTATE_GIT=.* is not a git directory/);
  });
});
