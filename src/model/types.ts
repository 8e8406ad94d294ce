/**
 * The site as pages, the API and feeds see it: validated content with times resolved, texts
 * rendered, references resolved and everything derived. Built once per build by `site.ts`.
 * Field types come from the schemas; only what is resolved or derived is declared here.
 */
import type { UrlSettings } from './urls.ts';
import type { ChannelInput, IncidentInput, LinkInput, PageInput, PlannedInput, ServiceInput, SiteInput, StatusKey, TaskInput, TownInput } from '../schema/index.ts';
import type { MarkdownText } from '../core/markdown.ts';
import type { TimeValue } from '../core/time.ts';
import type { Window } from '../core/planned.ts';

export interface Channel extends Omit<ChannelInput, 'note'> {
  note?: MarkdownText;
  /**
   * `tel:`, `mailto:`, the https URL, or a site path without the base (`/soest/buergerbuero/`,
   * `urls.href` adds it); none for fax, post and in-person.
   */
  href?: string;
  /** A postal address split into its lines. */
  lines?: string[];
}

export interface Update {
  /** Anchor on its page, unique there: `neu-20231103-1417`; feeds link to it. */
  id: string;
  at: TimeValue;
  text: MarkdownText;
}

/**
 * 1.2: a planned change, resolved: its window in instants (`start` inclusive, `end` exclusive; a
 * date alone for `until` ends with that day) and its summary rendered (`model/planned-state.ts`).
 */
export interface Planned extends Omit<PlannedInput, 'from' | 'until' | 'summary'> {
  from: TimeValue;
  until: TimeValue;
  start: number;
  end: number;
  summary: MarkdownText;
}

export interface Task extends Omit<TaskInput, 'title' | 'note' | 'planned'> {
  /** Anchor on the service page, unique there. */
  id: string;
  title: MarkdownText;
  /** The title without Markdown. */
  titleText: string;
  note?: MarkdownText;
  /** 1.2: planned changes, by start. */
  planned: Planned[];
  /** 1.2: status and note as written; `status` and `note` above hold those at the build time. */
  written: { status: StatusKey; note?: MarkdownText };
}

export interface Service
  extends Omit<ServiceInput, 'updated' | 'since' | 'expected' | 'summary' | 'channels' | 'tasks' | 'updates' | 'aliases' | 'planned'> {
  slug: string;
  town: string;
  file: string;
  updated: TimeValue;
  since?: TimeValue;
  expected?: TimeValue;
  summary: MarkdownText;
  channels: Channel[];
  tasks: Task[];
  /** Newest first. */
  updates: Update[];
  aliases: string[];
  body: MarkdownText;
  /** "Stand": the latest of `updated` and the updates. */
  lastChange: TimeValue;
  /** Site path of its page, without the base path (`routes.ts`). */
  path: string;
  /** 1.2: planned changes, by start. */
  planned: Planned[];
  /** 1.2: status and summary as written; `status` and `summary` above hold those at the build time. */
  written: { status: StatusKey; summary: MarkdownText };
}

export interface Town extends Omit<TownInput, 'updated' | 'status' | 'summary' | 'contacts' | 'links' | 'updates' | 'aliases' | 'planned'> {
  slug: string;
  file: string;
  updated: TimeValue;
  status: StatusKey;
  /** True when the status comes from the services, not from the editor. */
  statusDerived: boolean;
  summary: MarkdownText;
  contacts: Channel[];
  /** `url` as written: a web address or a site path (`urls.href` adds the base path). */
  links: LinkInput[];
  /** Newest first. */
  updates: Update[];
  aliases: string[];
  body: MarkdownText;
  /** In list order: `order`, then title. */
  services: Service[];
  /** Slugs of the towns whose parent this is. */
  children: string[];
  /** Every incident affecting the town: named by it or by one of its services. */
  affectedBy: string[];
  /** "Stand": the latest `updated` or update of the town and its services. */
  lastChange: TimeValue;
  /** Site path of its page, without the base path (`routes.ts`). */
  path: string;
  /** 1.2: planned changes of the town itself, by start. */
  planned: Planned[];
  /** 1.2: status (none: derived from the services) and summary as written; `status` and `summary` above hold those at the build time. */
  written: { status?: StatusKey; summary: MarkdownText };
}

export interface Incident extends Omit<IncidentInput, 'started' | 'resolved' | 'updated' | 'summary' | 'updates'> {
  slug: string;
  file: string;
  started: TimeValue;
  resolved?: TimeValue;
  updated: TimeValue;
  summary: MarkdownText;
  updates: Update[];
  body: MarkdownText;
  /** Slugs of the towns it affects. */
  towns: string[];
  /** Site path of its page, without the base path (`routes.ts`). */
  path: string;
}

export interface Page extends PageInput {
  slug: string;
  file: string;
  body: MarkdownText;
  /** Site path of its page, without the base path (`routes.ts`). */
  path: string;
}

export interface Settings extends Omit<SiteInput, 'contacts' | 'contentLanguage'> {
  contacts: Channel[];
  locale: string;
  /** The language of the content (site.yaml's `contentLanguage`, or its default). */
  contentLanguage: SiteInput['language'];
}

/** One line of the A–Z index. */
export interface IndexEntry {
  kind: 'task' | 'service';
  /** Plain text, as sorted and shown. */
  label: string;
  /** The initial under which it is listed: A–Z, or `#` for digits and others. */
  letter: string;
  status: StatusKey;
  town: string;
  townName: string;
  service: string;
  serviceTitle: string;
  note?: MarkdownText;
  /** Site path of the service page, with the task's anchor for a task. */
  path: string;
  /** 1.2: the status from the build time on, only when planned changes change it (`plannedStatuses`). */
  statuses?: (Window & { value: StatusKey })[];
}

/** A path that must keep working, and where it leads now (both site paths, without the base path). */
export interface Redirect {
  from: string;
  to: string;
  title: string;
}

export interface Site {
  settings: Settings;
  /** Sorted by name. */
  towns: Town[];
  town(slug: string): Town | undefined;
  /** Newest `started` first. */
  incidents: Incident[];
  incident(slug: string): Incident | undefined;
  pages: Page[];
  index: IndexEntry[];
  redirects: Redirect[];
  /** When the site was built (`SOURCE_DATE_EPOCH` if set), for "possibly outdated". */
  builtAt: number;
  /** The base path and public address this build uses: `SITE_URL`/`BASE_PATH`, else site.yaml's `url`. */
  address: UrlSettings;
}
