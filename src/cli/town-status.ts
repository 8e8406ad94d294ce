/**
 * Content format 1.2: a town's own `status` may not be better than its services. A town made by
 * `new` has `status: normal` only because a town without services needs a status; once it has a
 * service, an own `normal` is either what its services give anyway or wrong (an error). So `new`
 * (a service for the town) and `update` (a service that stops being normal) take the line out,
 * and the town's status follows from its services. Any other own status (`limited` for a town
 * whose services are all down but whose phone works) is the editor's decision and stays.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseSource } from '../model/read.ts';
import { oneLine } from './edit.ts';
import { CommandError, editText, Plan, readForEdit, type Session } from './change.ts';

export interface TownStatusRemoval {
  /** The town's index.md, absolute. */
  file: string;
  /** Its text without the `status` line. */
  text: string;
  plan: Plan;
}

/** The removal of a town's own `status: normal`; undefined when it has none (or another one, or cannot be read). */
export async function dropTownNormalStatus(session: Session, town: string): Promise<TownStatusRemoval | undefined> {
  const file = path.join(session.dir, 'towns', town, 'index.md');
  if (!existsSync(file)) return undefined;
  let read: Awaited<ReturnType<typeof readForEdit>>;
  try {
    read = await readForEdit(session, { kind: 'town', slug: town, file, address: town });
  } catch (error) {
    // A town file with errors is reported by the check of the change; it is not edited here.
    if (error instanceof CommandError) return undefined;
    throw error;
  }
  if (read.data.status !== 'normal') return undefined;
  const plan = new Plan();
  plan.remove('status', read.data.status);
  return { file, text: editText(session, file, read.text, plan.edits), plan };
}

/**
 * Shows the town's summary for the editor to revisit: a service that became disrupted or normal
 * again may be named in it ("Bürgerbüro und Standesamt sind eingeschränkt").
 */
export async function showTownSummary(session: Session, town: string): Promise<void> {
  const file = path.join(session.dir, 'towns', town, 'index.md');
  const bytes = await readFile(file).catch(() => undefined);
  const summary = bytes && parseSource('town', session.shown(file), bytes, { slug: town }).source?.data.summary;
  if (typeof summary === 'string') session.out(session.t('update.townSummaryHint', { town, summary: oneLine(summary) }));
}
