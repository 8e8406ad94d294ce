/**
 * The page stylesheet, inlined: every page carries `src/styles/site.css` (as Vite built it) in
 * a `<style>` element of its head, so a citizen on a slow network gets a styled page in one
 * round trip, and the page's policy allows exactly that style by its hash (see policy.ts).
 */
import { createHash } from 'node:crypto';

/** The CSP source of an inline style or script: `sha256-<base64 of the UTF-8 bytes>`. */
export function styleHashSource(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
