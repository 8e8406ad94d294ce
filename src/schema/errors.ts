/**
 * Editor mistakes as data, and their text. Every problem in content becomes a `ContentError`
 * naming file, line, field, what was found and what is allowed; the CLI and the build print
 * them with `formatContentError` in the site's language.
 */
import type { z } from 'zod';
import { catalog, translator, type Language, type MessageKey } from '../i18n/index.ts';
import { timeInputPattern } from './index.ts';

export type ErrorCode =
  | 'required'
  | 'empty'
  | 'enum'
  | 'type'
  | 'unknownField'
  | 'tooSmall'
  | 'time'
  | 'timeInvalid'
  | 'timeFuture'
  | 'timeOrder'
  | 'phoneNoAreaCode'
  | 'phoneInvalid'
  | 'phoneCharacters'
  | 'email'
  | 'url'
  | 'urlNotHttps'
  | 'markdownHtml'
  | 'markdownLink'
  | 'markdownBlock'
  | 'markdownImage'
  | 'unknownIncident'
  | 'unknownParent'
  | 'parentSelf'
  | 'parentCycle'
  | 'slug'
  | 'reservedTown'
  | 'reservedService'
  | 'reservedPage'
  | 'collision'
  | 'duplicateRole'
  | 'townStatusRequired'
  | 'townStatusTooGood'
  | 'alias'
  | 'aliasCollision'
  | 'timezone'
  | 'country'
  | 'yaml'
  | 'noFrontmatter'
  | 'notMapping'
  | 'emptyFile'
  | 'notUtf8'
  | 'unexpectedFile'
  | 'missingFile'
  | 'missingFolder'
  | 'unreadable'
  | 'symlink'
  | 'linkUnknown'
  | 'linkAnchor'
  | 'linkRelative'
  | 'editor'
  | 'editorRepo'
  | 'editorUrl'
  | 'editorUrlRequired'
  | 'editorReview'
  | 'vocabularyGroup'
  | 'siteUrl'
  | 'mirrorTwice'
  // 1.2: safe input.
  | 'controlCharacter'
  | 'frontmatterDashes'
  | 'yamlAliasUnknown'
  | 'yamlAliasRecursive'
  | 'yamlAliasLimit'
  | 'yamlTag'
  | 'yamlProtoKey'
  | 'notRegularFile'
  | 'hardLink'
  | 'notFolder'
  | 'notFile'
  | 'unreadableFolder'
  | 'aliasEncoded'
  | 'aliasEmptySegment'
  | 'aliasDotSegment'
  | 'aliasDotfile';

/** 1.1: what `check` warns about: published all the same, but an editor should look. */
export type WarningCode =
  | 'stale'
  | 'expectedPast'
  | 'noAlternative'
  | 'townStatusContradicts'
  | 'townSummaryNamesNormal'
  | 'taskUnderNormalService'
  | 'summaryKept'
  | 'examplePage'
  | 'channelNoValue';

export type HintCode = 'didYouMean' | 'example' | 'quote' | 'yaml' | 'saveUtf8' | 'slugify' | 'typo' | 'https' | 'basePath';

export interface ContentError {
  /** Path relative to the project, with forward slashes. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The field as an editor sees it: `tasks[2].status` (entries counted from 1). */
  field?: string;
  code: ErrorCode;
  params?: Record<string, string>;
  hint?: { code: HintCode; params?: Record<string, string> };
  severity?: undefined;
}

/**
 * A warning has the shape of an error and is printed the same way, marked as a warning; the
 * build goes on. Kept apart by `severity`, so no rule can mistake one for the other.
 */
export interface ContentWarning extends Omit<ContentError, 'code' | 'severity'> {
  code: WarningCode;
  severity: 'warning';
}

export type ContentProblem = ContentError | ContentWarning;

/**
 * Text an editor wrote, made visible on one line: a control character (1.2: an error of its own)
 * is shown as `<U+000B>`, a line break as `⏎`, so every problem stays one line of output.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, (c) => (c === '\n' ? '⏎' : `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`));
}

/** The message alone, without place and field: `„geschlossen“ — erlaubt: … (meinten Sie …?)`. */
export function problemMessage(error: ContentProblem, language: Language): string {
  const t = translator(language);
  // Some parameters are words to translate, not text the editor wrote.
  const params = Object.fromEntries(Object.entries(error.params ?? {}).map(([key, value]) => [key, visible(value)]));
  if (params.foundType) params.foundType = t(`valueType.${params.foundType}` as MessageKey);
  if (params.expected && `valueType.${params.expected}` in catalog(language)) params.expected = t(`valueType.${params.expected}` as MessageKey);
  if (params.detail) params.detail = t(`yaml.${params.detail}` as MessageKey);
  if (error.code === 'aliasCollision' && params.other === 'reserved') params.other = t('alias.reserved');
  if (error.code === 'markdownBlock' && params.found && `markdown.${params.found}` in catalog(language)) params.found = t(`markdown.${params.found}` as MessageKey);
  const message = error.severity === 'warning' ? t(`warning.${error.code}` as MessageKey, params) : t(`error.${error.code}` as MessageKey, params);
  const hintParams = error.hint?.params && Object.fromEntries(Object.entries(error.hint.params).map(([key, value]) => [key, visible(value)]));
  const hint = error.hint ? ` (${t(`hint.${error.hint.code}` as MessageKey, hintParams)})` : '';
  return `${message}${hint}`;
}

/** `path:line: field: found — allowed (hint)`; a warning says so after the field. */
export function formatContentError(error: ContentProblem, language: Language): string {
  const where = visible(error.line ? `${error.file}:${error.line}` : error.file);
  const field = error.field ? `${visible(error.field)}: ` : '';
  const mark = error.severity === 'warning' ? `${translator(language)('cli.warningMark')}: ` : '';
  return `${where}: ${field}${mark}${problemMessage(error, language)}`;
}

/** Sorted by file, then line, so the output reads like the files; the same problem once per line. */
export function sortErrors<P extends ContentProblem>(errors: P[]): P[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    // Two different links on one line are two problems; the same YAML problem twice is one.
    const key = `${e.file}|${e.line}|${e.field}|${e.code}|${e.code.startsWith('link') ? e.params?.found : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) => a.file.localeCompare(b.file, 'en') || (a.line ?? 0) - (b.line ?? 0) || (a.field ?? '').localeCompare(b.field ?? '', 'en'),
  );
}

/** `['tasks', 1, 'status']` → `tasks[2].status`: editors count entries from 1. */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part + 1}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Damerau-free Levenshtein distance, enough for "did you mean". */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The closest allowed value, if it is close enough to be a typo. */
export function closest(found: string, allowed: readonly string[]): string | undefined {
  const needle = found.toLowerCase().trim();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

/** Words editors write for a status, mapped to its key: "geschlossen" → unavailable. */
const statusWords: Record<string, string> = {
  geschlossen: 'unavailable',
  'nicht möglich': 'unavailable',
  'nicht verfügbar': 'unavailable',
  ausgefallen: 'unavailable',
  gestört: 'limited',
  eingeschränkt: 'limited',
  teilweise: 'limited',
  'nur annahme': 'deferred',
  verzögert: 'deferred',
  offen: 'normal',
  geöffnet: 'normal',
  'normal verfügbar': 'normal',
  ok: 'normal',
  closed: 'unavailable',
  down: 'unavailable',
  partial: 'limited',
  delayed: 'deferred',
  open: 'normal',
  available: 'normal',
  telefon: 'phone',
  tel: 'phone',
  'e-mail': 'email',
  mail: 'email',
  brief: 'post',
  postanschrift: 'post',
  persönlich: 'in-person',
  vorort: 'in-person',
  'vor ort': 'in-person',
  internet: 'web',
  website: 'web',
  webseite: 'web',
  portal: 'online',
  telefax: 'fax',
};

/** A suggestion for a wrong enum value: a typo of a key, or a German word for it. */
export function suggest(found: string, allowed: readonly string[]): string | undefined {
  const word = statusWords[found.toLowerCase().trim()];
  if (word && allowed.includes(word)) return word;
  return closest(found, allowed);
}

/** What an editor wrote, shortened for a message. */
export function describeFound(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value).slice(0, 60);
}

function typeWord(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

/** Examples for required fields, so the message says how to write it. */
const examples: Record<string, string> = {
  title: 'title: Bürgerbüro',
  name: 'name: Soest',
  kind: 'kind: Stadt',
  status: 'status: limited',
  updated: 'updated: 2023-11-03 14:17',
  summary: 'summary: Geschlossen, telefonisch erreichbar.',
  started: 'started: 2023-10-30',
  operator: 'operator: Kreis Soest',
  channel: 'channel: phone',
  at: 'at: 2023-11-03 14:17',
  text: 'text: Das Bürgerbüro öffnet wieder.',
  url: 'url: https://www.example.de',
  footer: 'footer: true',
  role: 'role: impressum',
  example: 'example: true',
  order: 'order: 10',
  staleAfterHours: 'staleAfterHours: 48',
  offline: 'offline: false',
};

interface Located {
  file: string;
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  /** The value an editor wrote at a path (before defaults). */
  valueAt: (path: readonly PropertyKey[]) => unknown;
}

/** One zod issue → one or more content errors (one per unknown key). */
export function issueToErrors(issue: z.core.$ZodIssue, where: Located, allowedKeys: (path: readonly PropertyKey[]) => string[]): ContentError[] {
  const path = issue.path;
  const base = { file: where.file, line: where.lineOf(path), field: fieldName(path) };
  const found = where.valueAt(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(path);
      return issue.keys.map((key) => {
        const suggestion = closest(key, allowed);
        return {
          file: where.file,
          line: where.lineOf([...path, key]) ?? base.line,
          field: fieldName([...path, key]),
          code: 'unknownField' as const,
          params: { allowed: allowed.join(', ') },
          ...(suggestion ? { hint: { code: 'didYouMean' as const, params: { suggestion } } } : {}),
        };
      });
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      // Zod reports a missing enum field (`status:` left out or empty) as a wrong value.
      if (found === undefined || found === null) {
        const example = examples[String(path[path.length - 1] ?? '')];
        return [{ ...base, code: 'required', ...(example ? { hint: { code: 'example', params: { example } } } : {}) }];
      }
      const suggestion = typeof found === 'string' ? suggest(found, allowed) : undefined;
      return [
        {
          ...base,
          code: 'enum',
          params: { found: describeFound(found), allowed: allowed.join(', ') },
          ...(suggestion ? { hint: { code: 'didYouMean', params: { suggestion } } } : {}),
        },
      ];
    }
    case 'invalid_type': {
      if (found === undefined || found === null) {
        const key = String(path[path.length - 1] ?? '');
        const example = examples[key];
        return [{ ...base, code: 'required', ...(example ? { hint: { code: 'example', params: { example } } } : {}) }];
      }
      const example = examples[String(path[path.length - 1] ?? '')];
      const hint =
        typeof found === 'string' || typeof found === 'number'
          ? example && issue.expected !== 'string'
            ? { hint: { code: 'example' as const, params: { example } } }
            : {}
          : { hint: { code: 'quote' as const } };
      return [
        {
          ...base,
          code: 'type',
          params: { found: describeFound(found), foundType: typeWord(found), expected: String(issue.expected) },
          ...hint,
        },
      ];
    }
    case 'too_small':
      // The only list with a minimum length: a `vocabulary:` group of one word.
      if (issue.origin === 'array') {
        const words = Array.isArray(found) ? found.map(String).join(', ') : describeFound(found);
        return [{ ...base, code: 'vocabularyGroup', params: { found: words }, hint: { code: 'example', params: { example: '- [Trauung, Eheschließung]' } } }];
      }
      if (typeof found === 'string') return [{ ...base, code: 'empty' }];
      // `positive()` is "more than 0": for the whole numbers of the format, at least 1.
      return [{ ...base, code: 'tooSmall', params: { found: describeFound(found), minimum: String(Number(issue.minimum) + (issue.inclusive ? 0 : 1)) } }];
    case 'invalid_format':
      if ('pattern' in issue && issue.pattern === String(timeInputPattern)) {
        return [{ ...base, code: 'time', params: { found: describeFound(found) } }];
      }
      return [{ ...base, code: 'type', params: { found: describeFound(found), foundType: typeWord(found), expected: 'string' } }];
    case 'invalid_union':
      return [
        {
          ...base,
          code: 'type',
          params: { found: describeFound(found), foundType: typeWord(found), expected: 'string' },
          hint: { code: 'quote' },
        },
      ];
    case 'custom': {
      // A refinement in the schema names its own message (`params: { code: 'editorRepo' }`).
      const code = (issue.params as { code?: ErrorCode } | undefined)?.code;
      if (code) return [{ ...base, code, params: { found: describeFound(found) } }];
      return [{ ...base, code: 'type', params: { found: describeFound(found), foundType: typeWord(found), expected: issue.message } }];
    }
    default:
      return [{ ...base, code: 'type', params: { found: describeFound(found), foundType: typeWord(found), expected: issue.message } }];
  }
}
