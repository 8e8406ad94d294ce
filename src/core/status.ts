/**
 * A notice's status and how a town's status follows from its services (content format 1.2):
 * the one place where a town's status is derived, for check's rule (`townStatusTooGood`), the
 * model, the pages and the API.
 */

/** The statuses of a town, a service or a task, best first. */
export const statusKeys = ['normal', 'limited', 'deferred', 'unavailable'] as const;
export type StatusKey = (typeof statusKeys)[number];

/** `normal` when every service is normal, `unavailable` when every one is, else `limited`. */
export function deriveTownStatus(services: readonly { status: StatusKey }[]): StatusKey | undefined {
  if (services.length === 0) return undefined;
  if (services.every((s) => s.status === 'normal')) return 'normal';
  if (services.every((s) => s.status === 'unavailable')) return 'unavailable';
  return 'limited';
}

/**
 * How well something works, for comparing statuses: `normal` 2, `limited` and `deferred` 1 (both
 * "works, but not as usual"), `unavailable` 0. A channel's status uses the same scale.
 */
export function statusRank(status: StatusKey): number {
  return status === 'normal' ? 2 : status === 'unavailable' ? 0 : 1;
}

/** Whether status `a` says that more works than status `b`: `normal` is better than `limited`. */
export function isBetterStatus(a: StatusKey, b: StatusKey): boolean {
  return statusRank(a) > statusRank(b);
}

/**
 * The best status a town may show with these services (content format 1.2): `normal` only when
 * every service is normal, otherwise at best `limited` (or `deferred`, which ranks the same). A
 * town whose listed services are all `unavailable` may still say `limited`: its own contacts and
 * what it does not list may work (the example's Kreis Soest: "die Telefonanlage funktioniert").
 */
export function bestTownStatus(services: readonly { status: StatusKey }[]): StatusKey | undefined {
  if (services.length === 0) return undefined;
  return services.every((s) => s.status === 'normal') ? 'normal' : 'limited';
}

/** Whether a town's own `status` is better than its services allow (an error in `check`). */
export function isTownStatusTooGood(status: StatusKey, services: readonly { status: StatusKey }[]): boolean {
  const best = bestTownStatus(services);
  return best !== undefined && isBetterStatus(status, best);
}
