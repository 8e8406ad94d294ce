/**
 * Where each key and list item of a file's YAML is written, by field path: what `lineOf`
 * answers (read.ts). Made by either way through the YAML (parse.ts from `yaml`'s nodes,
 * fast-yaml.ts from js-yaml's events), kept instead of the parsed document (large, and alive
 * until the end of a build).
 */

/**
 * `paths[i]` is a path written with `pathStep`, `lines[i]` the 1-based line of the key or item
 * it ends in (or of its parent, when the node has no position). `root` is the line of the whole
 * value; undefined when the YAML holds nothing.
 */
export interface LineTable {
  root: number | undefined;
  paths: string[];
  lines: number[];
}

/**
 * One step of a field path as part of a table key. The length prefix keeps any two paths apart
 * (a key may hold any character); a number and the same digits as text stay apart too, as in
 * the document (`1:` is a number key). undefined: no key or item of a document is that step.
 */
export function pathStep(part: PropertyKey): string | undefined {
  if (typeof part === 'string') return `s${part.length}:${part}`;
  if (typeof part === 'number' && !Number.isNaN(part)) return `n${part}:`;
  return undefined;
}
