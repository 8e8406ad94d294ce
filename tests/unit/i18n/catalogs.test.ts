/**
 * The interface strings: German and English have the same keys and the same placeholders;
 * Turkish, Arabic, Ukrainian and Russian have every interface key (messages for editors stay
 * German or English); every error code has a message whose placeholders the checker fills.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { de } from '../../../src/i18n/de.ts';
import { en } from '../../../src/i18n/en.ts';
import { tr } from '../../../src/i18n/tr.ts';
import { ar } from '../../../src/i18n/ar.ts';
import { uk } from '../../../src/i18n/uk.ts';
import { ru } from '../../../src/i18n/ru.ts';
import {
  messagesOf,
  contentAttributes,
  defaultContentLanguage,
  direction,
  editorLanguage,
  editorLanguages,
  format,
  isEditorKey,
  languages,
  translator,
} from '../../../src/i18n/index.ts';
import { languageKeys } from '../../../src/schema/index.ts';
import { formatContentError, type ContentError, type ErrorCode, type HintCode, type WarningCode } from '../../../src/schema/errors.ts';
import { base, load, messages, service, site, town } from '../support/content.ts';

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
  duplicateRole: ['found', 'other'],
  townStatusRequired: [],
  townStatusTooGood: ['found', 'services', 'derived'],
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
  symlink: ['target'],
  linkUnknown: ['found'],
  linkAnchor: ['found', 'page', 'anchor'],
  linkRelative: ['found', 'resolved'],
  editor: ['found'],
  editorRepo: ['found'],
  editorUrl: ['found'],
  editorUrlRequired: [],
  editorReview: ['found'],
  vocabularyGroup: ['found'],
  siteUrl: ['found'],
  mirrorTwice: ['found'],
  controlCharacter: ['found'],
  frontmatterDashes: ['found'],
  yamlAliasUnknown: ['found'],
  yamlAliasRecursive: ['found'],
  yamlAliasLimit: ['found'],
  yamlTag: ['found'],
  yamlProtoKey: ['found'],
  notRegularFile: [],
  hardLink: ['found'],
  notFolder: [],
  notFile: [],
  unreadableFolder: [],
  aliasEncoded: ['found'],
  aliasEmptySegment: ['found'],
  aliasDotSegment: ['found'],
  aliasDotfile: ['found'],
};

/** The parameters each warning is raised with (src/schema/warnings.ts). */
const warningParams: Record<WarningCode, string[]> = {
  stale: ['found', 'hours'],
  expectedPast: ['found'],
  noAlternative: ['found'],
  townStatusContradicts: ['found', 'services', 'count'],
  townSummaryNamesNormal: ['found', 'town'],
  taskUnderNormalService: ['found', 'task'],
  summaryKept: ['found', 'status'],
  examplePage: ['found'],
  channelNoValue: ['found'],
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
  basePath: ['base', 'suggestion'],
};

const interfaceOnly = { tr, ar, uk, ru } as const;
const interfaceKeys = Object.keys(de).filter((key) => !isEditorKey(key)).sort();

describe('catalogs', () => {
  test('German and English have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  test.each(Object.keys(interfaceOnly))('%s has every interface key, and no editor key (those stay German or English)', (language) => {
    expect(Object.keys(interfaceOnly[language as keyof typeof interfaceOnly]).sort()).toEqual(interfaceKeys);
  });

  test('and the same placeholders in every string', () => {
    // Dates excepted: each language's pattern picks its own parts (see time.ts).
    for (const key of (Object.keys(de) as (keyof typeof de)[]).filter((k) => !k.startsWith('time.'))) {
      expect(placeholders(en[key]), key).toEqual(placeholders(de[key]));
    }
    for (const [language, messages] of Object.entries(interfaceOnly)) {
      for (const [key, value] of Object.entries(messages)) {
        if (key.startsWith('time.')) continue;
        expect(placeholders(value), `${language} ${key}`).toEqual(placeholders(de[key as keyof typeof de]));
      }
    }
  });

  test('no string is empty', () => {
    for (const catalog of [de, en, ...Object.values(interfaceOnly)]) for (const [key, value] of Object.entries(catalog)) expect(value.trim(), key).not.toBe('');
  });

  test('every interface language can be chosen in site.yaml, and each names its own language and locale', () => {
    expect([...languageKeys]).toEqual([...languages]);
    for (const language of languages) {
      expect(messagesOf(language)['lang.tag']).toBe(language);
      expect(new Intl.Locale(messagesOf(language)['lang.locale']).language).toBe(language);
    }
  });

  test('Arabic is written right to left, the others left to right', () => {
    expect(Object.fromEntries(languages.map((l) => [l, direction(l)]))).toEqual({ de: 'ltr', en: 'ltr', tr: 'ltr', ar: 'rtl', uk: 'ltr', ru: 'ltr' });
  });

  test('a Turkish, Arabic, Ukrainian or Russian site gives editors their messages in German, or in English when the content is English', () => {
    for (const language of ['tr', 'ar', 'uk', 'ru'] as const) {
      expect(defaultContentLanguage(language)).toBe('de');
      expect(editorLanguage(defaultContentLanguage(language))).toBe('de');
      expect(translator(language)('cli.error')).toBe(de['cli.error']);
      expect(translator(language)('status.limited')).toBe(interfaceOnly[language]['status.limited']);
    }
    expect(editorLanguage('en')).toBe('en');
    expect(editorLanguage('ar')).toBe('de');
    expect(defaultContentLanguage('en')).toBe('en');
  });

  test('content in another language than the interface is marked with its lang and dir', () => {
    expect(contentAttributes('de', 'de')).toEqual({});
    expect(contentAttributes('ar', 'de')).toEqual({ lang: 'de', dir: 'ltr' });
    expect(contentAttributes('en', 'ar')).toEqual({ lang: 'ar', dir: 'rtl' });
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

  test('every declared warning code has a message in both languages whose placeholders the rules fill', () => {
    const codes = declared('WarningCode');
    expect(Object.keys(warningParams).sort()).toEqual([...codes].sort());
    for (const [code, params] of Object.entries(warningParams) as [WarningCode, string[]][]) {
      for (const language of editorLanguages) {
        const text = formatContentError(
          { file: 'content/x.md', line: 1, field: 'status', code, severity: 'warning', params: Object.fromEntries(params.map((p) => [p, `<${p}>`])) },
          language,
        );
        expect(text, code).not.toMatch(unfilled);
        expect(text).toContain(language === 'de' ? ': Warnung: ' : ': warning: ');
      }
      expect(params, code).toEqual(expect.arrayContaining(placeholders(de[`warning.${code}` as keyof typeof de])));
    }
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

describe('the languages of a site', () => {
  const withSettings = (settings: string) => ({ ...base, 'site.yaml': `title: T\noperator: O\n${settings}`, 'towns/soest/index.md': town('Soest', 'incidents: [gibts-nicht]\n') });

  test.each(['tr', 'ar', 'uk', 'ru'])('check on a %s site prints its messages in German; with English content, in English', async (language) => {
    const german = await load(withSettings(`language: ${language}\n`));
    expect(german.ok).toBe(false);
    expect(german.language).toBe('de');
    if (!german.ok) expect(formatContentError(german.errors[0]!, german.language)).toContain('keine Störung dieses Namens');
    const english = await load(withSettings(`language: ${language}\ncontentLanguage: en\n`));
    expect(english.language).toBe('en');
    if (!english.ok) expect(formatContentError(english.errors[0]!, english.language)).toContain('no incident of that name');
  });

  test('the content language is the interface language for German and English, German for the others, unless site.yaml says', async () => {
    const of = async (settings: string) => (await site({ ...base, 'site.yaml': `title: T\noperator: O\n${settings}` })).settings.contentLanguage;
    await expect(of('language: en\n')).resolves.toBe('en');
    await expect(of('language: ar\n')).resolves.toBe('de');
    await expect(of('language: ar\ncontentLanguage: ar\n')).resolves.toBe('ar');
    await expect(of('language: de\ncontentLanguage: en\n')).resolves.toBe('en');
  });

  test('an unknown content language is an editor mistake', async () => {
    const result = await load({ ...base, 'site.yaml': 'title: T\noperator: O\ncontentLanguage: fr\n' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatContentError(result.errors[0]!, result.language)).toMatch(/site\.yaml:3: contentLanguage: „fr“ — erlaubt: de, en, tr, ar, uk, ru/);
  });
});
