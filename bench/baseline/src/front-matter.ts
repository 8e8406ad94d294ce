/**
 * The bare baseline's whole content: a Markdown file's front matter as plain text, so that Astro
 * renders (and Pagefind indexes) the same information as an Aushang page carries — a notice's
 * tasks, channels, statuses and dates are in its front matter, not in its body. Generic: no field
 * is known by name; keys become labels, strings, numbers and dates text, lists lists.
 */

/** What the template renders: text, a list, or labelled fields (a definition list). */
export type Tree =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: Tree[] }
  | { kind: 'fields'; fields: { label: string; value: Tree }[] };

/** A front-matter value as a tree; undefined for what has nothing to show (null, empty lists and maps). */
export function frontMatterTree(value: unknown): Tree | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return { kind: 'text', text: dateText(value) };
  if (Array.isArray(value)) return listTree(value);
  if (typeof value === 'object') return fieldsTree(value as Record<string, unknown>);
  const text = String(value);
  return text === '' ? undefined : { kind: 'text', text };
}

function listTree(values: readonly unknown[]): Tree | undefined {
  const items = values.map(frontMatterTree).filter((item) => item !== undefined);
  return items.length === 0 ? undefined : { kind: 'list', items };
}

function fieldsTree(record: Record<string, unknown>): Tree | undefined {
  const fields = Object.entries(record).flatMap(([label, value]) => {
    const tree = frontMatterTree(value);
    return tree ? [{ label, value: tree }] : [];
  });
  return fields.length === 0 ? undefined : { kind: 'fields', fields };
}

/** A date as YAML wrote it: the day alone when it has no time, else day and time (UTC, the same on every machine). */
export function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** The texts of a tree in order (labels and values): what the page shows of the front matter. */
export function treeText(tree: Tree | undefined): string[] {
  if (!tree) return [];
  if (tree.kind === 'text') return [tree.text];
  if (tree.kind === 'list') return tree.items.flatMap(treeText);
  return tree.fields.flatMap((field) => [field.label, ...treeText(field.value)]);
}
