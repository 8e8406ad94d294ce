/**
 * Validating one file's front matter with its schema, and the repair-and-retry that lets the
 * other rules still run on the rest when something failed: every mistake in one run.
 */
import type { z } from 'zod';
import type { SourceFile } from '../model/read.ts';
import { closest, fieldName, issueToErrors, type ContentError } from './errors.ts';
import { channelSchema, editorSchema, keysOf, linkSchema, plannedSchema, taskSchema, updateSchema } from './index.ts';

/** Nested schemas by field, so "did you mean" knows the keys allowed at any path. */
function allowedKeysFor(schema: z.ZodObject) {
  const nested: Record<string, z.ZodObject> = {
    channels: channelSchema,
    contacts: channelSchema,
    tasks: taskSchema,
    updates: updateSchema,
    links: linkSchema,
    editor: editorSchema,
    planned: plannedSchema,
  };
  return (path: readonly PropertyKey[]) => {
    // The innermost list names the entry's keys (`tasks[1].planned[1]` is a planned entry).
    const top = path.findLast((p) => typeof p === 'string' && p in nested) as string | undefined;
    return keysOf(path.length > 0 && top ? nested[top]! : schema);
  };
}

/** Stand-ins for required fields that failed, so the other rules still run on the rest. */
const placeholders: Record<string, unknown> = {
  title: 'x', name: 'x', kind: 'x', summary: 'x', operator: 'x', text: 'x',
  status: 'limited', channel: 'in-person', updated: '2000-01-01', started: '2000-01-01', at: '2000-01-01',
  url: 'https://example.org/',
};

/** Stand-ins for whole list entries of the wrong kind (a text where fields belong). */
const entryPlaceholders: Record<string, unknown> = {
  contacts: { channel: 'in-person', status: 'normal' },
  channels: { channel: 'in-person', status: 'normal' },
  tasks: { title: 'x', status: 'normal' },
  updates: { at: '2000-01-01', text: 'x' },
  links: { title: 'x', url: 'https://example.org/' },
  planned: { from: '2000-01-01', until: '2000-01-01', status: 'normal', summary: 'x' },
};

/** Repairs one object in place: stand-ins for failed required fields, optional ones dropped. */
function repairField(target: Record<string, unknown>, key: string): void {
  if (key in placeholders) target[key] = placeholders[key];
  else delete target[key];
}

/**
 * The data with what failed replaced by stand-ins (required fields) or removed (optional
 * fields), keeping every list entry where it was, so that the rules run again on the rest and
 * name entries and lines as the editor wrote them. Only ever used to find further errors.
 */
function withoutFailures(data: Record<string, unknown>, issues: readonly z.core.$ZodIssue[]): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const issue of issues) {
    const [key, index, field] = issue.path;
    if (issue.path.length === 0) {
      if (issue.code === 'unrecognized_keys') for (const k of issue.keys) delete copy[k];
      continue;
    }
    if (typeof key !== 'string') continue;
    const list = copy[key];
    if (typeof index !== 'number') {
      repairField(copy, key);
    } else if (!Array.isArray(list) || !(key in entryPlaceholders)) {
      // A text where a list belongs, or a list of plain values (incidents, keywords, aliases):
      // leave the whole field out rather than renumber what follows.
      delete copy[key];
    } else if (field === undefined || key === 'planned') {
      const entry = list[index];
      if (issue.code === 'unrecognized_keys' && entry && typeof entry === 'object') {
        for (const k of issue.keys) delete (entry as Record<string, unknown>)[k];
      } else {
        list[index] = structuredClone(entryPlaceholders[key]);
      }
    } else if (typeof field === 'string' && list[index] && typeof list[index] === 'object') {
      repairField(list[index] as Record<string, unknown>, field);
    }
  }
  return copy;
}

/**
 * Validates a file's front matter. On failure the errors are recorded and the file is checked
 * again without the failing parts, so the other rules can still report what else is wrong;
 * `valid` says whether the data is the editor's own.
 */
export function validateFile<S extends z.ZodObject>(schema: S, source: SourceFile, errors: ContentError[]): z.infer<S> | undefined {
  const keys = allowedKeysFor(schema);
  checkEmptyFields(source, keys, errors);
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) errors.push(...issueToErrors(issue, source, keys));
  const retry = schema.safeParse(withoutFailures(source.data, result.error.issues));
  return retry.success ? retry.data : undefined;
}

/** An empty field is left out before validation; one that does not exist is still a mistake. */
function checkEmptyFields(source: SourceFile, keys: (path: readonly PropertyKey[]) => string[], errors: ContentError[]): void {
  for (const path of source.emptyFields) {
    const key = String(path[path.length - 1]);
    const allowed = keys(path.slice(0, -1));
    if (allowed.includes(key)) continue;
    const suggestion = closest(key, allowed);
    errors.push({
      file: source.file,
      line: source.lineOf(path),
      field: fieldName(path),
      code: 'unknownField',
      params: { allowed: allowed.join(', ') },
      ...(suggestion ? { hint: { code: 'didYouMean' as const, params: { suggestion } } } : {}),
    });
  }
}
