/**
 * The web editor's script, only on `/admin/`: Sveltia CMS bundled by the build (its prebuilt
 * file would load translations and fonts from CDNs), started with the configuration the page
 * carries (generated from the schema by `src/editor/config.ts`), and what the clerk needs on the
 * day besides (settings from `src/editor/page-settings.ts`):
 * - the interface in the site's editor language, whatever the browser's (admin-language.ts);
 * - dates and times shown in that language (`aushang-time`, src/editor/time-field.ts);
 * - "Stand" set to now whenever a change is saved (`editor.stampUpdated`);
 * - a question before an item is removed from a list, and before "Bearbeitung abbrechen" (or
 *   Escape) leaves an entry with unsaved changes;
 * - a message in the editor's language when the Git host cannot be reached;
 * - "Ist es online?": whether the last save is published, or check's errors that held it back
 *   (the published site's `aushang-build.json`, src/hosting/build-info.ts).
 */
// First: the language, before Sveltia reads its preferences.
import './admin-language.ts';
import CMS from '@sveltia/cms';
import type { AdminSettings, EditorWord } from '../editor/page-settings.ts';
import { displayTime, localNow, parseTime, TIME_WIDGET } from '../editor/time-field.ts';
import { blobId } from '../editor/blob-id.ts';

/** The part of Immutable's Map the hooks use. */
interface EntryMap {
  get(key: string): unknown;
  setIn(path: string[], value: unknown): EntryMap;
}

type Props = Record<string, unknown> & { value?: unknown; onChange(value: unknown): void; forID: string; classNameWrapper: string };
type ReactNode = unknown;
type ReactGlobals = {
  h(type: string, props: Record<string, unknown> | null, ...children: ReactNode[]): ReactNode;
  createClass(spec: Record<string, unknown>): unknown;
};

const fill = (template: string, params: Record<string, string | number> = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/**
 * A failed request to the Git host shows the browser's words ("Failed to fetch"); requests to it
 * fail with the editor's sentence instead, which Sveltia shows where it showed those words.
 */
function sayWhenGitHostUnreachable(settings: AdminSettings, say: (word: EditorWord, params?: Record<string, string>) => string): void {
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    try {
      return await original(input, init);
    } catch (error) {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const origin = URL.canParse(url) ? new URL(url).origin : '';
      if (error instanceof TypeError && settings.gitHost.origins.includes(origin)) {
        throw new TypeError(say('editor.hostUnreachable', { host: new URL(origin).host }), { cause: error });
      }
      throw error;
    }
  };
}

/** Removing an item from a list (×) asks first; Sveltia has no such option. */
function confirmRemovals(say: (word: EditorWord) => string, removeLabel: () => string): void {
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest?.('button');
      if (!button || button.getAttribute('aria-label') !== removeLabel()) return;
      // Only the × of a list item (its header also holds the item's summary), not other "remove" buttons.
      if (!button.closest('.item-header, [role="listitem"], .item')) return;
      if (!window.confirm(say('editor.removeConfirm'))) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true,
  );
}

/**
 * Sveltia enables its save button (the one with the shortcut Ctrl+S / ⌘S) exactly while the entry
 * has unsaved changes or is new; that is the one sign of unsaved changes the page can read.
 */
function hasUnsavedChanges(near: Element): boolean {
  const toolbar = near.closest('[role="toolbar"]') ?? document;
  const save = toolbar.querySelector<HTMLButtonElement>('button[aria-keyshortcuts$="+S"]');
  return save !== null && !save.disabled;
}

/**
 * "Bearbeitung abbrechen" (the arrow at the top left, and Escape, which clicks it) leaves the entry
 * without asking in Sveltia; with unsaved changes it asks first.
 */
function confirmCancelEditing(say: (word: EditorWord) => string, cancelLabel: () => string): void {
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest?.('button');
      if (!button || button.getAttribute('aria-label') !== cancelLabel() || !hasUnsavedChanges(button)) return;
      if (!window.confirm(say('editor.leaveConfirm'))) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true,
  );
}

/** The date and time field: a text box in the editor's language and a "now" button. */
function registerTimeField(settings: AdminSettings, nowLabel: () => string): void {
  const { h, createClass } = window as unknown as ReactGlobals;
  const preview = (props: { value?: unknown }) => h('p', null, displayTime(props.value, settings.language));
  const control = createClass({
    getInitialState: () => ({ typing: null as string | null }),
    render(this: { props: Props; state: { typing: string | null }; setState(state: object): void }) {
      const { value, onChange, forID, classNameWrapper } = this.props;
      const shown = this.state.typing ?? displayTime(value, settings.language);
      return h(
        'div',
        { style: { display: 'flex', alignItems: 'center', gap: '8px' } },
        h('input', {
          type: 'text',
          id: forID,
          className: classNameWrapper,
          'aria-labelledby': `${forID}-label`,
          inputMode: 'numeric',
          autoComplete: 'off',
          spellCheck: false,
          placeholder: settings.language === 'de' ? 'TT.MM.JJJJ HH:MM' : 'YYYY-MM-DD HH:MM',
          value: shown,
          onChange: (event: { target: HTMLInputElement }) => {
            const typed = event.target.value;
            this.setState({ typing: typed });
            // Saved as the content format wants it; what cannot be read stays as typed, and the
            // field's rule (check's) refuses to save it with the message under the field.
            onChange(typed.trim() === '' ? '' : (parseTime(typed) ?? typed));
          },
          onBlur: () => this.setState({ typing: null }),
        }),
        h('button', { type: 'button', onClick: () => onChange(localNow(settings.timeZone)) }, nowLabel()),
      );
    },
  });
  CMS.registerFieldType(TIME_WIDGET, control as never, preview as never);
}

/**
 * The services' folder tree names each town's folder (`wickede-ruhr`); Sveltia has no label for a
 * folder without an entry of the collection, so the page writes the town's name in its place.
 */
function townNamesInTree(settings: AdminSettings): void {
  const rename = () => {
    for (const item of document.querySelectorAll('[role="treeitem"]')) {
      const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const name = settings.townNames[node.nodeValue?.trim() ?? ''];
        // Only the folder's own label, not a nested item's (those are treeitems of their own).
        if (name && node.parentElement?.closest('[role="treeitem"]') === item) node.nodeValue = name;
      }
    }
  };
  new MutationObserver(rename).observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** "Stand" of a changed town, service or incident becomes now, the site's local time, on save. */
function stampUpdatedOnSave(settings: AdminSettings): void {
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const map = entry as unknown as EntryMap;
      if (!settings.stamped.includes(String(map.get('collection')))) return;
      return map.setIn(['data', 'updated'], localNow(settings.timeZone)) as never;
    },
  });
}

// ---- "Ist es online?" ----------------------------------------------------------------------

interface BuildInfo {
  builtAt: string;
  commit: string | null;
  files: Record<string, string>;
  heldBack: { file: string; sha: string | null; errors: { line?: number; field?: string; message: string }[] }[];
}

/** The folder chosen for "work with local repository", when it was chosen in this page. */
let localRoot: FileSystemDirectoryHandle | undefined;
function rememberLocalRepository(): void {
  const picker = (window as unknown as { showDirectoryPicker?: (...args: unknown[]) => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker;
  if (!picker) return;
  Object.defineProperty(window, 'showDirectoryPicker', {
    configurable: true,
    value: async (...args: unknown[]) => (localRoot = await picker.apply(window, args)),
  });
}

async function localBlobId(path: string): Promise<string | undefined> {
  if (!localRoot) return undefined;
  const parts = path.split('/');
  let dir = localRoot;
  for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
  const file = await (await dir.getFileHandle(parts.at(-1)!)).getFile();
  return blobId(new Uint8Array(await file.arrayBuffer()));
}

/** The blob id of a file on the branch the editor saves to, asked from the Git host. */
async function hostedBlobId(settings: AdminSettings, path: string, token: string): Promise<string | undefined> {
  const { backend, repo, branch, api } = settings.gitHost;
  const ref = `ref=${encodeURIComponent(branch)}`;
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const [url, auth, field] =
    backend === 'gitlab'
      ? [`${api}/projects/${encodeURIComponent(repo)}/repository/files/${encodeURIComponent(path)}?${ref}`, `Bearer ${token}`, 'blob_id']
      : [`${api}/repos/${repo}/contents/${encoded}?${ref}`, `token ${token}`, 'sha'];
  const response = await fetch(url, { headers: { Authorization: auth }, cache: 'no-store' });
  if (!response.ok) return undefined;
  return (await response.json())[field];
}

async function savedBlobId(settings: AdminSettings, path: string): Promise<string | undefined> {
  try {
    const user = JSON.parse(localStorage.getItem('sveltia-cms.user') ?? '{}') ?? {};
    if (user.backendName === 'local') return await localBlobId(path);
    if (typeof user.token === 'string') return await hostedBlobId(settings, path, user.token);
  } catch {
    // Unknown: the panel then waits for the next look.
  }
  return undefined;
}

async function publishedBuild(settings: AdminSettings): Promise<BuildInfo | undefined> {
  try {
    const response = await fetch(settings.buildInfo, { cache: 'no-store' });
    return response.ok ? ((await response.json()) as BuildInfo) : undefined;
  } catch {
    return undefined;
  }
}

/** The panel that says what became of the last save, hidden until there is something to say. */
function livePanel(say: (word: EditorWord, params?: Record<string, string | number>) => string): HTMLElement {
  const panel = document.createElement('section');
  panel.id = 'aushang-live';
  panel.setAttribute('aria-label', say('editor.live.title'));
  panel.setAttribute('role', 'status');
  panel.hidden = true;
  const style = document.createElement('style');
  style.textContent = `#aushang-live{position:fixed;z-index:1000;left:16px;bottom:16px;max-width:34rem;padding:12px 16px;border-radius:8px;font:15px/1.45 system-ui,sans-serif;background:#fff;color:#1a1a1a;border:2px solid #555;box-shadow:0 2px 12px rgb(0 0 0/.25)}#aushang-live[data-state=published]{border-color:#1b7a36}#aushang-live[data-state=refused]{border-color:#b00020}#aushang-live h2{margin:0 0 4px;font-size:15px}#aushang-live p{margin:0}#aushang-live ul{margin:6px 0 0;padding-left:20px}#aushang-live button{margin-top:8px;font:inherit}`;
  document.head.append(style);
  document.body.append(panel);
  return panel;
}

/** Shows a state, a message and the held-back files' errors in the panel. */
function liveMessage(panel: HTMLElement, say: (word: EditorWord, params?: Record<string, string | number>) => string) {
  return (state: string, message: string, problems: BuildInfo['heldBack'] = []) => {
    panel.dataset.state = state;
    panel.replaceChildren();
    const heading = document.createElement('h2');
    heading.textContent = say('editor.live.title');
    const text = document.createElement('p');
    text.textContent = message;
    panel.append(heading, text);
    if (problems.length > 0) {
      const list = document.createElement('ul');
      for (const problem of problems) {
        for (const error of problem.errors) {
          const item = document.createElement('li');
          const where = [problem.file, error.line ? say('editor.live.line', { line: error.line }) : '', error.field ?? ''].filter(Boolean).join(', ');
          item.textContent = `${where}: ${error.message}`;
          list.append(item);
        }
      }
      panel.append(list);
    }
    panel.hidden = false;
  };
}

/** A small panel at the bottom of the editor: "Ist es online?". */
function watchPublication(settings: AdminSettings, say: (word: EditorWord, params?: Record<string, string | number>) => string): void {
  const panel = livePanel(say);

  const prefix = `${settings.contentFolder}/`;
  let last: { path: string; file: string; at: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const time = (iso: string) =>
    new Intl.DateTimeFormat(settings.language === 'de' ? 'de-DE' : 'en-GB', { timeZone: settings.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  const show = liveMessage(panel, say);

  const look = async () => {
    clearTimeout(timer);
    const build = await publishedBuild(settings);
    if (!last) {
      // No save yet in this page: only what the published site held back.
      if (build && build.heldBack.length > 0) show('refused', say('editor.live.others'), build.heldBack);
      return;
    }
    if (!build) {
      show('unknown', say('editor.live.unknown'));
      return;
    }
    const saved = await savedBlobId(settings, last.path);
    const refused = build.heldBack.find((held) => held.file === last!.file);
    if (saved !== undefined && build.files[last.file] === saved) {
      const others = build.heldBack.filter((held) => held.file !== last!.file);
      show('published', say('editor.live.published', { file: last.file, time: time(build.builtAt) }), others);
      return;
    }
    if (saved !== undefined && refused?.sha === saved) {
      show('refused', say('editor.live.refused', { file: last.file }), [refused]);
      return;
    }
    const minutes = Math.floor((Date.now() - last.at) / 60000);
    show('pending', minutes >= 10 ? say('editor.live.slow', { minutes }) : say('editor.live.pending', { file: last.file }));
    timer = setTimeout(look, 15000);
  };

  CMS.registerEventListener({
    name: 'postSave',
    handler: ({ entry }) => {
      const path = String((entry as unknown as EntryMap).get('path') ?? '');
      if (!path.startsWith(prefix)) return;
      last = { path, file: path.slice(prefix.length), at: Date.now() };
      void look();
    },
  });
  void look();
}

const holder = document.getElementById('aushang-editor');
if (holder?.dataset.config && holder.dataset.settings) {
  const settings = JSON.parse(holder.dataset.settings) as AdminSettings;
  const say = (word: EditorWord, params?: Record<string, string | number>) => fill(settings.words[word], params);
  // Sveltia's own words for these buttons, in the interface language (de: "Jetzt", "Entfernen").
  const german = settings.language === 'de';
  sayWhenGitHostUnreachable(settings, say);
  confirmRemovals(say, () => (german ? 'Entfernen' : 'Remove'));
  confirmCancelEditing(say, () => (german ? 'Bearbeitung abbrechen' : 'Cancel Editing'));
  registerTimeField(settings, () => (german ? 'Jetzt' : 'Now'));
  if (settings.stampUpdated) stampUpdatedOnSave(settings);
  townNamesInTree(settings);
  rememberLocalRepository();
  watchPublication(settings, say);
  CMS.init({ config: JSON.parse(holder.dataset.config) });
}
