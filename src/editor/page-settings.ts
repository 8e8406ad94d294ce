/**
 * What the editor page's script needs besides Sveltia's configuration (src/scripts/admin.ts): the
 * editor's language and words, the site's time zone for "Stand", the Git host to ask which
 * version of a file is saved, and where the published site says what it was built from
 * (`aushang-build.json`, src/hosting/build-info.ts). Pure: built at build time, read in the browser.
 */
import type { EditorSettings } from '../schema/index.ts';
import { translator, type EditorLanguage, type MessageKey } from '../i18n/index.ts';
import { CONTENT_FOLDER } from './config.ts';

const words = [
  'editor.removeConfirm',
  'editor.leaveConfirm',
  'editor.hostUnreachable',
  'editor.live.title',
  'editor.live.published',
  'editor.live.pending',
  'editor.live.slow',
  'editor.live.refused',
  'editor.live.others',
  'editor.live.unknown',
  'editor.live.line',
] as const satisfies readonly MessageKey[];
export type EditorWord = (typeof words)[number];

export interface AdminSettings {
  language: EditorLanguage;
  /** The site's time zone (site.yaml `timezone`): "Stand" is its local time. */
  timeZone: string;
  /** Set "Stand" to now on every save (`editor.stampUpdated`, default on). */
  stampUpdated: boolean;
  /** Collections whose files have `updated`. */
  stamped: readonly string[];
  gitHost: { backend: EditorSettings['backend']; repo: string; branch: string; api: string; origins: readonly string[] };
  /** The folder of the content in the repository, without a trailing slash. */
  contentFolder: string;
  /** The address of `aushang-build.json` on this site. */
  buildInfo: string;
  /** Town folders by name: the services' folder tree shows names, not slugs. */
  townNames: Record<string, string>;
  words: Record<EditorWord, string>;
}

/** The Git host's REST API (GitHub, GitLab, Gitea/Forgejo), as Sveltia uses it. */
export function gitHostApi(editor: EditorSettings): string {
  switch (editor.backend) {
    case 'github':
      return editor.url ? `${editor.url}/api/v3` : 'https://api.github.com';
    case 'gitlab':
      return `${editor.url ?? 'https://gitlab.com'}/api/v4`;
    case 'gitea':
      return `${editor.url}/api/v1`;
  }
}

export function adminSettings(input: {
  editor: EditorSettings;
  language: EditorLanguage;
  timeZone: string;
  buildInfo: string;
  origins: readonly string[];
  towns: readonly { slug: string; name: string }[];
}): AdminSettings {
  const t = translator(input.language);
  return {
    language: input.language,
    timeZone: input.timeZone,
    stampUpdated: input.editor.stampUpdated,
    stamped: ['services', 'towns', 'incidents'],
    gitHost: { backend: input.editor.backend, repo: input.editor.repo, branch: input.editor.branch, api: gitHostApi(input.editor), origins: input.origins },
    contentFolder: CONTENT_FOLDER,
    buildInfo: input.buildInfo,
    townNames: Object.fromEntries(input.towns.map((town) => [town.slug, town.name])),
    // Kept with their `{placeholders}`: the script fills them in.
    words: Object.fromEntries(words.map((key) => [key, t(key)])) as Record<EditorWord, string>,
  };
}
