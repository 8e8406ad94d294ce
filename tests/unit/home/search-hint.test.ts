/** The home page's search hint suggests words of the site's own tasks (issue 19, item 6). */
import { describe, expect, test } from 'vitest';
import { searchHintWords } from '../../../src/model/search-hint.ts';
import { messageParts } from '../../../src/i18n/index.ts';
import { md, site } from '../support/content.ts';

const town = (name: string) => md(`name: ${name}\nkind: Gemeinde\nupdated: 2023-11-03 14:17\nsummary: Eingeschränkt.\nstatus: limited`);
const service = (title: string, tasks: string[], extra = '') =>
  md(`title: ${title}\nstatus: limited\nupdated: 2023-11-03 14:17\nsummary: Eingeschränkt.\n${extra}tasks:\n${tasks.map((t) => `  - { title: "${t}", status: limited }`).join('\n')}`);

describe('searchHintWords', () => {
  test('the vocabulary words most tasks name; not verbs, adjectives or the services themselves', async () => {
    const s = await site({
      'towns/soest/index.md': town('Soest'),
      'towns/soest/buergerbuero.md': service('Bürgerbüro', ['Personalausweis beantragen', 'Beantragten Personalausweis abholen', 'Reisepass beantragen', 'Termin im Bürgerbüro vereinbaren']),
      'towns/werl/index.md': town('Werl'),
      'towns/werl/buergerbuero.md': service('Bürgerbüro', ['Personalausweis beantragen', 'Sperrmüll anmelden']),
    });
    // Personalausweis: 3 tasks; Reisepass and Sperrmüll 1 each, Reisepass first by the alphabet.
    expect(searchHintWords(s)).toEqual(['Personalausweis', 'Reisepass']);
    expect(searchHintWords(s, 1)).toEqual(['Personalausweis']);
  });

  test('the same content gives the same words, whatever the order of the files', async () => {
    const a = await site({
      'towns/a/index.md': town('A'),
      'towns/a/x.md': service('X', ['Sperrmüll anmelden', 'Reisepass beantragen']),
    });
    const b = await site({
      'towns/a/index.md': town('A'),
      'towns/a/x.md': service('X', ['Reisepass beantragen', 'Sperrmüll anmelden']),
    });
    expect(searchHintWords(a)).toEqual(searchHintWords(b));
  });

  test('a site whose tasks use no vocabulary word: its long nouns; no tasks: no words', async () => {
    const s = await site({
      'towns/a/index.md': town('A'),
      'towns/a/x.md': service('Kirmes', ['Schaustellerplatz reservieren', 'Schaustellerplatz tauschen', 'Losbude melden']),
    });
    expect(searchHintWords(s)).toEqual(['Schaustellerplatz', 'Losbude']);
    const none = await site({ 'towns/a/index.md': town('A'), 'towns/a/x.md': md('title: X\nstatus: limited\nupdated: 2023-11-03 14:17\nsummary: Eingeschränkt.') });
    expect(searchHintWords(none)).toEqual([]);
  });

  test('the site’s own vocabulary counts', async () => {
    const s = await site({
      'site.yaml': 'title: T\noperator: O\nvocabulary:\n  - [Schaustellerplatz, Standplatz]\n',
      'towns/a/index.md': town('A'),
      'towns/a/x.md': service('Kirmes', ['Schaustellerplatz reservieren', 'Losbude melden', 'Losbude abmelden']),
    });
    expect(searchHintWords(s)).toEqual(['Schaustellerplatz']);
  });
});

test('messageParts: a message cut at its placeholders', () => {
  expect(messageParts('Herausgegeben von {operator}.')).toEqual(['Herausgegeben von ', { name: 'operator' }, '.']);
  expect(messageParts('z. B. „{first}“ oder „{second}“')).toEqual(['z. B. „', { name: 'first' }, '“ oder „', { name: 'second' }, '“']);
  expect(messageParts('{name}')).toEqual([{ name: 'name' }]);
});
