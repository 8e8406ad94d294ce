/** What a built page's own Content-Security-Policy must be: the site's, with its inline style's hash. */
import { pageContentSecurityPolicyMeta } from '../../src/hosting/policy.ts';
import { styleHashSource } from '../../src/hosting/style.ts';

/** The text of every `<style>` element of a page, as written (the build escapes nothing in it). */
export function inlineStyles(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
}

/** The `<meta http-equiv="Content-Security-Policy">` tag a page must carry, as the build writes it. */
export function expectedPolicyMeta(html: string): string {
  const policy = pageContentSecurityPolicyMeta(inlineStyles(html).map(styleHashSource));
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}
