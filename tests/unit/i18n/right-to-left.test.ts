/**
 * Right to left (Arabic) works because the styles name sides by their logical role only:
 * `margin-inline-start`, `padding-inline`, `inset-inline-start`, `border-inline-start`,
 * `text-align: start`, never `left` or `right`. This test reads every stylesheet and every
 * `<style>` block of the components and fails on a physical side.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const src = path.resolve(import.meta.dirname, '../../../src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The CSS of a file: a stylesheet whole, an Astro component's `<style>` blocks and `style=` attributes. */
function cssOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.css')) return text;
  const blocks = [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  const attributes = [...text.matchAll(/\bstyle=["{]([^"}]*)["}]/g)].map((m) => m[1]!);
  return [...blocks, ...attributes].join('\n');
}

/**
 * Declarations that name a physical side: `left:`, `margin-right:`, `border-left-width:`,
 * `padding-left:`, `float: left`, `clear: right`, `text-align: left`. Page-margin boxes of
 * `@page` (`@bottom-right`) are at-rules, not declarations, and are allowed.
 */
const physical =
  /(?:^|[;{\s])((?:margin|padding|border)-(?:left|right)(?:-\w+)*|left|right|(?:float|clear|text-align)\s*:\s*(?:left|right))\s*:?/gm;

function physicalSides(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(physical)].map((m) => m[1]!.replace(/\s+/g, ' '));
}

describe('styles use logical properties only', () => {
  const files = filesUnder(src).filter((f) => /\.(css|astro)$/.test(f));

  test('there are styles to check', () => {
    expect(files.some((f) => f.endsWith('site.css'))).toBe(true);
  });

  test.each(files.map((f) => path.relative(src, f)))('%s names no physical side', (file) => {
    expect(physicalSides(cssOf(path.join(src, file)))).toEqual([]);
  });

  test('the check finds each kind of physical side', () => {
    const css = `a { left: 0; margin-right: 1rem; border-left-width: 3pt; padding-left: 0; float: left; text-align: right; }
      @page { @bottom-right { content: counter(page); } }
      /* a comment about the right side */
      b { margin-inline-start: auto; inset-inline-start: 0; text-align: start; border-inline-start: 1px solid; }`;
    expect(physicalSides(css)).toEqual(['left', 'margin-right', 'border-left-width', 'padding-left', 'float: left', 'text-align: right']);
  });
});
