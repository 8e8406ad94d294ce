/** The page an alias serves: an instant redirect that also works as a plain link. */
import { direction, type Language, type Translate } from '../i18n/index.ts';
import type { Redirect } from './types.ts';
import type { Urls } from './urls.ts';
import { escapeHtml } from './html.ts';
import { pageContentSecurityPolicyMeta } from '../hosting/policy.ts';


export function redirectHtml(redirect: Redirect, urls: Urls, language: Language, t: Translate): string {
  const to = escapeHtml(urls.path(redirect.to));
  const title = escapeHtml(redirect.title);
  return (
    `<!doctype html><html lang="${language}" dir="${direction(language)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(pageContentSecurityPolicyMeta([]))}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(t('redirect.title'))}: ${title}</title><meta name="robots" content="noindex">` +
    `<meta http-equiv="refresh" content="0; url=${to}"><link rel="canonical" href="${to}"></head>` +
    `<body><p>${escapeHtml(t('redirect.text'))} <a href="${to}">${title}</a></p></body></html>\n`
  );
}

/** Where the redirect page is written: `dorf/index.html` for `/dorf/`, the file itself for `/alt/dorf.html`. */
export function redirectFile(from: string): string {
  const path = from.replace(/^\//, '');
  return path.endsWith('/') ? `${path}index.html` : path;
}
