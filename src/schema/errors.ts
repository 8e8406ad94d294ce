/**
 * Editor mistakes as data, and their text. Every problem in content becomes a `ContentError`
 * naming file, line, field, what was found and what is allowed; the CLI and the build print
 * them with `formatContentError` in the site's language.
 */
import type { z } from 'zod';
import { translator, type Language, type Translate } from '../i18n/index.ts';
import { markdownBlocks } from '../core/markdown.ts';
import { timeInputPattern } from '../core/time.ts';
import { fieldName, type FieldPath } from '../core/field-path.ts';
import { compareEnglish } from '../core/order.ts';

/**
 * Every error code with the parameters its message is filled with: the one list of codes. Each
 * code has a message `error.<code>` in `src/i18n/de.ts` and `en.ts` whose placeholders are
 * exactly these names (a unit test holds them to it), and `ContentError` only takes a code with
 * these parameters (the type system holds the rules to it).
 */
export const errorParams = {
  required: [],
  empty: [],
  enum: ['found', 'allowed'],
  /** `foundType` is a `valueType`, `expected` a `valueType` or zod's words. */
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
  /** `found` is a `markdownBlock`. */
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
  /** `other` is the file that has the path, or `reserved`. */
  aliasCollision: ['found', 'other'],
  timezone: ['found'],
  country: ['found'],
  /** `detail` is a `yamlDetail`; `message` the parser's own words. */
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
  // 1.2: safe input.
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
  // 1.2: official keys.
  ars: ['found'],
  leika: ['found'],
  // 1.2: planned changes (`planned-rules.ts`); `other` is the entry's own `from`, or the other entry (`planned[1]`).
  plannedOrder: ['found', 'other'],
  plannedOverlap: ['found', 'other', 'otherStatus'],
} as const satisfies Record<string, readonly string[]>;

/** 1.1: what `check` warns about, with its parameters: published all the same, but an editor should look. */
export const warningParams = {
  stale: ['found', 'hours'],
  expectedPast: ['found'],
  noAlternative: ['found'],
  townStatusContradicts: ['found', 'services', 'count'],
  townSummaryNamesNormal: ['found', 'town'],
  taskUnderNormalService: ['found', 'task'],
  summaryKept: ['found', 'status'],
  examplePage: ['found'],
  channelNoValue: ['found'],
  plannedPast: ['found'],
  // 1.2: a closure planned for a service or task while the town's summary says everything works; `what` is the service or task, `from` the window's start.
  plannedUnderQuietTown: ['found', 'what', 'from', 'town'],
} as const satisfies Record<string, readonly string[]>;

/** What a message adds in brackets, with its parameters. */
export const hintParams = {
  didYouMean: ['suggestion'],
  example: ['example'],
  quote: [],
  yaml: [],
  saveUtf8: [],
  slugify: ['suggestion'],
  typo: [],
  https: [],
  basePath: ['base', 'suggestion'],
} as const satisfies Record<string, readonly string[]>;

export type ErrorCode = keyof typeof errorParams;
export type WarningCode = keyof typeof warningParams;
export type HintCode = keyof typeof hintParams;

/** The parameters of a message: every name it has, as text; none for a message without. */
type ParamsOf<Names extends readonly string[]> = Names extends readonly [] ? { params?: undefined } : { params: { [Name in Names[number]]: string } };

/** A hint, with the parameters of its code. */
export type Hint = { [C in HintCode]: { code: C } & ParamsOf<(typeof hintParams)[C]> }[HintCode];

/** Where a problem is and what would help; the same for errors and warnings. */
interface Place {
  /** Path relative to the project, with forward slashes. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The field as an editor sees it: `tasks[2].status` (entries counted from 1). */
  field?: string;
  hint?: Hint;
}

/** One editor mistake: its place, its code and the parameters of that code. */
export type ContentError = { [C in ErrorCode]: Place & { code: C; severity?: undefined } & ParamsOf<(typeof errorParams)[C]> }[ErrorCode];

/**
 * A warning has the shape of an error and is printed the same way, marked as a warning; the
 * build goes on. Kept apart by `severity`, so no rule can mistake one for the other.
 */
export type ContentWarning = { [C in WarningCode]: Place & { code: C; severity: 'warning' } & ParamsOf<(typeof warningParams)[C]> }[WarningCode];

export type ContentProblem = ContentError | ContentWarning;

/** The codes whose message takes the editor's value alone (`{found}`), as a refinement in the schema names them. */
export type FoundCode = { [C in ErrorCode]: (typeof errorParams)[C] extends readonly ['found'] ? C : never }[ErrorCode];

/** Words a parameter may name instead of editor text, each with a message of its own. */
export const valueTypes = ['list', 'mapping', 'string', 'number', 'boolean', 'nothing', 'array', 'object'] as const;
export type ValueType = (typeof valueTypes)[number];
/** What is wrong in a YAML front matter, beyond the parser's own words (`yaml.<detail>`). */
export const yamlDetails = ['duplicateKey', 'tab', 'indent', 'missingChar', 'colon', 'colonInValue', 'token', 'scalarStart', 'other'] as const;
export type YamlDetail = (typeof yamlDetails)[number];

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The parameters a warning of this code takes. */
export type WarningParams<C extends WarningCode> = Extract<ContentWarning, { code: C }>['params'];

/** A warning at a place; the code decides which parameters it takes. */
export function warningAt<C extends WarningCode>(place: Omit<Place, 'hint'> & { hint?: Hint }, code: C, params: WarningParams<C>): ContentWarning {
  // `params` is checked against `code` above; the union of all warnings cannot see that for a generic code.
  return { ...place, code, severity: 'warning', params } as ContentWarning;
}

/** What the editor wrote, when the problem's message names it (`{found}`). */
export function foundOf(problem: ContentProblem): string | undefined {
  return problem.params && 'found' in problem.params ? problem.params.found : undefined;
}

/**
 * Text an editor wrote, made visible on one line: a control character (1.2: an error of its own)
 * is shown as `<U+000B>`, a line break as `⏎`, so every problem stays one line of output.
 */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, (c) => (c === '\n' ? '⏎' : `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`));
}

/**
 * The parameters as the message shows them: what the editor wrote made visible, and the words
 * some parameters name (a value type, a YAML detail, a Markdown block, a reserved path) translated.
 */
function shownParams(error: ContentProblem, t: Translate): Record<string, string> {
  const params: Record<string, string> = Object.fromEntries(Object.entries(error.params ?? {}).map(([key, value]) => [key, visible(value)]));
  if (error.code === 'type') {
    if (isOneOf(valueTypes, error.params.foundType)) params.foundType = t(`valueType.${error.params.foundType}`);
    if (isOneOf(valueTypes, error.params.expected)) params.expected = t(`valueType.${error.params.expected}`);
  }
  if (error.code === 'yaml' && isOneOf(yamlDetails, error.params.detail)) params.detail = t(`yaml.${error.params.detail}`);
  if (error.code === 'aliasCollision' && error.params.other === 'reserved') params.other = t('alias.reserved');
  if (error.code === 'markdownBlock' && isOneOf(markdownBlocks, error.params.found)) params.found = t(`markdown.${error.params.found}`);
  return params;
}

/** The message alone, without place and field: `„geschlossen“ — erlaubt: … (meinten Sie …?)`. */
export function problemMessage(error: ContentProblem, language: Language): string {
  const t = translator(language);
  const params = shownParams(error, t);
  const message = error.severity === 'warning' ? t(`warning.${error.code}`, params) : t(`error.${error.code}`, params);
  const shownHint = error.hint?.params && Object.fromEntries(Object.entries(error.hint.params).map(([key, value]) => [key, visible(value)]));
  const hint = error.hint ? ` (${t(`hint.${error.hint.code}`, shownHint)})` : '';
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
    const key = `${e.file}|${e.line}|${e.field}|${e.code}|${e.code.startsWith('link') ? foundOf(e) : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) => compareEnglish(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareEnglish(a.field ?? '', b.field ?? ''),
  );
}

export { fieldName, type FieldPath } from '../core/field-path.ts';

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

function typeWord(value: unknown): ValueType {
  if (Array.isArray(value)) return 'list';
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'object') return 'mapping';
  const type = typeof value;
  return isOneOf(valueTypes, type) ? type : 'string';
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
  lineOf: (path: FieldPath) => number | undefined;
  /** The value an editor wrote at a path (before defaults). */
  valueAt: (path: FieldPath) => unknown;
}

type Base = Pick<ContentError, 'file' | 'line' | 'field'>;

/** One zod issue → one or more content errors (one per unknown key). */
export function issueToErrors(issue: z.core.$ZodIssue, where: Located, allowedKeys: (path: FieldPath) => string[]): ContentError[] {
  const path = issue.path;
  const base: Base = { file: where.file, line: where.lineOf(path), field: fieldName(path) };
  const found = where.valueAt(path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeys(issue, where, allowedKeys(path), base);
    case 'invalid_value':
      return [wrongValue(issue, found, base)];
    case 'invalid_type':
      return [wrongType(issue, found, base)];
    case 'too_small':
      return [tooSmall(issue, found, base)];
    case 'invalid_format':
      if ('pattern' in issue && issue.pattern === String(timeInputPattern)) {
        return [{ ...base, code: 'time', params: { found: describeFound(found) } }];
      }
      return [{ ...base, code: 'type', params: { found: describeFound(found), foundType: typeWord(found), expected: 'string' } }];
    case 'invalid_union':
      return [{ ...base, code: 'type', params: { found: describeFound(found), foundType: typeWord(found), expected: 'string' }, hint: { code: 'quote' } }];
    case 'custom': {
      // A refinement in the schema names its own message (`params: { code: 'editorRepo' }`).
      const code = (issue.params as { code?: FoundCode } | undefined)?.code;
      // Every such code takes `found` alone (`FoundCode`); the union of all errors cannot see that for a variable code.
      if (code) return [{ ...base, code, params: { found: describeFound(found) } } as ContentError];
      return [{ ...base, code: 'type', params: { found: describeFound(found), foundType: typeWord(found), expected: issue.message } }];
    }
    default:
      return [{ ...base, code: 'type', params: { found: describeFound(found), foundType: typeWord(found), expected: issue.message } }];
  }
}

/** A field the schema does not know, with the closest allowed one. */
function unknownKeys(issue: z.core.$ZodIssueUnrecognizedKeys, where: Located, allowed: string[], base: Base): ContentError[] {
  return issue.keys.map((key) => {
    const suggestion = closest(key, allowed);
    return {
      file: where.file,
      line: where.lineOf([...issue.path, key]) ?? base.line,
      field: fieldName([...issue.path, key]),
      code: 'unknownField' as const,
      params: { allowed: allowed.join(', ') },
      ...(suggestion ? { hint: { code: 'didYouMean' as const, params: { suggestion } } } : {}),
    };
  });
}

/** A required field left out, with an example of it when there is one. */
function required(path: FieldPath, base: Base): ContentError {
  const example = examples[String(path[path.length - 1] ?? '')];
  return { ...base, code: 'required', ...(example ? { hint: { code: 'example', params: { example } } } : {}) };
}

/** A value outside a list of choices. Zod reports a missing enum field (`status:` left out or empty) as one too. */
function wrongValue(issue: z.core.$ZodIssueInvalidValue, found: unknown, base: Base): ContentError {
  const allowed = issue.values.map(String);
  if (found === undefined || found === null) return required(issue.path, base);
  const suggestion = typeof found === 'string' ? suggest(found, allowed) : undefined;
  return {
    ...base,
    code: 'enum',
    params: { found: describeFound(found), allowed: allowed.join(', ') },
    ...(suggestion ? { hint: { code: 'didYouMean', params: { suggestion } } } : {}),
  };
}

/** A value of the wrong kind (a list where a text belongs, …), or a required field left out. */
function wrongType(issue: z.core.$ZodIssueInvalidType, found: unknown, base: Base): ContentError {
  if (found === undefined || found === null) return required(issue.path, base);
  const example = examples[String(issue.path[issue.path.length - 1] ?? '')];
  const hint =
    typeof found === 'string' || typeof found === 'number'
      ? example && issue.expected !== 'string'
        ? { hint: { code: 'example' as const, params: { example } } }
        : {}
      : { hint: { code: 'quote' as const } };
  return { ...base, code: 'type', params: { found: describeFound(found), foundType: typeWord(found), expected: String(issue.expected) }, ...hint };
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, found: unknown, base: Base): ContentError {
  // The only list with a minimum length: a `vocabulary:` group of one word.
  if (issue.origin === 'array') {
    const words = Array.isArray(found) ? found.map(String).join(', ') : describeFound(found);
    return { ...base, code: 'vocabularyGroup', params: { found: words }, hint: { code: 'example', params: { example: '- [Trauung, Eheschließung]' } } };
  }
  if (typeof found === 'string') return { ...base, code: 'empty' };
  // `positive()` is "more than 0": for the whole numbers of the format, at least 1.
  return { ...base, code: 'tooSmall', params: { found: describeFound(found), minimum: String(Number(issue.minimum) + (issue.inclusive ? 0 : 1)) } };
}
