/**
 * The YAML of every content file below a folder, for tests that compare YAML readers: the front
 * matter of each Markdown file (files without one are left out), all of each `.yaml` file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { splitFrontMatter } from '../../../src/model/parse.ts';

/** The YAML of one content file, or undefined for a Markdown file without front matter. */
export function yamlOf(file: string, text: string): string | undefined {
  if (!file.endsWith('.md')) return text;
  const split = splitFrontMatter(file, text.replace(/\r\n?/g, '\n'));
  return 'yamlText' in split ? split.yamlText : undefined;
}

/** The YAML of every `.md` and `.yaml` file below `dir`, in folder order. */
export function frontMatters(dir: string): string[] {
  const texts: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) texts.push(...frontMatters(full));
    else if (name.endsWith('.md') || name.endsWith('.yaml')) {
      const yaml = yamlOf(full, readFileSync(full, 'utf8'));
      if (yaml !== undefined) texts.push(yaml);
    }
  }
  return texts;
}
