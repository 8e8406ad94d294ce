/**
 * 1.2: the rules of `planned:` entries (on a town, a service or a task) that a zod shape cannot
 * express: both times valid in the site's time zone, `until` after `from`, and no two windows
 * that overlap while saying different statuses (which one would hold?). Each records a located
 * `ContentError`; the entries come back resolved (`Planned`), by start, for the model. The
 * warning for a window that is already over is in `warnings.ts` (it depends on the build time).
 */
import type { PlannedInput } from './index.ts';
import type { FieldPath } from './errors.ts';
import { fieldName } from './errors.ts';
import { checkTime, type RuleContext } from './rules.ts';
import type { SourceFile } from '../model/read.ts';
import type { MarkdownText } from '../core/markdown.ts';
import { parseTime, type TimeValue } from '../core/time.ts';
import { plannedEnd } from '../core/planned.ts';
import type { Planned } from '../model/types.ts';

/** The start of the day after a date, in the time zone (a date alone for `until` includes that day). */
export function nextDayStart(date: TimeValue, timeZone: string): number {
  const [y, m, d] = date.iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return parseTime(new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10), timeZone)!.instant;
}

/** `until` must lie after `from` (a date alone for `until` counts to the end of that day). */
export function checkPlannedOrder(ctx: RuleContext, source: SourceFile, field: FieldPath, input: PlannedInput, entry: Pick<Planned, 'start' | 'end'>): boolean {
  if (entry.end > entry.start) return true;
  ctx.errors.push({ file: source.file, line: source.lineOf([...field, 'until']), field: fieldName([...field, 'until']), code: 'plannedOrder', params: { found: input.until, other: input.from } });
  return false;
}

/**
 * Two windows of one item that overlap must say the same status: an error on the later entry,
 * naming the earlier one. Overlap is half-open: one ending when the next starts is fine.
 */
export function checkPlannedOverlap(ctx: RuleContext, source: SourceFile, prefix: FieldPath, entries: readonly { index: number; entry: Planned }[]): void {
  entries.forEach(({ index, entry }, i) => {
    const clash = entries.slice(0, i).find(({ entry: other }) => other.start < entry.end && entry.start < other.end && other.status !== entry.status);
    if (!clash) return;
    const field = [...prefix, index];
    ctx.errors.push({
      file: source.file,
      line: source.lineOf([...field, 'status']),
      field: fieldName([...field, 'status']),
      code: 'plannedOverlap',
      params: { found: entry.status, other: fieldName([...prefix, clash.index]), otherStatus: clash.entry.status },
    });
  });
}

/**
 * The `planned:` entries of one item (`prefix`: `['planned']`, `['tasks', 2, 'planned']`),
 * checked and resolved, by start; an entry with a wrong time or order is left out.
 */
export function resolvePlanned(ctx: RuleContext, source: SourceFile, prefix: FieldPath, inputs: readonly PlannedInput[], inline: (field: FieldPath, text: string) => MarkdownText): Planned[] {
  const valid: { index: number; entry: Planned }[] = [];
  inputs.forEach((input, index) => {
    const field = [...prefix, index];
    const summary = inline([...field, 'summary'], input.summary);
    const from = checkTime(ctx, source, [...field, 'from'], input.from);
    const until = checkTime(ctx, source, [...field, 'until'], input.until);
    if (!from || !until) return;
    const entry: Planned = { status: input.status, from, until, start: from.instant, end: plannedEnd(until, (d) => nextDayStart(d, ctx.timeZone)), summary };
    if (checkPlannedOrder(ctx, source, field, input, entry)) valid.push({ index, entry });
  });
  checkPlannedOverlap(ctx, source, prefix, valid);
  return valid.map(({ entry }) => entry).sort((a, b) => a.start - b.start);
}

