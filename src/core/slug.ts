/**
 * Slugs are folder and file names: lower-case ASCII words joined by single hyphens. Here, not
 * in src/schema/index.ts (which re-exports it), so that reading the content folder (read.ts)
 * loads no schema: `check` reads while the rest of its modules still load.
 */
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
