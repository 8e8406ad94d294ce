/**
 * Content format 1.2: what the reader refuses in a file's text before anything uses it. Control
 * characters in a field or the body, YAML aliases that point at themselves or at nothing, tags
 * other than YAML's own, and the key `__proto__`. Each rule is a function that returns located
 * problems; none of them throws, whatever the text.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { ContentError } from '../schema/errors.ts';
import { fieldName } from '../core/field-path.ts';

/**
 * C0 control characters except tab, line feed and carriage return; and DEL (content format
 * 1.2). With them the two characters that are no text at all (U+FFFE, U+FFFF) and halves of a surrogate
 * pair (only a YAML escape such as `"\uD800"` can write one): XML has no place for any of them,
 * so each would make the feeds unreadable.
 */
export const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const controlCharacterAlone = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

/**
 * Whether a text holds any character `controlCharacter` matches; the same answer, ≈ 2.5 × faster
 * on content (the lookbehind of the full pattern is tried at every position; a lone surrogate
 * half is what `isWellFormed` finds). Every file's text is tested; only a hit is searched in detail.
 */
export function hasControlCharacter(text: string): boolean {
  return controlCharacterAlone.test(text) || !text.isWellFormed();
}

/** `\u000b` → `U+000B`, how the messages name an invisible character. */
export function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first control character of a text as `U+000B`, or undefined. */
export function firstControlCharacter(text: string): string | undefined {
  const match = controlCharacter.exec(text);
  return match ? codePointName(match[0]) : undefined;
}

/** Where to report: the file and the 1-based line of an offset into the YAML text. */
export interface YamlPlace {
  file: string;
  yamlText: string;
  lines: LineCounter;
}

const lineAt = (place: YamlPlace, offset: number) => place.lines.linePos(offset).line;

/**
 * Each body line holding a control character, one error per line (`bodyLine` is the 1-based line
 * where the body starts).
 */
export function controlCharactersInBody(file: string, body: string, bodyLine: number): ContentError[] {
  if (!hasControlCharacter(body)) return [];
  const errors: ContentError[] = [];
  body.split('\n').forEach((line, i) => {
    const found = firstControlCharacter(line);
    if (found) errors.push({ file, line: bodyLine + i, code: 'controlCharacter', params: { found } });
  });
  return errors;
}

type Visit = (node: Node, field: PropertyKey[], ancestors: readonly Node[]) => void;

/** Every node of the document in order (keys before values), with its field path and ancestors. */
function walk(doc: Document, onNode: Visit): void {
  const visit = (node: unknown, field: PropertyKey[], ancestors: Node[]) => {
    if (!node || typeof node !== 'object') return;
    onNode(node as Node, field, ancestors);
    const inner = [...ancestors, node as Node];
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        const keyField = [...field, typeof key === 'string' || typeof key === 'number' ? key : '?'];
        visit(pair.key, keyField, inner);
        visit(pair.value, keyField, inner);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, [...field, i], inner));
    }
  };
  visit(doc.contents, [], []);
}

/** A field or key holding a control character (written raw or as an escape such as `"\v"`). */
export function controlCharactersInFields(doc: Document, place: YamlPlace): ContentError[] {
  // Most files hold neither such a character nor an escape that could write one.
  if (!hasControlCharacter(place.yamlText) && !place.yamlText.includes('\\')) return [];
  const errors: ContentError[] = [];
  walk(doc, (node, field) => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const found = firstControlCharacter(node.value);
    if (!found) return;
    // The line of the character itself when it is written raw, else where the value starts.
    const [start, end] = node.range ?? [0, 0];
    const raw = controlCharacter.exec(place.yamlText.slice(start, end));
    const line = lineAt(place, raw ? start + raw.index : start);
    errors.push({ file: place.file, line, field: fieldName(field) || undefined, code: 'controlCharacter', params: { found } });
  });
  return errors;
}

/**
 * Aliases (`*name`) must name an anchor (`&name`) written before them, and must not point at a
 * list or a set of fields they are part of: that value would contain itself without end.
 */
export function badAliases(doc: Document, place: YamlPlace): ContentError[] {
  if (!place.yamlText.includes('*')) return [];
  const errors: ContentError[] = [];
  const anchors = new Map<string, Node>();
  walk(doc, (node, field, ancestors) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const line = lineAt(place, node.range?.[0] ?? 0);
      const where = { file: place.file, line, field: fieldName(field) || undefined };
      if (!target) errors.push({ ...where, code: 'yamlAliasUnknown', params: { found: `*${node.source}` } });
      else if (ancestors.includes(target)) errors.push({ ...where, code: 'yamlAliasRecursive', params: { found: `*${node.source}` } });
      return;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
  });
  return errors;
}

/** The line of the first alias, where an expansion beyond the limit is reported. */
export function firstAliasLine(doc: Document, place: YamlPlace): number | undefined {
  let line: number | undefined;
  walk(doc, (node) => {
    if (line === undefined && isAlias(node)) line = lineAt(place, node.range?.[0] ?? 0);
  });
  return line;
}

/**
 * The key `__proto__`: JavaScript reads it as the object's prototype, so its fields would count
 * as the file's own (a required field "filled" by it). No field has that name.
 */
export function prototypeKeys(doc: Document, place: YamlPlace): ContentError[] {
  // Written plainly, or in quotes with an escape (`"__pro\x74o__"`).
  if (!place.yamlText.includes('__proto__') && !place.yamlText.includes('\\')) return [];
  const errors: ContentError[] = [];
  walk(doc, (node, field, ancestors) => {
    const parent = ancestors[ancestors.length - 1];
    if (!isScalar(node) || node.value !== '__proto__' || !isMap(parent)) return;
    if (!parent.items.some((pair) => pair.key === node)) return;
    errors.push({ file: place.file, line: lineAt(place, node.range?.[0] ?? 0), field: fieldName(field), code: 'yamlProtoKey', params: { found: '__proto__' } });
  });
  return errors;
}

/**
 * Tags other than YAML's core ones (`!!str`, `!!int`, …): `!!js/function`, `!foo`, `!!binary`
 * and the like are not content. The `yaml` package reports them as warnings when it cannot
 * resolve them (with `resolveKnownTags: false`, YAML 1.1's `!!binary` or `!!set` included).
 */
export function customTags(doc: Document, place: YamlPlace): ContentError[] {
  return doc.warnings
    .filter((warning) => warning.code === 'TAG_RESOLVE_FAILED')
    .map((warning) => {
      const tag = /Unresolved tag: (.*)/.exec(warning.message)?.[1]?.split('\n')[0] ?? '?';
      const found = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      return { file: place.file, line: lineAt(place, warning.pos[0]), code: 'yamlTag' as const, params: { found } };
    });
}
