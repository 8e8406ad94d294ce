/**
 * Sveltia's German interface has no English words left (issue 18: "Show Errors"): the words its
 * de.json lacks come from src/editor/sveltia-de.ts. After an update of Sveltia, this test names
 * every word still missing. Messages about a wrong configuration (`config.*`) are for developers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sveltiaGerman, withGermanAdditions } from '../../../src/editor/sveltia-de.ts';

type Tree = { [key: string]: string | Tree };
const locales = path.resolve(import.meta.dirname, '../../../node_modules/@sveltia/cms/locales');
const english = JSON.parse(readFileSync(path.join(locales, 'en-US.json'), 'utf8')) as Tree;
const german = JSON.parse(readFileSync(path.join(locales, 'de.json'), 'utf8')) as Tree;
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));

describe('Sveltia in German', () => {
  test('every word of the interface is German', () => {
    const merged = new Set(keys(withGermanAdditions(german)));
    expect(keys(english).filter((key) => !key.startsWith('config.') && !merged.has(key))).toEqual([]);
    expect(withGermanAdditions(german).show_errors).toBe('Fehler anzeigen');
  });

  test('adds only what is missing: Sveltia’s own German words stay', () => {
    const existing = new Set(keys(german));
    const replaced = Object.keys(sveltiaGerman).filter((key) => existing.has(key));
    expect(replaced).toEqual([]);
    expect(withGermanAdditions({ show_errors: 'Fehler zeigen' }).show_errors).toBe('Fehler zeigen');
    expect(withGermanAdditions({ status: 'Status' }, { 'status.deploying': 'x' })).toEqual({ status: 'Status' });
  });
});
