/**
 * The interface strings: German and English have the same keys and the same placeholders, and
 * every error code has a message whose placeholders the checker fills.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { de } from '../../../src/i18n/de.ts';
import { en } from '../../../src/i18n/en.ts';
import { format, languages } from '../../../src/i18n/index.ts';
import { formatContentError, type ContentError, type ErrorCode, type HintCode } from '../../../src/schema/errors.ts';
import { messages, service, town } from '../support/content.ts';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const unfilled = /\{\w+\}/;

/** The codes as declared in errors.ts (a type, so read from the source). */
const source = readFileSync(new URL('../../../src/schema/errors.ts', import.meta.url), 'utf8');
const declared = (typeName: string) => {
  const body = new RegExp(`export type ${typeName} =([^;]+);`).exec(source)![1]!;
  return [...body.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
};

/** The parameters each error code is raised with (src/model, src/schema). */
const paramsOf: Record<ErrorCode, string[]> = {
  required: [],
  empty: [],
  enum: ['found', 'allowed'],
  type: ['found', 'foundType', 'expected'],
  unknownField: ['allowed'],
  tooSmall: ['found', 'minimum'],
  time: ['found'],
  timeInvalid: ['found'],
  timeFuture: ['found', 'limit'],
  timeOrder: ['found', 'other'],
  phoneNoAreaCode: ['found'],
  phoneInvalid: ['found'],
  phoneCharacters: ['found'],
  email: ['found'],
  url: ['found'],
  urlNotHttps: ['found'],
  markdownHtml: ['found'],
  markdownLink: ['found'],
  markdownBlock: ['found'],
  markdownImage: ['found'],
  unknownIncident: ['found', 'allowed'],
  unknownParent: ['found', 'allowed'],
  parentSelf: ['found'],
  parentCycle: ['found'],
  slug: ['found'],
  reservedTown: ['found', 'allowed'],
  reservedService: ['found', 'allowed'],
  reservedPage: ['found', 'allowed'],
  collision: ['found', 'other'],
  townStatusRequired: [],
  alias: ['found'],
  aliasCollision: ['found', 'other'],
  timezone: ['found'],
  country: ['found'],
  yaml: ['detail', 'message'],
  noFrontmatter: [],
  notMapping: [],
  emptyFile: [],
  notUtf8: [],
  unexpectedFile: ['allowed'],
  missingFile: [],
  missingFolder: [],
  unreadable: [],
  vocabularyGroup: ['found'],
};

const hintParams: Record<HintCode, string[]> = {
  didYouMean: ['suggestion'],
  example: ['example'],
  quote: [],
  yaml: [],
  saveUtf8: [],
  slugify: ['suggestion'],
  typo: [],
  https: [],
};

describe('catalogs', () => {
  test('German and English have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  test('and the same placeholders in every string', () => {
    for (const key of Object.keys(de) as (keyof typeof de)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(de[key]));
    }
  });

  test('no string is empty', () => {
    for (const catalog of [de, en]) for (const [key, value] of Object.entries(catalog)) expect(value.trim(), key).not.toBe('');
  });

  test('format leaves a missing parameter visible', () => {
    expect(format('{a} und {b}', { a: 1 })).toBe('1 und {b}');
  });
});

describe('error messages', () => {
  test('every declared error code has a message in both languages, and the table above lists them all', () => {
    const codes = declared('ErrorCode');
    expect(Object.keys(paramsOf).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(de, code).toHaveProperty([`error.${code}`]);
      expect(en, code).toHaveProperty([`error.${code}`]);
    }
    expect(Object.keys(hintParams).sort()).toEqual(declared('HintCode').sort());
  });

  test('every placeholder of an error or hint message is a parameter the checker passes', () => {
    for (const [code, params] of Object.entries(paramsOf)) {
      expect(params, code).toEqual(expect.arrayContaining(placeholders(de[`error.${code}` as keyof typeof de])));
    }
    for (const [code, params] of Object.entries(hintParams)) {
      expect(params, code).toEqual(expect.arrayContaining(placeholders(de[`hint.${code}` as keyof typeof de])));
    }
  });

  test.each(languages)('formatted with its parameters, no message of %s has an unfilled placeholder', (language) => {
    for (const [code, params] of Object.entries(paramsOf) as [ErrorCode, string[]][]) {
      const error: ContentError = {
        file: 'content/towns/soest/index.md',
        line: 3,
        field: 'status',
        code,
        params: Object.fromEntries(params.map((p) => [p, p === 'foundType' ? 'list' : p === 'expected' ? 'string' : p === 'detail' ? 'tab' : `<${p}>`])),
      };
      for (const [hint, hp] of Object.entries(hintParams) as [HintCode, string[]][]) {
        const text = formatContentError({ ...error, hint: { code: hint, params: Object.fromEntries(hp.map((p) => [p, `<${p}>`])) } }, language);
        expect(text, `${code} + ${hint}`).not.toMatch(unfilled);
        expect(text).not.toContain('undefined');
      }
    }
  });

  test('words passed as parameters are translated: value types, YAML details, Markdown blocks', () => {
    for (const type of ['list', 'mapping', 'string', 'number', 'boolean', 'nothing', 'array', 'object']) {
      expect(de).toHaveProperty([`valueType.${type}`]);
    }
    for (const detail of ['duplicateKey', 'tab', 'indent', 'missingChar', 'colon', 'colonInValue', 'token', 'scalarStart', 'other']) {
      expect(de).toHaveProperty([`yaml.${detail}`]);
    }
    for (const block of ['heading', 'list', 'blockquote', 'code', 'rule', 'table', 'image', 'paragraphs']) {
      expect(de).toHaveProperty([`markdown.${block}`]);
    }
  });

  test.each(languages)('real errors in %s: no unfilled placeholder, no undefined', async (language) => {
    const all = await messages(
      {
        'site.yaml': `title: T\noperator: O\nlanguage: ${language}\ntimezone: X/Y\ncountry: ZZ\nstaleAfterHours: 0\n`,
        'towns/soest/index.md': town('Soest', 'parent: soest\nincidents: [x]\naliases: [rathaus, /anliegen/]\nname2: x\nlinks:\n  - title: A\n    url: www.a.de\n', 'Text <b>x</b> [a](javascript:x) ![b](https://x.de/b.png)\n'),
        'towns/soest/buergerbuero.md': service(
          'expected: 06.11.\nsince: 2023-02-30\ntasks:\n  - title: "# T"\n    status: zu\nchannels:\n  - channel: telefon\n    status: normal\n  - channel: phone\n    status: normal\n    value: 103\n  - channel: email\n    status: normal\n    value: x\n  - channel: web\n    status: normal\n    value: http://x.de\nupdates:\n  - at: 2030-01-01\n    text: "- a"\n',
          'limited',
        ),
        'towns/soest/aushang.md': service(),
        'towns/soest/leer.md': '',
        'towns/soest/yaml.md': service('title: doppelt\n'),
        'towns/soest/ohne.md': 'title: x\n',
        'towns/soest/liste.md': '---\n- a\n---\n',
        'towns/Werl/index.md': town('Werl'),
        'towns/api/index.md': town('Api'),
        'pages/soest.md': '---\ntitle: ""\nfooter: ja\n---\n',
        'incidents/x.md': '---\ntitle: x\nstarted: 2023-10-30\nresolved: 2023-10-01\nupdated: 2023-11-01\nsummary: x\n---\n',
        'notes.txt': 'x',
      },
      { language },
    );
    expect(all.length).toBeGreaterThan(25);
    if (process.env.SHOW) console.log(all.join('\n'));
    for (const line of all) {
      expect(line).not.toMatch(unfilled);
      expect(line).not.toContain('undefined');
      expect(line).not.toContain('[object');
    }
  });
});
