/**
 * The page stylesheet, inlined: every page carries `src/styles/site.css` (as Vite built it) in
 * a `<style>` element of its head, so a citizen on a slow network gets a styled page in one
 * round trip, and the page's policy allows exactly that style by its hash (see policy.ts).
 */
import { createHash } from 'node:crypto';

/** The last text hashed: every page of a build asks for the same stylesheet's. */
let last: { text: string; source: string } | undefined;

/** The CSP source of an inline style or script: `sha256-<base64 of the UTF-8 bytes>`. */
export function styleHashSource(text: string): string {
  if (last?.text !== text) last = { text, source: `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}` };
  return last.source;
}
