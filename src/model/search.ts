/**
 * What the search index knows of a page besides its text: filters (town, status, kind) and
 * meta (status, town, service, summary, "Stand") so that a result can be shown with its status without
 * opening the page. Tasks are sub-results (their headings have ids); their statuses travel as
 * meta `t-<id>`. `keywords` are indexed as hidden text: the index does not split German
 * compounds, so "Perso" finds "Personalausweis" only through them.
 */
import type { StatusKey } from '../schema/index.ts';
import type { Translate } from '../i18n/index.ts';
import type { Incident, Service, Town } from './types.ts';
import type { TimeValue } from './time.ts';
import { plainText } from './markdown.ts';

export type SearchKind = 'town' | 'service' | 'task' | 'incident';

export interface SearchRecord {
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  keywords: string[];
}

/** The meta key that carries a task's status. */
export const taskMetaKey = (taskId: string) => `t-${taskId}`;

const unique = <T>(values: T[]) => [...new Set(values)];

function statusMeta(status: StatusKey, t: Translate) {
  return { status, statusLabel: t(`status.${status}`) };
}

export function serviceRecord(service: Service, town: Town, t: Translate, time: (v: TimeValue) => string): SearchRecord {
  return {
    filters: {
      kind: service.tasks.length > 0 ? ['service', 'task'] : ['service'],
      town: [town.name],
      status: unique([service.status, ...service.tasks.map((task) => task.status)]),
    },
    meta: {
      title: service.title,
      kind: 'service',
      town: town.name,
      service: service.title,
      summary: plainText(service.summary.markdown),
      stand: time(service.lastChange),
      ...statusMeta(service.status, t),
      ...Object.fromEntries(service.tasks.map((task) => [taskMetaKey(task.id), task.status])),
    },
    keywords: service.keywords,
  };
}

export function townRecord(town: Town, t: Translate, time: (v: TimeValue) => string): SearchRecord {
  return {
    filters: { kind: ['town'], town: [town.name], status: [town.status] },
    meta: {
      title: town.name,
      kind: 'town',
      town: town.name,
      summary: plainText(town.summary.markdown),
      stand: time(town.lastChange),
      ...statusMeta(town.status, t),
    },
    keywords: [],
  };
}

export function incidentRecord(incident: Incident, time: (v: TimeValue) => string): SearchRecord {
  return {
    filters: { kind: ['incident'] },
    meta: { title: incident.title, kind: 'incident', summary: plainText(incident.summary.markdown), stand: time(incident.updated) },
    keywords: [],
  };
}
