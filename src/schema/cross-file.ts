/**
 * The rules between files and the rules of site.yaml's settings: one small function per rule,
 * named after it. Each records `ContentError`s; `loadSite` (src/model/site.ts) runs them once
 * every file has been validated on its own.
 */
import type { CountryCode } from 'libphonenumber-js/max';
import { isCountry } from '../core/phone.ts';
import { isValidTimeZone } from '../core/time.ts';
import type { StatusKey } from '../core/status.ts';
import type { SourceFile } from '../model/read.ts';
import type { ContentError } from './errors.ts';
import { reservedRoutes, reservedServiceSlugs } from './index.ts';
import { aliasKey, isReservedPath, parentKeys } from './aliases.ts';
import { checkReference, type RuleContext } from './rules.ts';

/** site.yaml's `timezone` must be an IANA time zone; returns the zone to use (the default if not). */
export function checkTimeZone(source: SourceFile, written: string, fallback: string, errors: ContentError[]): string {
  if (isValidTimeZone(written)) return written;
  errors.push({ file: source.file, line: source.lineOf(['timezone']), field: 'timezone', code: 'timezone', params: { found: written } });
  return fallback;
}

/** site.yaml's `country` must be a country libphonenumber knows; returns the one to use. */
export function checkCountry(source: SourceFile, written: CountryCode, fallback: CountryCode, errors: ContentError[]): CountryCode {
  if (isCountry(written)) return written;
  errors.push({ file: source.file, line: source.lineOf(['country']), field: 'country', code: 'country', params: { found: written } });
  return fallback;
}

/** A page's slug must not be a route the build uses itself (`suche`, `api`, …). */
export function checkReservedPage(source: SourceFile, errors: ContentError[]): void {
  if (!(reservedRoutes as readonly string[]).includes(source.slug)) return;
  errors.push({ file: source.file, code: 'reservedPage', params: { found: source.slug, allowed: reservedRoutes.join(', ') } });
}

/** A town's slug must not be a route the build uses itself. */
export function checkReservedTown(source: SourceFile, errors: ContentError[]): void {
  if (!(reservedRoutes as readonly string[]).includes(source.slug)) return;
  errors.push({ file: source.file, code: 'reservedTown', params: { found: source.slug, allowed: reservedRoutes.join(', ') } });
}

/** A service's slug must not be a name of the town's own pages (`aushang`, `feed`, `index`). */
export function checkReservedService(source: SourceFile, errors: ContentError[]): void {
  if (!(reservedServiceSlugs as readonly string[]).includes(source.slug)) return;
  errors.push({ file: source.file, code: 'reservedService', params: { found: source.slug, allowed: reservedServiceSlugs.join(', ') } });
}

/** A town and a page must not share a slug: both would be `/<slug>/`. */
export function checkTownPageCollision(source: SourceFile, pages: readonly { slug: string; file: string }[], errors: ContentError[]): void {
  const page = pages.find((p) => p.slug === source.slug);
  if (page) errors.push({ file: source.file, code: 'collision', params: { found: source.slug, other: page.file } });
}

/**
 * A role names one page: the footer and the home page find Impressum & Co. by it. The first
 * file by name keeps the role; returns the pages by role.
 */
export function checkDuplicateRoles<P extends { role?: string; file: string }>(pages: readonly P[], sources: readonly SourceFile[], errors: ContentError[]): Map<string, P> {
  const byRole = new Map<string, P>();
  for (const page of [...pages].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (page.role === undefined) continue;
    const first = byRole.get(page.role);
    const source = sources.find((f) => f.file === page.file)!;
    if (first) errors.push({ file: page.file, line: source.lineOf(['role']), field: 'role', code: 'duplicateRole', params: { found: page.role, other: first.file } });
    else byRole.set(page.role, page);
  }
  return byRole;
}

/** An incident must not be resolved before it started. */
export function checkTimeOrder(source: SourceFile, started: { instant: number } | undefined, resolved: { instant: number } | undefined, written: { started: string; resolved?: string }, errors: ContentError[]): void {
  if (!started || !resolved || resolved.instant >= started.instant) return;
  errors.push({ file: source.file, line: source.lineOf(['resolved']), field: 'resolved', code: 'timeOrder', params: { found: written.resolved!, other: written.started } });
}

/** A town without services must say its `status` itself: there is nothing to derive it from. */
export function checkTownStatusRequired(source: SourceFile, status: StatusKey | undefined, derived: StatusKey | undefined, errors: ContentError[]): void {
  if (status !== undefined || derived !== undefined) return;
  errors.push({ file: source.file, line: source.lineOf(['status']), field: 'status', code: 'townStatusRequired', hint: { code: 'example', params: { example: 'status: limited' } } });
}

/** A town's `parent` is another existing town; returns whether it is. */
export function checkParent(ctx: RuleContext, source: SourceFile, parent: string, townSlugs: readonly string[]): boolean {
  if (parent === source.slug) {
    ctx.errors.push({ file: source.file, line: source.lineOf(['parent']), field: 'parent', code: 'parentSelf', params: { found: parent } });
    return false;
  }
  return checkReference(ctx, source, ['parent'], parent, townSlugs, 'unknownParent');
}

/** Parents must not form a circle (`a` → `b` → `a`). */
export function checkParentCycles(parents: ReadonlyMap<string, { parent: string; source: SourceFile }>, errors: ContentError[]): void {
  for (const [slug, { source }] of parents) {
    const seen = new Set([slug]);
    let current = parents.get(slug)?.parent;
    while (current !== undefined) {
      if (seen.has(current)) {
        errors.push({ file: source.file, line: source.lineOf(['parent']), field: 'parent', code: 'parentCycle', params: { found: [...seen, current].join(' → ') } });
        break;
      }
      seen.add(current);
      current = parents.get(current)?.parent;
    }
  }
}

/** An alias as checked on its own: the normalised path, its entry and its file. */
export interface AliasEntry {
  route: string;
  index: number;
  source: SourceFile;
}

/**
 * Paths by `aliasKey`: who owns each, and whether it is a file (nothing can lie below it).
 * The model fills it with every path the build generates; accepted aliases are added.
 */
export class TakenPaths {
  readonly #taken = new Map<string, { owner: string; file: boolean }>();

  take(route: string, owner: string): void {
    this.#taken.set(aliasKey(route), { owner, file: !route.endsWith('/') });
  }

  /** Who has the path, or a file where the alias needs a folder: the owner, `reserved`, or nothing. */
  ownerOf(route: string): string | undefined {
    if (isReservedPath(route, reservedRoutes)) return 'reserved';
    const same = this.#taken.get(aliasKey(route));
    if (same) return same.owner;
    return parentKeys(route)
      .map((key) => this.#taken.get(key))
      .find((parent) => parent?.file)?.owner;
  }
}

/**
 * Each alias must be a path nothing else uses (content format 1.2, docs/content-format.md): not the home page, a page, a
 * town's own pages and files, a reserved route or file of the build, not another alias; and not
 * below a file (`/robots.txt/x/` would need a folder named robots.txt). Returns the free ones,
 * which then count as taken.
 */
export function checkAliasCollisions(aliases: readonly AliasEntry[], file: string, taken: TakenPaths, errors: ContentError[]): AliasEntry[] {
  return aliases.filter(({ route, index, source }) => {
    const owner = taken.ownerOf(route);
    if (owner) {
      errors.push({ file, line: source.lineOf(['aliases', index]), field: `aliases[${index + 1}]`, code: 'aliasCollision', params: { found: route, other: owner } });
      return false;
    }
    taken.take(route, file);
    return true;
  });
}
