/**
 * The content contract (version 1; the editors' guide is docs/content-format.md) as zod schemas: the one place that knows
 * the shape of valid content. `npm run check` and the build both validate with these.
 * Rules that need more than one field or file (times in the site's time zone, phone numbers for
 * the site's country, references between files) live in `rules.ts`, next to this file.
 */
import { z } from 'zod';
import { statusKeys } from '../core/status.ts';
import { timeInputPattern } from '../core/time.ts';

/**
 * zod without its generated parsers: by default it compiles a parser of its own for every object
 * schema (`new Function`) on first use, which pays only for schemas run many times in a warm
 * process. A check runs each schema a few thousand times, once, cold: without them the
 * district's check is ≈ 6 % faster (docs/performance.md, issue 21, session 10), with the same
 * errors (zod's other way through is the one its generated parsers stand in for).
 */
z.config({ jitless: true });

/** The status vocabulary of services, tasks and towns. */
export { statusKeys, type StatusKey } from '../core/status.ts';

/** Channels (ways to reach someone) have no "deferred". */
export const channelStatusKeys = ['normal', 'limited', 'unavailable'] as const;
export type ChannelStatusKey = (typeof channelStatusKeys)[number];

export const channelKinds = ['phone', 'fax', 'email', 'post', 'in-person', 'online', 'web'] as const;
export type ChannelKind = (typeof channelKinds)[number];

/** 1.1: what a plain page is for. */
export const pageRoles = ['impressum', 'datenschutz', 'barrierefreiheit', 'leichte-sprache', 'gebaerdensprache'] as const;
export type PageRole = (typeof pageRoles)[number];

/** Interface languages; the same list as `languages` in `src/i18n/index.ts` (a test compares them). */
export const languageKeys = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;

export { slugPattern } from '../core/slug.ts';

/** Top-level paths the site itself uses; towns and pages must not take them (`assets` and
 * `pagefind` hold the stylesheet, the search script and the search index; `admin` the web editor). */
export const reservedRoutes = ['api', 'suche', 'anliegen', 'stoerungen', 'aushang', 'feed.xml', '404', 'assets', 'pagefind', 'admin'] as const;
/** Service slugs that would collide with a town's own pages. */
export const reservedServiceSlugs = ['aushang', 'feed', 'index'] as const;

/** A non-empty text. YAML reads `title: 2023` or `incidents: [2023]` as a number: it is text as written. */
const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().min(1));

/** Whole numbers may arrive as text when YAML keeps a leading zero or sign ("010"). */
const wholeNumber = z.preprocess(
  (v) => (typeof v === 'string' && /^[+-]?\d+$/.test(v.trim()) ? Number(v) : v),
  z.number().int(),
);

/** A list that may be written as a single value: `incidents: sit-2023`. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined || Array.isArray(v) ? v : [v]), z.array(item));

const timeInput = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().regex(timeInputPattern));

/** Any value a phone number may be written as; YAML turns `115` into a number. */
const contactValue = z.union([text, z.number().transform(String)]);

export const channelSchema = z
  .object({
    /** How: phone, fax, email, post, in-person, online or web. */
    channel: z.enum(channelKinds),
    /** Whether this way works now. */
    status: z.enum(channelStatusKeys),
    /** The number, address, place or URL. */
    value: contactValue.optional(),
    /** One paragraph of inline Markdown. */
    note: text.optional(),
    /** Opening or calling hours, as plain text. */
    hours: text.optional(),
  })
  .strict();

export const updateSchema = z
  .object({
    /** When it happened. */
    at: timeInput,
    /** One paragraph of inline Markdown. */
    text,
  })
  .strict();

export const linkSchema = z
  .object({
    title: text,
    url: text,
  })
  .strict();

/**
 * 1.2: official keys, so that other systems can match notices to their own data. Digits only,
 * written as text or as a number (YAML keeps a leading zero as written, see model/read.ts).
 * `ars`: the Amtlicher Regionalschlüssel of a town, 12 digits (`059740040040`).
 * `leika`: a task's key in the federal service catalogue (Leistungskatalog), 14 digits.
 */
export const arsPattern = /^\d{12}$/;
export const leikaPattern = /^\d{14}$/;
const digitsText = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim());
const arsKey = digitsText.refine((v) => arsPattern.test(v), { params: { code: 'ars' } });
const leikaKey = digitsText.refine((v) => leikaPattern.test(v), { params: { code: 'leika' } });

/**
 * 1.2: a planned change of a service, a task or a town (`planned:`): from `from` to `until` the
 * item has `status` and `summary` (for a task: its note); before, it is announced as planned;
 * after, it is gone. A date alone for `until` counts until the end of that day. The rules
 * (order, overlap) are in `planned-rules.ts`, the time rule in `core/planned.ts`.
 */
export const plannedSchema = z
  .object({
    /** When it starts. */
    from: timeInput,
    /** When it ends: after `from`. */
    until: timeInput,
    /** The status while it lasts. */
    status: z.enum(statusKeys),
    /** One paragraph of inline Markdown: what happens and what to do instead. */
    summary: text,
  })
  .strict();

export const taskSchema = z
  .object({
    /** What a citizen comes for, e.g. "Personalausweis beantragen". */
    title: text,
    status: z.enum(statusKeys),
    /** How, or what to bring; inline Markdown. */
    note: text.optional(),
    /** 1.2: the task's LeiKa key (14 digits). */
    leika: leikaKey.optional(),
    /** 1.2: planned changes. */
    planned: listOf(plannedSchema).default([]),
  })
  .strict();

/** 1.1: the Git hosts the web editor at /admin/ can save to. */
export const editorBackends = ['github', 'gitlab', 'gitea'] as const;
export type EditorBackend = (typeof editorBackends)[number];

/** An https address (of a Git host or a sign-in service), without a trailing slash. */
const httpsAddress = text.pipe(
  z
    .string()
    .refine((v) => /^https:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(v), { params: { code: 'editorUrl' } })
    .transform((v) => v.replace(/\/+$/, '')),
);

/** 1.1: `editor:` in site.yaml, the web editor at /admin/ (docs/web-editor.md). */
export const editorSchema = z
  .object({
    /** The Git host: github, gitlab or gitea (also Forgejo). */
    backend: z.enum(editorBackends),
    /** The content repository, `owner/name` (GitLab: `group/subgroup/name`). */
    repo: text.refine((v) => /^[\w.-]+(\/[\w.-]+)+$/.test(v), { params: { code: 'editorRepo' } }),
    /** The branch saves go to. */
    branch: text.default('main'),
    /** Saves open a pull request (merge request) instead of committing to the branch. */
    review: z.boolean().default(false),
    /** The Git host's address: required for gitea; for a self-hosted GitLab or GitHub Enterprise. */
    url: httpsAddress.optional(),
    /** The OAuth application's id (GitLab, Gitea/Forgejo); without it, sign-in with an access token only. */
    appId: text.optional(),
    /** GitHub: the address of the sign-in service (Sveltia CMS Authenticator); without it, access token only. */
    authUrl: httpsAddress.optional(),
    /** "Stand" (`updated`) is set to now (the site's local time) whenever the web editor saves a change. */
    stampUpdated: z.boolean().default(true),
  })
  .strict()
  .superRefine((editor, ctx) => {
    if (editor.backend === 'gitea' && editor.url === undefined) {
      ctx.addIssue({ code: 'custom', path: ['url'], input: undefined, params: { code: 'editorUrlRequired' } });
    }
    if (editor.backend === 'gitea' && editor.review) {
      // Sveltia opens pull requests on GitHub and GitLab only.
      ctx.addIssue({ code: 'custom', path: ['review'], input: true, params: { code: 'editorReview' } });
    }
  });
export type EditorSettings = z.infer<typeof editorSchema>;

/**
 * 1.1: a group of words for `vocabulary:`, at least two; `[Bürgerkoffer, Notfallmappe]`, or
 * written as one text with commas (`Bürgerkoffer, Notfallmappe`).
 */
const vocabularyGroup = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((w) => w.trim()) : v),
  z.array(z.union([text, z.number().transform(String)])).min(2),
);

/**
 * 1.2: a public address of the site (`url`, `mirrors`): https, a host, optionally a path; no
 * query, fragment or sign-in data. Normalised as a browser writes it, with a trailing slash:
 * `https://Notfall.Kreis-Soest.de` → `https://notfall.kreis-soest.de/`.
 */
const publicAddress = text.pipe(
  z
    .string()
    .refine(isPublicAddress, { params: { code: 'siteUrl' } })
    .transform(normalizePublicAddress),
);

/** Whether a text is a public https address: `https://host/` or `https://host/path/`. */
export function isPublicAddress(value: string): boolean {
  if (!/^https:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.hostname.endsWith('.');
  } catch {
    return false;
  }
}

/** `https://Notfall.Kreis-Soest.de/notfall` → `https://notfall.kreis-soest.de/notfall/`. */
export function normalizePublicAddress(value: string): string {
  const url = new URL(value);
  return `${url.origin}${url.pathname.replace(/\/*$/, '/')}`;
}

export const siteSchema = z
  .object({
    /** The site's name, shown in every page's header. */
    title: text,
    /** Who publishes the site. */
    operator: text,
    description: text.optional(),
    /** The interface language. */
    language: z.enum(languageKeys).default('de'),
    /** The language editors write the content in; by default `language` for de and en, else de. */
    contentLanguage: z.enum(languageKeys).optional(),
    /** IANA time zone in which editors write times. */
    timezone: text.default('Europe/Berlin'),
    /** Region for phone numbers written without country code. */
    country: text.default('DE'),
    /** After how many hours a notice is marked as possibly outdated. */
    staleAfterHours: wholeNumber.pipe(z.number().positive()).default(48),
    /** Shown on every page, e.g. a citizens' hotline. */
    contacts: listOf(channelSchema).default([]),
    /** 1.1: the web editor at /admin/; `false` or left out: no web editor. */
    editor: z.preprocess(
      (v) => (v === false ? undefined : v),
      z.custom<object | undefined>((v) => v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v)), { params: { code: 'editor' } }).pipe(editorSchema.optional()),
    ),
    /** 1.1: more groups of words that mean the same to citizens, added to the built-in vocabulary. */
    vocabulary: listOf(vocabularyGroup).default([]),
    /** 1.2: the public address (canonical links, feeds, QR codes); `SITE_URL` overrides it for one build. */
    url: publicAddress.optional(),
    /** 1.2: the same site on other hosts, named on every page and on the printed notice. */
    mirrors: listOf(publicAddress).default([]),
    /**
     * Offline after the first visit: a service worker (`sw.js`) keeps the pages a citizen opened
     * and shows them, marked as saved copies, when the network fails. `false`: no service worker,
     * and the build's `sw.js` removes one installed before.
     */
    offline: z.boolean().default(true),
  })
  .strict()
  .superRefine((site, ctx) => {
    // Each address once: a mirror is another address than the site's own and than the other mirrors.
    const seen = new Set(site.url ? [site.url] : []);
    site.mirrors.forEach((mirror, index) => {
      if (seen.has(mirror)) ctx.addIssue({ code: 'custom', path: ['mirrors', index], input: mirror, params: { code: 'mirrorTwice' } });
      seen.add(mirror);
    });
  });

export const townSchema = z
  .object({
    name: text,
    /** Stadt, Gemeinde, Kreis, or another word. */
    kind: text,
    /** Slug of the district this town belongs to. */
    parent: text.optional(),
    /** Slugs of the incidents that affect it. */
    incidents: listOf(text).default([]),
    updated: timeInput,
    /** Derived from its services when left out; required when it has none. */
    status: z.enum(statusKeys).optional(),
    summary: text,
    contacts: listOf(channelSchema).default([]),
    links: listOf(linkSchema).default([]),
    updates: listOf(updateSchema).default([]),
    /** Old site paths that must keep working. */
    aliases: listOf(text).default([]),
    /** 1.2: the Amtlicher Regionalschlüssel (12 digits). */
    ars: arsKey.optional(),
    /** 1.2: planned changes of the town itself. */
    planned: listOf(plannedSchema).default([]),
  })
  .strict();

export const serviceSchema = z
  .object({
    title: text,
    status: z.enum(statusKeys),
    updated: timeInput,
    summary: text,
    since: timeInput.optional(),
    expected: timeInput.optional(),
    incident: text.optional(),
    channels: listOf(channelSchema).default([]),
    tasks: listOf(taskSchema).default([]),
    /** More words to be found by; search does not split German compounds. */
    keywords: listOf(z.union([text, z.number().transform(String)])).default([]),
    updates: listOf(updateSchema).default([]),
    aliases: listOf(text).default([]),
    /** Position in lists; services without come after, by title. */
    order: wholeNumber.optional(),
    /** 1.2: planned changes. */
    planned: listOf(plannedSchema).default([]),
  })
  .strict();

export const incidentSchema = z
  .object({
    title: text,
    started: timeInput,
    resolved: timeInput.optional(),
    updated: timeInput,
    summary: text,
    updates: listOf(updateSchema).default([]),
  })
  .strict();

export const pageSchema = z
  .object({
    title: text,
    /** Linked from every page's footer. */
    footer: z.boolean().default(false),
    /** 1.1: what the page is for; the home page links `leichte-sprache` and `gebaerdensprache`. */
    role: z.enum(pageRoles).optional(),
    /** 1.1: a template still to be filled in; `check` warns while it is set. */
    example: z.boolean().default(false),
  })
  .strict();

export type SiteInput = z.infer<typeof siteSchema>;
export type TownInput = z.infer<typeof townSchema>;
export type ServiceInput = z.infer<typeof serviceSchema>;
export type IncidentInput = z.infer<typeof incidentSchema>;
export type PageInput = z.infer<typeof pageSchema>;
export type ChannelInput = z.infer<typeof channelSchema>;
export type TaskInput = z.infer<typeof taskSchema>;
export type UpdateInput = z.infer<typeof updateSchema>;
export type LinkInput = z.infer<typeof linkSchema>;
export type PlannedInput = z.infer<typeof plannedSchema>;

/** The allowed keys of each schema, for "did you mean" hints. */
export function keysOf(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape);
}
