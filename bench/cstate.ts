/**
 * cState (https://github.com/cstate/cstate, a Hugo status page) on the same district, for issue
 * 21's comparison "≥ 8 × faster than cState": `npm run bench` calls `measureCstate` when
 * `CSTATE_GIT` names a git directory of cState and Debian's `hugo` is installed. A comparison
 * only: never in tests or the site's pipeline.
 *
 * The district as cState content (its README, "How do I create issues?", and exampleSite/):
 * - systems (config.yml, `params.systems`): every service of every town, named "Town: Service",
 *   in one category per town;
 * - issues (content/issues/<town>-<service>.md, `section: issue`): every service's notice, its
 *   status as cState's severity (`severityOf`), its dates as cState's (`date` from `since` or
 *   `updated`; a normal service is resolved at `updated`), and its information as Markdown: the
 *   summary, the tasks with their status and note, the channels, the updates (cState's `track`
 *   shortcode) and the body.
 * The rest of config.yml is cState's own exampleSite/config.yml.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

export type Severity = 'down' | 'disrupted' | 'notice';

/** An Aushang status as cState's severity, and whether the issue is resolved (a normal service). */
export function severityOf(status: string): { severity: Severity; resolved: boolean } {
  if (status === 'unavailable') return { severity: 'down', resolved: false };
  if (status === 'limited' || status === 'deferred') return { severity: 'disrupted', resolved: false };
  return { severity: 'notice', resolved: true };
}

/** A notice's date or time ("2023-10-30", "2023-11-03 17:24") as cState writes its dates: "2023-11-03 17:24:00". */
export function cstateDate(value: unknown): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2})(:\d{2})?)?/.exec(String(value ?? ''));
  if (!match) return undefined;
  return `${match[1]} ${match[2] ?? '00:00'}${match[3] ?? ':00'}`;
}

interface Notice {
  data: Record<string, unknown>;
  body: string;
}

/** A Markdown file's front matter (YAML) and body. */
export function readNotice(file: string): Notice {
  const text = readFileSync(file, 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) return { data: {}, body: text };
  return { data: (parse(match[1]!) ?? {}) as Record<string, unknown>, body: match[2]! };
}

export interface CstateContent {
  categories: { name: string }[];
  systems: { name: string; category: string; description?: string }[];
  issues: { file: string; text: string }[];
}

/** The district's towns and services (content/towns/<town>/) as cState's categories, systems and issues. */
export function cstateContent(content: string): CstateContent {
  const out: CstateContent = { categories: [], systems: [], issues: [] };
  const townsDir = path.join(content, 'towns');
  for (const town of readdirSync(townsDir).sort()) {
    const townDir = path.join(townsDir, town);
    const townName = String(readNotice(path.join(townDir, 'index.md')).data.name ?? town);
    out.categories.push({ name: townName });
    for (const file of readdirSync(townDir).filter((f) => f.endsWith('.md') && f !== 'index.md').sort()) {
      const notice = readNotice(path.join(townDir, file));
      const system = `${townName}: ${String(notice.data.title ?? file.replace(/\.md$/, ''))}`;
      out.systems.push({ name: system, category: townName, ...(notice.data.summary ? { description: String(notice.data.summary) } : {}) });
      out.issues.push({ file: `${town}-${file}`, text: issueText(system, notice) });
    }
  }
  return out;
}

/** One cState issue (content/issues/*.md) for a service's notice. */
export function issueText(system: string, notice: Notice): string {
  const { data } = notice;
  const { severity, resolved } = severityOf(String(data.status ?? 'normal'));
  const updated = cstateDate(data.updated);
  const frontMatter = {
    title: system,
    date: cstateDate(data.since) ?? updated,
    resolved,
    ...(resolved && updated ? { resolvedWhen: updated } : {}),
    severity,
    affected: [system],
    section: 'issue',
  };
  return `---\n${stringify(frontMatter)}---\n\n${issueBody(notice).join('\n\n')}\n`;
}

const records = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);

function issueBody({ data, body }: Notice): string[] {
  const tasks = records(data.tasks).map((task) => `- **${String(task.title)}**: ${String(task.status)}${task.note ? ` — ${String(task.note)}` : ''}`);
  const channels = records(data.channels).map((c) => `- ${String(c.channel)}: ${[c.value, c.status, c.hours, c.note].filter(Boolean).map(String).join(' — ')}`);
  const updates = records(data.updates).map((u) => `*Update* - ${String(u.text)} {{< track "${cstateDate(u.at) ?? ''}" >}}`);
  return [data.summary ? String(data.summary) : '', tasks.join('\n'), channels.join('\n'), ...updates, body.trim()].filter(Boolean);
}

/** cState's example config.yml with the district's title, categories and systems. */
export function cstateConfig(example: Record<string, unknown>, content: CstateContent, title: string): Record<string, unknown> {
  const params = { ...((example.params ?? {}) as Record<string, unknown>), categories: content.categories, systems: content.systems, useLogo: false };
  // Hugo stops a template after 30 s by default; cState's yearly history of 2,160 issues takes longer.
  return { ...example, title, baseURL: 'https://example.com/', languageCode: 'de', defaultContentLanguage: 'de', enableGitInfo: false, timeout: '3600s', params };
}

/** Writes the district as a cState site (config.yml, content/issues/) into `site`; returns what it wrote. */
export function writeCstateSite(content: string, site: string, example: Record<string, unknown>): { systems: number; issues: number } {
  const made = cstateContent(content);
  const siteTitle = String((parse(readFileSync(path.join(content, 'site.yaml'), 'utf8')) as { title?: unknown } | null)?.title ?? 'Aushang');
  const issues = path.join(site, 'content', 'issues');
  mkdirSync(issues, { recursive: true });
  writeFileSync(path.join(site, 'config.yml'), stringify(cstateConfig(example, made, siteTitle)));
  for (const issue of made.issues) writeFileSync(path.join(issues, issue.file), issue.text);
  return { systems: made.systems.length, issues: made.issues.length };
}

/** Why cState cannot be built here (one line), or undefined when `CSTATE_GIT` and `hugo` are there. */
export function cstateMissing(git: string | undefined): string | undefined {
  if (!git) return 'cState: not built (set CSTATE_GIT to a git directory of cState to compare)';
  if (!existsSync(git) || spawnSync('git', ['--git-dir', git, 'rev-parse', '--verify', 'HEAD'], { stdio: 'ignore' }).status !== 0) return `cState: not built (CSTATE_GIT=${git} is not a git directory with a commit)`;
  if (spawnSync('hugo', ['version'], { stdio: 'ignore' }).status !== 0) return 'cState: not built (no hugo on PATH; Debian: apt-get install hugo)';
  return undefined;
}

/**
 * Prepares a cState build of the district in `work`: cState's HEAD checked out (git archive, the
 * git directory is not touched) as the theme `themes/cstate`, the site in `site/`. Returns the
 * Hugo command line to run and the commit.
 */
export function prepareCstate(git: string, content: string, work: string): { command: string; args: string[]; commit: string; systems: number; issues: number; output: string } {
  const theme = path.join(work, 'themes', 'cstate');
  mkdirSync(theme, { recursive: true });
  const archive = spawnSync('git', ['--git-dir', git, 'archive', 'HEAD'], { maxBuffer: 1024 ** 3 });
  if (archive.status !== 0) throw new Error(`git archive of ${git} failed: ${archive.stderr.toString()}`);
  const untar = spawnSync('tar', ['-x', '-C', theme], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr.toString()}`);
  const commit = spawnSync('git', ['--git-dir', git, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const example = parse(readFileSync(path.join(theme, 'exampleSite', 'config.yml'), 'utf8')) as Record<string, unknown>;
  const site = path.join(work, 'site');
  const written = writeCstateSite(content, site, example);
  const output = path.join(work, 'public');
  return { command: 'hugo', args: ['--source', site, '--themesDir', path.join(work, 'themes'), '--destination', output, '--quiet'], commit, output, ...written };
}

/** Hugo's version ("0.111.3"), or "?". */
export function hugoVersion(): string {
  return /v(\d+\.\d+\.\d+)/.exec(spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout ?? '')?.[1] ?? '?';
}
