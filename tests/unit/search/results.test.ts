/** Turning Pagefind's result data into what the search page shows. */
import { describe, expect, test } from 'vitest';
import { excerptRuns, pagefindFilters, rankResults, statusesFor, titleMatches, toResult, toResults, type PagefindData, type ResultView } from '../../../src/scripts/search-results.ts';

const buergerbuero: PagefindData = {
  url: '/soest/buergerbuero/',
  excerpt: 'Das <mark>Bürgerbüro</mark> ist geschlossen.',
  meta: {
    title: 'Bürgerbüro',
    kind: 'service',
    town: 'Soest',
    status: 'limited',
    stand: 'Freitag, 03.11.2023, 14:17 Uhr',
    summary: 'Geschlossen, telefonisch erreichbar.',
    't-anliegen-personalausweis-beantragen': 'unavailable',
    't-anliegen-wohnsitz-ummelden': 'deferred',
  },
  sub_results: [
    { url: '/soest/buergerbuero/', title: 'Bürgerbüro', excerpt: 'x' },
    { url: '/soest/buergerbuero/#anliegen-personalausweis-beantragen', title: 'Personalausweis beantragen', excerpt: '<mark>Personalausweis</mark> beantragen' },
    { url: '/soest/buergerbuero/#anliegen-wohnsitz-ummelden', title: 'Wohnsitz ummelden', excerpt: 'Wohnsitz' },
    { url: '/soest/buergerbuero/#channels', title: 'So erreichen Sie den Dienst', excerpt: 'Telefon' },
  ],
};

describe('toResult', () => {
  test('a service with its status, town, Stand and the matching tasks with theirs', () => {
    expect(toResult(buergerbuero)).toEqual({
      url: '/soest/buergerbuero/',
      title: 'Bürgerbüro',
      kind: 'service',
      town: 'Soest',
      status: 'limited',
      stand: 'Freitag, 03.11.2023, 14:17 Uhr',
      summary: 'Geschlossen, telefonisch erreichbar.',
      excerpt: 'Das <mark>Bürgerbüro</mark> ist geschlossen.',
      tasks: [
        { url: '/soest/buergerbuero/#anliegen-personalausweis-beantragen', title: 'Personalausweis beantragen', status: 'unavailable', excerpt: '<mark>Personalausweis</mark> beantragen' },
        { url: '/soest/buergerbuero/#anliegen-wohnsitz-ummelden', title: 'Wohnsitz ummelden', status: 'deferred', excerpt: 'Wohnsitz' },
      ],
    });
  });

  test('"only what is possible" drops impossible tasks and keeps the page for the rest', () => {
    const result = toResult(buergerbuero, 'possible')!;
    expect(result.tasks.map((t) => t.status)).toEqual(['deferred']);
  });

  test('a single status keeps only tasks of that status; a page with none of them goes', () => {
    expect(toResult(buergerbuero, 'unavailable')!.tasks.map((t) => t.title)).toEqual(['Personalausweis beantragen']);
    expect(toResult(buergerbuero, 'normal')).toBeUndefined();
    // The page's own status fits: it stays, without tasks.
    expect(toResult(buergerbuero, 'limited')!.tasks).toEqual([]);
  });

  test('a town result does not repeat its own name as town; unknown meta is ignored', () => {
    const town = toResult({ url: '/soest/', excerpt: '', meta: { title: 'Soest', kind: 'town', town: 'Soest', status: 'bogus' } })!;
    expect(town).toEqual({ url: '/soest/', title: 'Soest', kind: 'town', excerpt: '', tasks: [] });
  });

  test('toResults keeps the order and drops what the status choice excludes', () => {
    const other: PagefindData = { url: '/werl/', excerpt: '', meta: { title: 'Werl', kind: 'town', status: 'normal' } };
    expect(toResults([buergerbuero, other], 'normal').map((r) => r.url)).toEqual(['/werl/']);
    expect(toResults([buergerbuero, other]).map((r) => r.url)).toEqual(['/soest/buergerbuero/', '/werl/']);
  });
});

describe('a task is shown only when its own section matched', () => {
  /** A Bürgerservice where "Reisepass" is only in its keywords, its last task is "Nur Annahme". */
  const buergerservice = (subResults: PagefindData['sub_results']): PagefindData => ({
    url: '/musterstadt/buergerservice/',
    excerpt: '<mark>Reisepass</mark>',
    meta: { title: 'Bürgerservice', kind: 'service', town: 'Musterstadt', status: 'limited', summary: 'Nur wenige Anliegen sind möglich.', 't-anliegen-wohnsitz-ummelden': 'deferred' },
    sub_results: subResults,
  });

  test("a match in the page's own section (its keywords) shows the page with the service's status, no task", () => {
    const result = toResult(buergerservice([{ url: '/musterstadt/buergerservice/', title: 'Bürgerservice', excerpt: '<mark>Reisepass</mark>' }]))!;
    expect(result).toMatchObject({ status: 'limited', summary: 'Nur wenige Anliegen sind möglich.', tasks: [] });
  });

  test('a match under a heading that is no task (details, updates, channels) shows no task either', () => {
    const result = toResult(
      buergerservice([
        { url: '/musterstadt/buergerservice/#details', title: 'Einzelheiten', excerpt: '<mark>Reisepass</mark>' },
        { url: '/musterstadt/buergerservice/#updates', title: 'Neuigkeiten', excerpt: '<mark>Reisepass</mark>' },
      ]),
    )!;
    expect(result.tasks).toEqual([]);
  });

  test("with a status choice, a page-only match goes when the service's status does not fit, whatever its tasks' statuses", () => {
    const pageOnly = buergerservice([{ url: '/musterstadt/buergerservice/', title: 'Bürgerservice', excerpt: '<mark>Reisepass</mark>' }]);
    expect(toResult(pageOnly, 'deferred')).toBeUndefined();
    expect(toResult(pageOnly, 'limited')).toMatchObject({ status: 'limited', tasks: [] });
  });

  test('the task whose own section matched is shown with its own status', () => {
    const result = toResult(
      buergerservice([
        { url: '/musterstadt/buergerservice/', title: 'Bürgerservice', excerpt: '<mark>umziehen</mark>' },
        { url: '/musterstadt/buergerservice/#anliegen-wohnsitz-ummelden', title: 'Wohnsitz ummelden', excerpt: 'Wohnsitz ummelden <mark>umziehen</mark>' },
      ]),
    )!;
    expect(result.tasks).toEqual([
      { url: '/musterstadt/buergerservice/#anliegen-wohnsitz-ummelden', title: 'Wohnsitz ummelden', status: 'deferred', excerpt: 'Wohnsitz ummelden <mark>umziehen</mark>' },
    ]);
  });
});

describe('filters', () => {
  test('town and status choices become Pagefind filters', () => {
    expect(pagefindFilters('', '')).toEqual({});
    expect(pagefindFilters('Soest', '')).toEqual({ town: 'Soest' });
    expect(pagefindFilters('Soest', 'possible')).toEqual({ town: 'Soest', status: { any: ['normal', 'limited', 'deferred'] } });
    expect(pagefindFilters('', 'unavailable')).toEqual({ status: { any: ['unavailable'] } });
    expect(statusesFor('')).toBeUndefined();
  });
});

describe('excerptRuns', () => {
  test('marks become runs; entities are decoded; other tags never survive', () => {
    expect(excerptRuns('Die <mark>Kita</mark> &amp; Schule &lt;b&gt; <em>x</em>')).toEqual([
      { text: 'Die ', mark: false },
      { text: 'Kita', mark: true },
      { text: ' & Schule <b> x', mark: false },
    ]);
  });
});

describe('ranking', () => {
  const view = (title: string, tasks: string[] = []): ResultView => ({
    url: `/${title}/`,
    title,
    kind: 'service',
    excerpt: '',
    tasks: tasks.map((t) => ({ url: `/${title}/#${t}`, title: t, excerpt: '' })),
  });

  test('a task that names the word, then a task found through a synonym or part, then a page that mentions it', () => {
    const mention = view('Presse');
    const synonym = view('Standesamt', ['Eheschließung anmelden']);
    const direct = view('Bürgerbüro', ['Trauung im Rathaus']);
    expect(rankResults([mention, synonym, direct], 'Trauung').map((r) => r.title)).toEqual(['Bürgerbüro', 'Standesamt', 'Presse']);
  });

  test("a page's own title counts as naming the word; forms and diacritics do not matter", () => {
    expect(rankResults([view('Soest', ['Eheschließung']), view('Urkunden')], 'urkunde').map((r) => r.title)).toEqual(['Urkunden', 'Soest']);
    expect(titleMatches('Führerschein beantragen', 'fuhrerschein')).toBe(true);
    expect(titleMatches('Sperrmüll-Abholung', 'Müll')).toBe(false);
  });

  test("within a page the tasks that name the word come first; Pagefind's order stays otherwise", () => {
    const [first, second] = rankResults([view('A', ['Hundesteuer zahlen', 'Steuer zahlen']), view('B', ['Grundsteuer'])], 'Steuer');
    expect(first!.tasks.map((t) => t.title)).toEqual(['Steuer zahlen', 'Hundesteuer zahlen']);
    expect(second!.title).toBe('B');
  });
});
