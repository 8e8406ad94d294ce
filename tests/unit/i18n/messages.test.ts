/**
 * The interface strings: German and English have the same keys and the same placeholders;
 * Turkish, Arabic, Ukrainian and Russian have every interface key (messages for editors stay
 * German or English); every error, warning and hint code has a message in German and English
 * whose placeholders are exactly the parameters the code is raised with (`errorParams` …
 * in src/schema/errors.ts; the type system holds every rule to those); every string is used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
import { channelKinds, languageKeys, statusKeys } from '../../../src/schema/index.ts';
import {
  errorParams,
  formatContentError,
  hintParams,
  valueTypes,
  warningParams,
  yamlDetails,
  type ContentProblem,
  type Hint,
} from '../../../src/schema/errors.ts';
import { markdownBlocks } from '../../../src/core/markdown.ts';
import { accessRoles } from '../../../src/model/derive.ts';
import { editErrorCodes } from '../../../src/cli/edit.ts';
import { base, load, messages, service, site, town } from '../support/content.ts';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const unfilled = /\{\w+\}/;

/** Each code's parameters, filled with a value its message can show. */
const sample = (names: readonly string[]) =>
  Object.fromEntries(names.map((p) => [p, p === 'foundType' ? 'list' : p === 'expected' ? 'string' : p === 'detail' ? 'tab' : `<${p}>`]));
/** A problem of this code with every parameter it takes (the registry guarantees the shape). */
const problem = (code: string, names: readonly string[], severity?: 'warning') =>
  ({ file: 'content/towns/soest/index.md', line: 3, field: 'status', code, params: sample(names), ...(severity ? { severity } : {}) }) as unknown as ContentProblem;
const hint = (code: string, names: readonly string[]) => ({ code, params: sample(names) }) as unknown as Hint;

const interfaceOnly = { tr, ar, uk, ru } as const;
const interfaceKeys = Object.keys(de).filter((key) => !isEditorKey(key)).sort();

describe('message catalogues', () => {
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
    for (const catalogue of [de, en, ...Object.values(interfaceOnly)]) for (const [key, value] of Object.entries(catalogue)) expect(value.trim(), key).not.toBe('');
  });

  test('every interface language can be chosen in site.yaml, and each names its own language and locale', () => {
    expect([...languageKeys]).toEqual([...languages]);
    for (const language of languages) {
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

  test('format fills every message of every language as a replace of each placeholder does', () => {
    const reference = (template: string, params: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
    const names = new Set(Object.values({ ...de, ...en }).flatMap((template) => [...String(template).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
    const all = Object.fromEntries([...names].map((name, i) => [name, i % 2 === 0 ? `<${name}>` : i]));
    const some = Object.fromEntries(Object.entries(all).filter((_, i) => i % 3 === 0));
    for (const messages of [de, en, tr, ar, uk, ru]) {
      for (const template of Object.values(messages) as string[]) {
        for (const params of [all, some, {}]) expect(format(template, params), template).toBe(reference(template, params));
      }
    }
    expect(format('{a}{a}{b}x{', { a: '{b}', b: '$&' })).toBe('{b}{b}$&x{');
  });
});

describe('error messages', () => {
  const registries = [
    ['error', errorParams],
    ['warning', warningParams],
    ['hint', hintParams],
  ] as const;

  test.each(editorLanguages)('every error, warning and hint code has a message in %s with exactly its parameters as placeholders', (language) => {
    const messages = messagesOf(language) as Record<string, string>;
    for (const [prefix, registry] of registries) {
      for (const [code, params] of Object.entries(registry)) {
        const key = `${prefix}.${code}`;
        expect(messages, key).toHaveProperty([key]);
        expect(placeholders(messages[key]!), key).toEqual([...params].sort());
      }
    }
  });

  test('no message of an error, warning or hint is left without a code', () => {
    for (const [prefix, registry] of registries) {
      const keys = Object.keys(de).filter((key) => key.startsWith(`${prefix}.`));
      expect(keys.map((key) => key.slice(prefix.length + 1)).sort()).toEqual(Object.keys(registry).sort());
    }
  });

  test('a warning says it is one, in German and English', () => {
    for (const [code, params] of Object.entries(warningParams)) {
      for (const language of editorLanguages) {
        const text = formatContentError(problem(code, params, 'warning'), language);
        expect(text, code).not.toMatch(unfilled);
        expect(text).toContain(language === 'de' ? ': Warnung: ' : ': warning: ');
      }
    }
  });

  test.each(languages)('formatted with its parameters, no message of %s has an unfilled placeholder', (language) => {
    for (const [code, params] of Object.entries(errorParams)) {
      for (const [hintCode, hp] of Object.entries(hintParams)) {
        const text = formatContentError({ ...problem(code, params), hint: hint(hintCode, hp) } as ContentProblem, language);
        expect(text, `${code} + ${hintCode}`).not.toMatch(unfilled);
        expect(text).not.toContain('undefined');
      }
    }
  });

  test('words passed as parameters are translated: value types, YAML details, Markdown blocks', () => {
    const shown = (code: string, params: Record<string, string>) => formatContentError({ file: 'f', code, params } as unknown as ContentProblem, 'de');
    expect(shown('type', { found: 'x', foundType: 'list', expected: 'string' })).toBe('f: eine Liste „x“ — erwartet: Text');
    expect(shown('yaml', { detail: 'tab', message: 'Tabs' })).toContain('Tabulator als Einrückung');
    expect(shown('markdownBlock', { found: 'heading' })).toContain('enthält eine Überschrift');
    expect(shown('aliasCollision', { found: '/a/', other: 'reserved' })).not.toContain('reserved');
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

describe('every string is used', () => {
  /** Keys built at run time from a list: the template in src/ that builds them and the list it takes. */
  const built: { template: string; names: readonly string[] }[] = [
    { template: 'status.', names: statusKeys },
    { template: 'channel.', names: channelKinds },
    { template: 'access.', names: accessRoles },
    { template: 'error.', names: Object.keys(errorParams) },
    { template: 'warning.', names: Object.keys(warningParams) },
    { template: 'hint.', names: Object.keys(hintParams) },
    { template: 'valueType.', names: valueTypes },
    { template: 'yaml.', names: yamlDetails },
    { template: 'markdown.', names: markdownBlocks },
    { template: 'edit.cannot.', names: editErrorCodes },
  ];

  /** Every source file of src/ but the message tables themselves. */
  const sourceDir = path.resolve('src');
  const filesBelow = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return filesBelow(full);
      return /\.(ts|astro|mjs)$/.test(entry.name) ? [full] : [];
    });
  const tables = new Set(['de', 'en', 'tr', 'ar', 'uk', 'ru', 'fields.de', 'fields.en'].map((name) => path.join(sourceDir, 'i18n', `${name}.ts`)));
  const source = filesBelow(sourceDir)
    .filter((file) => !tables.has(file))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const writtenOut = (key: string) => [`'${key}'`, `"${key}"`, `\`${key}\``].some((quoted) => source.includes(quoted));
  const builtFrom = (key: string) => built.find(({ template, names }) => key.startsWith(template) && names.includes(key.slice(template.length)));

  test('every key of de.ts is written out somewhere in src/, or built by a template from its list', () => {
    const unused = Object.keys(de).filter((key) => !writtenOut(key) && !builtFrom(key));
    expect(unused).toEqual([]);
  });

  test('every template is in src/, and every name of its list has its message', () => {
    for (const { template, names } of built) {
      expect(source, template).toContain(`\`${template}\${`);
      for (const name of names) expect(de, `${template}${name}`).toHaveProperty([`${template}${name}`]);
    }
  });
});
