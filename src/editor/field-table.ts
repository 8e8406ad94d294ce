/**
 * The table of field names in docs/web-editor.md ("Feld in der Datei" → "Im Web-Editor"),
 * made from the field texts, so the guide and the editor's forms cannot drift apart
 * (tests/unit/editor/docs.test.ts compares the guide with this).
 */
import type { EditorLanguage as Language } from '../i18n/index.ts';
import { fieldTexts } from './fields.ts';

const kinds: readonly { prefix: string; title: Record<Language, string> }[] = [
  { prefix: 'service', title: { de: 'Dienst (`towns/<ort>/<dienst>.md`)', en: 'Service (`towns/<town>/<service>.md`)' } },
  { prefix: 'town', title: { de: 'Ort (`towns/<ort>/index.md`)', en: 'Town (`towns/<town>/index.md`)' } },
  { prefix: 'channel', title: { de: 'Kontaktweg (in `channels` und `contacts`)', en: 'Way to get in touch (in `channels` and `contacts`)' } },
  { prefix: 'task', title: { de: 'Anliegen (in `tasks`)', en: 'Matter (in `tasks`)' } },
  { prefix: 'update', title: { de: 'Neuigkeit (in `updates`)', en: 'News item (in `updates`)' } },
  { prefix: 'link', title: { de: 'Link (in `links`)', en: 'Link (in `links`)' } },
  { prefix: 'planned', title: { de: 'Geplante Änderung (in `planned`)', en: 'Planned change (in `planned`)' } },
  { prefix: 'incident', title: { de: 'Störung (`incidents/<störung>.md`)', en: 'Incident (`incidents/<incident>.md`)' } },
  { prefix: 'page', title: { de: 'Seite (`pages/<seite>.md`)', en: 'Page (`pages/<page>.md`)' } },
];

const heading: Record<Language, string> = { de: '| Feld in der Datei | Im Web-Editor |', en: '| Field in the file | In the web editor |' };
const body: Record<Language, string> = { de: 'Text unter dem Kopfbereich', en: 'text below the front matter' };

export function fieldTable(language: Language): string {
  const texts = fieldTexts(language);
  const out: string[] = [];
  for (const { prefix, title } of kinds) {
    out.push(`**${title[language]}**`, '', heading[language], '| --- | --- |');
    for (const [key, { label }] of Object.entries(texts)) {
      if (!key.startsWith(`${prefix}.`)) continue;
      const name = key.slice(prefix.length + 1);
      out.push(`| ${name === 'body' ? `(${body[language]})` : `\`${name}\``} | ${label} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
