/**
 * The fast way through a file's YAML (issue 21: `check` of a district in a second). The `yaml`
 * package (parse.ts) stays the reference: it gives the editors' error messages and keeps the
 * nodes the safety rules of content format 1.2 walk (yaml-safety.ts). But it builds a document
 * of nodes for every file, ≈ 0.25 ms a front matter; js-yaml 5 (which, like `yaml`, passes the
 * whole YAML test suite) reads the same text as a flat list of events ≈ 6 × faster.
 *
 * This module answers only for the plain files most front matter is: one block mapping with
 * simple keys, no anchor, alias or tag, no escape, tab or control character, no `__proto__`. For
 * anything else, and for any text js-yaml refuses, it answers `undefined` and parse.ts takes the
 * `yaml` path, which then reports the mistake as before. Both ways give the same data and the
 * same line table for every file this module accepts (tests/unit/content/fast-yaml.test.ts
 * compares them on the content of the tests and on mutated files).
 */
import { CHOMPING_MODE, constructFromEvents, CORE_SCHEMA, defineScalarTag, EVENT_ID, floatCoreTag, intCoreTag, NOT_RESOLVED, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import { hasControlCharacter } from './yaml-safety.ts';
import { pathStep, type LineTable } from './line-table.ts';
import { numberAsWritten } from './yaml-numbers.ts';

/** The core schema's numbers, kept as text where the number would change what was written (yaml-numbers.ts). */
function asWritten(core: typeof intCoreTag | typeof floatCoreTag) {
  return defineScalarTag(core.tagName, {
    implicit: true,
    implicitFirstChars: core.implicitFirstChars,
    resolve: (source, isExplicit, tagName) => {
      const value = core.resolve(source, isExplicit, tagName);
      return value === NOT_RESOLVED ? value : numberAsWritten(value as number, source);
    },
    identify: () => false,
  });
}

const schema = CORE_SCHEMA.withTags(asWritten(intCoreTag), asWritten(floatCoreTag));

/**
 * A key the fast way takes: written plainly, and text (not a number, `true`, `null`, `<<`) —
 * every field name of the content format is one. Others go the `yaml` way.
 */
const simpleKey = /^(?!(?:true|True|TRUE|false|False|FALSE|null|Null|NULL)$)[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** A line that starts or ends a document (`---`, `...`): the `yaml` way tells where a front matter holds more than one. */
const documentMarker = /^(?:---|\.\.\.)(?:[ \t\n]|$)/m;

/**
 * Texts only the `yaml` way reads: what the safety rules (yaml-safety.ts) look for could be in
 * them, document markers, or tabs (the two parsers differ on lines of tabs and spaces, and
 * `yaml` names a tab used to indent).
 */
function yamlWayOnly(yamlText: string): boolean {
  return (
    yamlText.includes('\\') ||
    yamlText.includes('\t') ||
    yamlText.includes('__proto__') ||
    hasControlCharacter(yamlText) ||
    documentMarker.test(yamlText)
  );
}

/** The 1-based line of an offset, from the offsets where lines start. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/**
 * Block texts whose last lines js-yaml and `yaml` read differently when they hold only spaces:
 * those that keep their final line breaks (`|+`) and those with their indentation written in
 * the header (`|2`, `>-1`; the header is the line before the text's first line). They go the
 * `yaml` way.
 */
function blockTextYamlWayOnly(text: string, event: ScalarEvent): boolean {
  if (event.chomping === CHOMPING_MODE.KEEP) return true;
  const header = text.slice(text.lastIndexOf('\n', event.valueStart - 2) + 1, event.valueStart);
  return /[|>](?:[1-9][-+]?|[-+][1-9])(?:[ \t]|$)/m.test(header);
}

type Frame = { kind: 'document' | 'mapping' | 'sequence'; path: string; items: number; key?: string };

/**
 * The line table parse.ts makes from `yaml`'s nodes, made from the events: the line of every
 * key and list item by its field path. undefined where the events hold what this way does not
 * take (see the module comment).
 */
function lineTableOf(events: readonly Event[], text: string): LineTable | undefined {
  const lineAt = lineFinder(text);
  const table: LineTable = { root: undefined, paths: [], lines: [] };
  const stack: Frame[] = [];
  let documents = 0;
  for (const event of events) {
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    if (event.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1 || event.directives.length > 0) return undefined;
      stack.push({ kind: 'document', path: '', items: 0 });
      continue;
    }
    if (event.type === EVENT_ID.ALIAS || event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
    const start = event.type === EVENT_ID.SCALAR ? event.valueStart : event.start;
    if (event.type === EVENT_ID.SCALAR && event.style >= SCALAR_STYLE.LITERAL_BLOCK && blockTextYamlWayOnly(text, event)) return undefined;
    const parent = stack.at(-1);
    if (!parent) return undefined;
    let path: string;
    if (parent.kind === 'document') {
      // The whole front matter: a mapping, or parse.ts's error that it is none.
      if (event.type !== EVENT_ID.MAPPING || parent.items++ > 0) return undefined;
      table.root = lineAt(start);
      path = '';
    } else if (parent.kind === 'mapping' && parent.key === undefined) {
      if (event.type !== EVENT_ID.SCALAR || event.style !== SCALAR_STYLE.PLAIN) return undefined;
      const key = text.slice(event.valueStart, event.valueEnd);
      if (!simpleKey.test(key)) return undefined;
      parent.key = parent.path + pathStep(key);
      table.paths.push(parent.key);
      table.lines.push(lineAt(start));
      continue;
    } else if (parent.kind === 'mapping') {
      path = parent.key!;
      parent.key = undefined;
    } else {
      // A list item starts where its value starts, which the events do not say of two kinds:
      // a block text (its value starts below its `|` or `>`) and an empty item (`-` alone).
      if (event.type === EVENT_ID.SCALAR && (event.valueStart === -1 || event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK)) return undefined;
      path = parent.path + pathStep(parent.items++);
      table.paths.push(path);
      table.lines.push(lineAt(start));
    }
    if (event.type === EVENT_ID.MAPPING) stack.push({ kind: 'mapping', path, items: 0 });
    else if (event.type === EVENT_ID.SEQUENCE) stack.push({ kind: 'sequence', path, items: 0 });
  }
  return table;
}

/**
 * The data and line table of a front matter, the fast way; undefined when the text must go the
 * `yaml` way (parse.ts), be it for a mistake or for what only that way checks.
 */
export function fastYaml(yamlText: string): { js: unknown; lines: LineTable } | undefined {
  if (yamlWayOnly(yamlText)) return undefined;
  try {
    const events = parseEvents(yamlText, {});
    const lines = lineTableOf(events, yamlText);
    if (!lines) return undefined;
    const documents = constructFromEvents(events, { source: yamlText, schema });
    return documents.length === 1 ? { js: documents[0], lines } : undefined;
  } catch {
    // A mistake in the YAML: the `yaml` way names it.
    return undefined;
  }
}
