/**
 * 1.2: the incidents as a history (`/stoerungen/`): the open ones, newest start first, and the
 * resolved ones, newest end first (then newest start), so "was that outage last week?" is the
 * top of the list. Resolved incidents keep their pages; the home page lists only open ones.
 */
import type { Incident } from './types.ts';
import { routes } from './routes.ts';

export interface IncidentHistory {
  current: Incident[];
  past: Incident[];
}

const newestStart = (a: Incident, b: Incident) => b.started.instant - a.started.instant;

export function incidentHistory(incidents: readonly Incident[]): IncidentHistory {
  return {
    current: incidents.filter((i) => !i.resolved).sort(newestStart),
    past: incidents.filter((i) => i.resolved).sort((a, b) => b.resolved!.instant - a.resolved!.instant || newestStart(a, b)),
  };
}

/** The site path of the list. */
export const historyPath = routes.incidents();
