/**
 * Search attribution through a real Pagefind index: a word that finds a page but no task of it
 * (its `keywords`, the vocabulary of its own name) shows the page with the service's status,
 * never a task with the task's; a task found through its own words is still that task.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rankResults, toResults, type ResultView } from '../../src/scripts/search-results.ts';
import { pagefindInNode, type NodePagefind } from '../support/pagefind-node.ts';
import { buildOnce, root, tempDir } from '../support/build.ts';

/** A content folder of Musterstadt (limited) with one service file of the given lines. */
function musterstadt(prefix: string, serviceFile: string, lines: string[]): string {
  const content = path.join(tempDir(prefix), 'content');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), text);
  };
  write('site.yaml', 'title: Suchtest\noperator: Test\nlanguage: de\n');
  write('towns/musterstadt/index.md', '---\nname: Musterstadt\nkind: Stadt\nupdated: 2023-11-03 14:17\nstatus: limited\nsummary: Eingeschränkt.\n---\n');
  write(`towns/musterstadt/${serviceFile}`, lines.join('\n'));
  return content;
}

/**
 * A Bürgerservice with *Reisepass* only in `keywords`, the last task "Wohnsitz
 * ummelden" (Nur Annahme), no body and no updates after the tasks. The other task names the
 * service ("im Bürgerservice").
 */
function keywordSite(): string {
  return musterstadt('aushang-attribution-', 'buergerservice.md', [
    '---',
    'title: Bürgerservice',
    'status: limited',
    'updated: 2023-11-03 14:17',
    'summary: Nur wenige Anliegen sind möglich.',
    'tasks:',
    '  - title: Führerschein im Bürgerservice umtauschen',
    '    status: unavailable',
    '  - title: Wohnsitz ummelden',
    '    status: deferred',
    'keywords: [Reisepass]',
    '---',
    '',
  ]);
}

/**
 * A Friedhofsverwaltung whose channels carry words found nowhere else on the site: a number, hours
 * ("Spätdienst"), a place ("Turmzimmer"), a postal address ("Lindenallee"), and a note
 * ("Hintereingang"). Its text says nothing of "persönlich".
 */
function channelSite(): string {
  return musterstadt('aushang-channels-', 'friedhofsverwaltung.md', [
    '---',
    'title: Friedhofsverwaltung',
    'status: limited',
    'updated: 2023-11-03 14:17',
    'summary: Nur mit Termin.',
    'channels:',
    '  - channel: phone',
    '    status: normal',
    '    value: 02921 869-4217',
    '    hours: Spätdienst donnerstags',
    '  - channel: in-person',
    '    status: limited',
    '    value: Turmzimmer 3',
    '    note: Bitte den Hintereingang nehmen.',
    '  - channel: post',
    '    status: normal',
    '    value: |-',
    '      Friedhofsverwaltung Musterstadt',
    '      Lindenallee 5',
    '  - channel: email',
    '    status: normal',
    '    value: friedhof@musterstadt.example',
    'tasks:',
    '  - title: Grabstelle verlängern',
    '    status: limited',
    '---',
    '',
  ]);
}

/** What the search page shows for a query, ranked as it ranks. */
async function shown(pagefind: NodePagefind, query: string): Promise<ResultView[]> {
  return rankResults(toResults(await pagefind.search(query)), query);
}

/** A result as a line: page, its status, and the tasks with theirs. */
const line = (r: ResultView) => `${r.url} ${r.status ?? '-'} [${r.tasks.map((t) => `${t.title}: ${t.status}`).join('; ')}]`;

describe('a page whose only match is a keyword', () => {
  let pagefind: NodePagefind;
  beforeAll(async () => {
    pagefind = await pagefindInNode(buildOnce(keywordSite()), 'de');
  });
  afterAll(() => pagefind?.close());

  test('"Reisepass" finds the service with its own status, no task', async () => {
    expect((await shown(pagefind, 'Reisepass')).map(line)).toEqual(['/musterstadt/buergerservice/ limited []']);
  });

  test('Pagefind counts the keyword for the page itself, not for the last task', async () => {
    const [result] = await pagefind.search('Reisepass');
    expect(result!.sub_results!.map((s) => s.url)).toEqual(['/musterstadt/buergerservice/']);
  });

  test('"Meldeamt", a word for the service\'s own name, finds the service, not the task that names it', async () => {
    expect((await shown(pagefind, 'Meldeamt')).map(line)).toEqual(['/musterstadt/buergerservice/ limited []']);
  });

  test('a task found through its own synonym is still that task, with its status', async () => {
    expect((await shown(pagefind, 'umziehen')).map(line)).toEqual(['/musterstadt/buergerservice/ limited [Wohnsitz ummelden: deferred]']);
    // The task names the service too: it keeps its own words, only the name's go to the page.
    expect((await shown(pagefind, 'Lappen')).map(line)).toEqual(['/musterstadt/buergerservice/ limited [Führerschein im Bürgerservice umtauschen: unavailable]']);
  });
});

describe('the ways to reach a service', () => {
  let pagefind: NodePagefind;
  let dist: string;
  beforeAll(async () => {
    dist = buildOnce(channelSite());
    pagefind = await pagefindInNode(dist, 'de');
  });
  afterAll(() => pagefind?.close());

  test('their notes are found', async () => {
    expect((await shown(pagefind, 'Hintereingang')).map((r) => r.url)).toEqual(['/musterstadt/friedhofsverwaltung/']);
  });

  test('their numbers, addresses, hours and kinds are not in the index', async () => {
    for (const query of ['869', '4217', 'Turmzimmer', 'Lindenallee', 'Spätdienst', 'example', 'Persönlich', 'Telefon', 'E-Mail']) {
      expect((await pagefind.search(query)).map((r) => r.url), query).toEqual([]);
    }
  });

  test('nor in the word list typos are corrected with', () => {
    const words = readFileSync(path.join(dist, 'pagefind/aushang-words.txt'), 'utf8').split('\n');
    expect(words).toContain('hintereingang');
    expect(words.filter((w) => ['turmzimmer', 'lindenallee', 'spätdienst', 'persönlich', 'telefon'].includes(w))).toEqual([]);
  });
});

describe('the example site', () => {
  let pagefind: NodePagefind;
  beforeAll(async () => {
    pagefind = await pagefindInNode(buildOnce(path.join(root, 'content')), 'de');
  });
  afterAll(() => pagefind?.close());

  test('"Meldeamt" shows the Bürgerbüros with their status, not Werl\'s "Vereinbarten Termin …: Nicht möglich"', async () => {
    const results = await shown(pagefind, 'Meldeamt');
    const werl = results.find((r) => r.url === '/werl/buergerbuero/');
    expect(werl && line(werl)).toBe('/werl/buergerbuero/ limited []');
    const soest = results.find((r) => r.url === '/soest/buergerbuero/');
    expect(soest && line(soest)).toBe('/soest/buergerbuero/ limited []');
  });

  test('the tasks of the Bürgerbüro are still found through their own words', async () => {
    const results = await shown(pagefind, 'Perso');
    expect(results.find((r) => r.url === '/werl/buergerbuero/')?.tasks.map((t) => `${t.title}: ${t.status}`)).toContain('Personalausweis oder Reisepass beantragen: unavailable');
    expect(results.find((r) => r.url === '/soest/buergerbuero/')?.tasks.map((t) => `${t.title}: ${t.status}`)).toContain('Personalausweis oder Reisepass beantragen: unavailable');
  });
});
