/**
 * The example site (content/, German) with its interface in another language: a copy of the
 * content folder in a temporary folder with `language:` in site.yaml changed, as an operator
 * would set up a second site (docs/languages.md).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '../../src/i18n/index.ts';
import { root, tempDir } from './build.ts';

/** `contentLanguage` is written into site.yaml when given (English: the content stays German). */
export function exampleContentIn(language: Language, contentLanguage?: Language): string {
  const content = path.join(tempDir(`aushang-${language}-`), 'content');
  cpSync(path.join(root, 'content'), content, { recursive: true });
  const siteYaml = path.join(content, 'site.yaml');
  const settings = readFileSync(siteYaml, 'utf8');
  if (!/^language: de$/m.test(settings)) throw new Error('content/site.yaml no longer says "language: de"');
  writeFileSync(siteYaml, settings.replace(/^language: de$/m, `language: ${language}${contentLanguage ? `\ncontentLanguage: ${contentLanguage}` : ''}`));
  return content;
}
