/**
 * One content file → one entry of the model (incident, page, service, town): validated with its
 * schema (src/schema/validate.ts), its fields checked by the field rules (src/schema/rules.ts)
 * while they are converted (times resolved, Markdown rendered, channel links made). Rules between
 * files are not here: `loadSite` runs them (src/schema/cross-file.ts) once every entry is known.
 */
import { plainText, type createRenderer, type MarkdownText } from '../core/markdown.ts';
import type { TimeValue } from '../core/time.ts';
import type { StatusKey } from '../core/status.ts';
import { incidentSchema, pageSchema, type ChannelInput, type PlannedInput, type ServiceInput, type TownInput, type UpdateInput } from '../schema/index.ts';
import { fieldName } from '../schema/errors.ts';
import { checkAlias, checkChannel, checkMarkdown, checkTime, checkUrl, type RuleContext } from '../schema/rules.ts';
import { isSitePathUrl } from '../schema/links.ts';
import { checkTimeOrder, type AliasEntry } from '../schema/cross-file.ts';
import { validateFile } from '../schema/validate.ts';
import { resolvePlanned } from '../schema/planned-rules.ts';
import { slugify, type SourceFile } from './read.ts';
import { routes } from './routes.ts';
import { newestFirst, taskIds, updateIds } from './derive.ts';
import type { Channel, Incident, Page, Service, Task, Town, Update } from './types.ts';

type Renderer = ReturnType<typeof createRenderer>;

/** Reads entries with the rules' context and the renderer of the site's address. */
export class EntryReader {
  /** Valid aliases per file, with the entry they came from, for collision messages. */
  readonly aliasesByFile = new Map<string, AliasEntry[]>();

  readonly ctx: RuleContext;
  readonly render: Renderer;

  constructor(ctx: RuleContext, render: Renderer) {
    this.ctx = ctx;
    this.render = render;
  }

  channels(source: SourceFile, field: string, inputs: ChannelInput[]): Channel[] {
    return inputs.map((input, i) => {
      // A site path (an `online` or `web` page of this site) stays one: `urls.href` adds the base path.
      const href = checkChannel(this.ctx, source, [field, i], input);
      return {
        ...input,
        note: input.note === undefined ? undefined : this.render.inline(input.note),
        href,
        lines: input.channel === 'post' && input.value ? input.value.split('\n').map((l) => l.trim()).filter(Boolean) : undefined,
      };
    });
  }

  updates(source: SourceFile, inputs: UpdateInput[]): Update[] {
    const updates = inputs.flatMap((input, i) => {
      checkMarkdown(this.ctx, source, ['updates', i, 'text'], input.text, true);
      const time = checkTime(this.ctx, source, ['updates', i, 'at'], input.at, true);
      return time ? [{ id: '', at: time, text: this.render.inline(input.text) }] : [];
    });
    return updateIds(newestFirst(updates));
  }

  inline(source: SourceFile, field: PropertyKey[], text: string): MarkdownText {
    checkMarkdown(this.ctx, source, field, text, true);
    return this.render.inline(text);
  }

  /** Bodies of towns, services and incidents sit below an h2 of the page: their headings start at h3. */
  body(source: SourceFile): MarkdownText {
    checkMarkdown(this.ctx, source, [], source.body, false, source.bodyLine);
    return this.render.block(source.body, source.kind === 'page' ? 0 : 1);
  }

  time(source: SourceFile, field: string, written: string | undefined, notFuture = false): TimeValue | undefined {
    return written === undefined ? undefined : checkTime(this.ctx, source, [field], written, notFuture);
  }

  aliases(source: SourceFile, inputs: string[]): string[] {
    const valid = inputs.flatMap((alias, index) => {
      const route = checkAlias(this.ctx, source, ['aliases', index], alias);
      return route ? [{ route, index, source }] : [];
    });
    this.aliasesByFile.set(source.file, valid);
    return valid.map((a) => a.route);
  }

  incident(source: SourceFile): Incident | undefined {
    const input = validateFile(incidentSchema, source, this.ctx.errors);
    if (!input) return undefined;
    const started = this.time(source, 'started', input.started);
    const resolved = this.time(source, 'resolved', input.resolved);
    const updated = this.time(source, 'updated', input.updated, true);
    checkTimeOrder(source, started, resolved, input, this.ctx.errors);
    return {
      ...input,
      slug: source.slug,
      file: source.file,
      started: started!,
      resolved,
      updated: updated!,
      summary: this.inline(source, ['summary'], input.summary),
      updates: this.updates(source, input.updates),
      body: this.body(source),
      towns: [],
      path: routes.incident(source.slug),
    };
  }

  page(source: SourceFile): Page | undefined {
    const input = validateFile(pageSchema, source, this.ctx.errors);
    return input && { ...input, slug: source.slug, file: source.file, body: this.body(source), path: routes.page(source.slug) };
  }

  /** 1.2: `planned:` entries, checked and resolved (`src/schema/planned-rules.ts`). */
  planned(source: SourceFile, field: PropertyKey[], inputs: PlannedInput[]) {
    return resolvePlanned(this.ctx, source, field, inputs, (f, text) => this.inline(source, [...f], text));
  }

  tasks(source: SourceFile, inputs: ServiceInput['tasks']): Task[] {
    const ids = taskIds(inputs.map((t) => plainText(t.title)), slugify);
    return inputs.map((task, i) => {
      const note = task.note === undefined ? undefined : this.inline(source, ['tasks', i, 'note'], task.note);
      return {
        ...task,
        id: ids[i]!,
        title: this.inline(source, ['tasks', i, 'title'], task.title),
        titleText: plainText(task.title),
        note,
        planned: this.planned(source, ['tasks', i, 'planned'], task.planned),
        written: { status: task.status, note },
      };
    });
  }

  /** A service, from its file's valid input. */
  service(source: SourceFile, input: ServiceInput): Service {
    const tasks = this.tasks(source, input.tasks);
    const updated = this.time(source, 'updated', input.updated, true)!;
    const summary = this.inline(source, ['summary'], input.summary);
    return {
      ...input,
      slug: source.slug,
      town: source.town!,
      file: source.file,
      updated,
      since: this.time(source, 'since', input.since),
      expected: this.time(source, 'expected', input.expected),
      summary,
      channels: this.channels(source, 'channels', input.channels),
      tasks,
      updates: this.updates(source, input.updates),
      aliases: this.aliases(source, input.aliases),
      body: this.body(source),
      lastChange: updated,
      path: routes.service(source.town!, source.slug),
      planned: this.planned(source, ['planned'], input.planned),
      written: { status: input.status, summary },
    };
  }

  /** A town's links: a web address, or a path on this site, checked once every page is known. */
  links(source: SourceFile, links: TownInput['links']): TownInput['links'] {
    for (const [i, link] of links.entries()) {
      const field = ['links', i, 'url'];
      if (isSitePathUrl(link.url)) {
        this.ctx.links!.push({ file: source.file, line: source.lineOf(field), field: fieldName(field), href: link.url, page: this.ctx.pageOf(source) });
      } else {
        checkUrl(this.ctx, source, field, link.url, false);
      }
    }
    return links;
  }

  /** A town, from its file's valid input, with its services (sorted) and the status they give it. */
  town(source: SourceFile, input: TownInput, services: Service[], derived: StatusKey | undefined): Town {
    const links = this.links(source, input.links);
    const updated = this.time(source, 'updated', input.updated, true)!;
    const summary = this.inline(source, ['summary'], input.summary);
    return {
      ...input,
      slug: source.slug,
      file: source.file,
      updated,
      status: input.status ?? derived ?? 'limited',
      statusDerived: input.status === undefined,
      summary,
      contacts: this.channels(source, 'contacts', input.contacts),
      links,
      updates: this.updates(source, input.updates),
      aliases: this.aliases(source, input.aliases),
      body: this.body(source),
      services,
      children: [],
      affectedBy: [],
      lastChange: updated,
      path: routes.town(source.slug),
      planned: this.planned(source, ['planned'], input.planned),
      written: { status: input.status, summary },
    };
  }
}
