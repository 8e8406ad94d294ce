/**
 * Where a value sits in a file: field names and list indexes counted from 0, as zod reports an
 * issue's path (`['tasks', 1, 'status']`). The reader, the rules, the warnings and the editing
 * commands all name fields this way; `fieldName` shows one to editors. Here, not in
 * src/schema/errors.ts, so that the YAML workers (src/model/yaml-pool.ts) load no messages.
 */
export type FieldPath = readonly PropertyKey[];

/** `['tasks', 1, 'status']` → `tasks[2].status`: editors count entries from 1. */
export function fieldName(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part + 1}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
