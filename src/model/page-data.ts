/**
 * What a page shows, computed outside its template (like Starlight's `generateRouteData`).
 */

/** One step of a page's breadcrumb trail: its name and site path. */
export interface Crumb {
  name: string;
  path: string;
}
