/**
 * Markdown for every text field and body, with markdown-it. Raw HTML is never rendered; the
 * checker reports it. Links may be https:, http:, mailto:, tel: or site-relative; site-relative
 * links get the base path, external ones `rel="noopener noreferrer"`.
 */
import MarkdownIt, { type Token } from 'markdown-it';

/** Markdown as written and as HTML: every text object carries both (also in the API). */
export interface MarkdownText {
  markdown: string;
  html: string;
}

export type MarkdownProblem =
  | { kind: 'html'; found: string; line: number }
  | { kind: 'link'; found: string; line: number }
  | { kind: 'block'; found: MarkdownBlock; line: number }
  | { kind: 'image'; found: string; line: number };

/**
 * Schemes a Markdown link in a text may have (else it is a site path, checked to exist); the web
 * editor's patterns (src/schema/field-rules.ts) are made from the same list.
 */
export const markdownLinkSchemes = ['https:', 'http:', 'mailto:', 'tel:'] as const;
const allowedSchemes = new RegExp(`^(${markdownLinkSchemes.join('|')})`, 'i');

/** Whether a link target is allowed: a permitted scheme, or a path on this site. */
export function isAllowedHref(href: string): boolean {
  const value = href.trim();
  if (allowedSchemes.test(value)) return true;
  // No scheme at all (a colon before any / ? #) means a relative reference.
  return !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('//');
}

/** The parser used for checking: sees HTML and every link, whatever its scheme. */
const inspector = new MarkdownIt({ html: true, linkify: false });
inspector.validateLink = () => true;

/**
 * Inline syntax that makes a link (`[`), an image (`!`) or HTML and autolinks (`<`): without
 * one of these characters an inline run holds nothing the check looks at (linkify is off).
 */
const mayHoldLinkOrHtml = /[[<!]/;

/**
 * Whether a text can hold a link, an image or HTML at all (`mayHoldLinkOrHtml`): a text that
 * cannot renders to the same HTML whatever its site paths resolve to (the API, src/model/api.ts).
 */
export const mayHoldLink = (source: string): boolean => mayHoldLinkOrHtml.test(source);

/**
 * The inspector's parse for a text nobody renders afterwards (`check`): the same block tokens,
 * but the inline runs are parsed only where `mayHoldLinkOrHtml` finds a character, so the
 * problems found are the same as the inspector's, and most runs of a body cost nothing.
 */
const scanner = new MarkdownIt({ html: true, linkify: false });
scanner.validateLink = () => true;
scanner.core.ruler.at('inline', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'inline' && mayHoldLinkOrHtml.test(token.content)) state.md.inline.parse(token.content, state.md, state.env, token.children!);
  }
});

/**
 * A text with none of the characters that start Markdown syntax inline (markdown-it's text
 * terminators) and no line break is plain text: inline it renders as itself, HTML-escaped, and it
 * has nothing to check. Most summaries, notes and update texts are; they skip the parser.
 */
const markdownSyntax = /[\n\r\0!#$%&*+\-:<=>@[\\\]^_`{}~]/;
const isPlainText = (source: string) => !markdownSyntax.test(source);

/**
 * The tokens of the body checked last, when it had no problem: then the renderer's own parse
 * would give the same tokens (the two parsers differ only in HTML, link schemes and images, and
 * each of those is a problem), so `block` renders these instead of parsing the body again.
 */
let checkedBody: { source: string; tokens: Token[] } | undefined;

function walk(tokens: Token[], visit: (token: Token, line: number) => void, line = 0): void {
  for (const token of tokens) {
    const at = token.map ? token.map[0] : line;
    visit(token, at);
    if (token.children) walk(token.children, visit, at);
  }
}

/** What an inline text may not hold, each with its word in the messages (`markdown.<block>`). */
export const markdownBlocks = ['heading', 'list', 'blockquote', 'code', 'rule', 'table', 'image', 'paragraphs'] as const;
export type MarkdownBlock = (typeof markdownBlocks)[number];

const blockKinds: Record<string, MarkdownBlock> = {
  heading_open: 'heading',
  bullet_list_open: 'list',
  ordered_list_open: 'list',
  blockquote_open: 'blockquote',
  code_block: 'code',
  fence: 'code',
  hr: 'rule',
  table_open: 'table',
};

/** A text that goes on after its first line: only there can an inline text hold a block or a second paragraph. */
const isMultiline = (source: string) => source.trim().includes('\n');

/**
 * Whether a text can hold a problem or a link at all: a link, an image or HTML needs `[`, `!` or
 * `<` (`mayHoldLinkOrHtml`; linkify is off), and an inline text's blocks and paragraphs need a
 * second line. A text that cannot is not parsed: most bodies, summaries and notes.
 */
export function mayHoldProblem(source: string, inline: boolean): boolean {
  return mayHoldLinkOrHtml.test(source) || (inline && isMultiline(source));
}

/**
 * Problems in a text; `line` is 0-based within the text. `inline` texts (summary, note, text,
 * task titles) must be a single paragraph. `onLink` gets every allowed link without a scheme
 * (site paths and relative links), for the rule that they resolve. `rendered`: false when the
 * text is only checked (the renderer is `lazy`): then the cheaper `scanner` parses it and no
 * tokens are kept for `block`.
 */
export function inspectMarkdown(source: string, inline: boolean, onLink?: (href: string, line: number) => void, rendered = true): MarkdownProblem[] {
  if (mayHoldProblem(source, inline)) return inspectParsed(source, inline, onLink, rendered);
  // The renderer parses this body itself.
  checkedBody = undefined;
  return [];
}

/** `inspectMarkdown` by the parser's tokens, whatever the text. */
export function inspectParsed(source: string, inline: boolean, onLink?: (href: string, line: number) => void, rendered = true): MarkdownProblem[] {
  const problems: MarkdownProblem[] = [];
  const tokens = (rendered ? inspector : scanner).parse(source, {});
  // A text on one line is always read inline: "1. Hilfe" or "# 5" is not a list or heading.
  const multiline = isMultiline(source);
  let paragraphs = 0;
  walk(tokens, (token, line) => {
    if (token.type === 'html_block' || token.type === 'html_inline') {
      problems.push({ kind: 'html', found: token.content.trim().split('\n')[0]!.slice(0, 60), line });
    }
    if (token.type === 'link_open') {
      const href = String(token.attrGet('href') ?? '');
      if (!isAllowedHref(href)) problems.push({ kind: 'link', found: href.slice(0, 60), line });
      else if (onLink && !allowedSchemes.test(href.trim())) onLink(href, line);
    }
    if (token.type === 'image') {
      // Images would load from elsewhere or need files: not part of the format.
      const src = String(token.attrGet('src') ?? '');
      problems.push(inline ? { kind: 'block', found: 'image', line } : { kind: 'image', found: src.slice(0, 60), line });
    }
    if (inline && multiline) {
      if (token.type === 'paragraph_open') paragraphs += 1;
      const kind = blockKinds[token.type];
      if (kind) problems.push({ kind: 'block', found: kind, line });
    }
  });
  // A list or a quote has paragraphs of its own: say "paragraphs" only when nothing else explains them.
  if (inline && paragraphs > 1 && !problems.some((p) => p.kind === 'block')) problems.push({ kind: 'block', found: 'paragraphs', line: 0 });
  checkedBody = rendered && !inline && problems.length === 0 ? { source, tokens } : undefined;
  return problems;
}

export interface Renderer {
  inline(source: string): MarkdownText;
  /** A body; `headingOffset` 1 renders `#`/`##` as h3 below the page's own h2 sections. */
  block(source: string, headingOffset?: number): MarkdownText;
}

/** A text whose HTML is made the first time it is read. */
function lazyText(markdown: string, render: () => string): MarkdownText {
  let html: string | undefined;
  return {
    markdown,
    get html() {
      html ??= render();
      return html;
    },
  };
}

/**
 * A renderer that resolves site-relative links with `resolvePath` (the URL helper). `lazy`: each
 * text's HTML is made only when something reads it (`check` reports none; its texts are
 * inspected with `rendered` false, so the body is then parsed again for its HTML).
 */
export function createRenderer(resolvePath: (path: string) => string, { lazy = false } = {}): Renderer {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.validateLink = isAllowedHref;
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const href = String(token.attrGet('href') ?? '');
    if (/^https?:/i.test(href)) token.attrSet('rel', 'noopener noreferrer');
    else if (href.startsWith('/') && !href.startsWith('//')) token.attrSet('href', resolvePath(href));
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  md.renderer.rules.heading_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const offset = (env as { headingOffset?: number }).headingOffset ?? 0;
    if (offset > 0) {
      const level = Math.min(6, Math.max(2 + offset, Number(token.tag.slice(1)) + offset));
      token.tag = `h${level}`;
      const close = tokens.slice(idx).find((t) => t.type === 'heading_close');
      if (close) close.tag = token.tag;
    }
    return self.renderToken(tokens, idx, options);
  };
  // Images are reported by the checker; never render a request to anywhere.
  md.disable('image');
  /** The checked body's tokens, once (the render rules change tokens), or a fresh parse. */
  const tokensOf = (source: string, env: Record<string, unknown>): Token[] => {
    const checked = checkedBody?.source === source ? checkedBody.tokens : undefined;
    checkedBody = undefined;
    return checked ?? md.parse(source, env);
  };
  const inlineHtml = (source: string) => (isPlainText(source) ? md.utils.escapeHtml(source) : md.renderInline(source));
  const blockHtml = (source: string, headingOffset: number, tokens: typeof tokensOf) => {
    const env = { headingOffset };
    return md.renderer.render(tokens(source, env), md.options, env);
  };
  if (lazy) {
    // No checked tokens to take over: a text is parsed for its HTML when that is read.
    const parse = (source: string, env: Record<string, unknown>) => md.parse(source, env);
    return {
      inline: (source) => lazyText(source, () => inlineHtml(source)),
      block: (source, headingOffset = 0) => lazyText(source, () => blockHtml(source, headingOffset, parse)),
    };
  }
  return {
    inline: (source) => ({ markdown: source, html: inlineHtml(source) }),
    block: (source, headingOffset = 0) => ({ markdown: source, html: blockHtml(source, headingOffset, tokensOf) }),
  };
}

/** Plain text of inline Markdown, for titles in lists, search and feeds. */
export function plainText(source: string): string {
  if (isPlainText(source)) return source.trim();
  const tokens = inspector.parseInline(source, {});
  let out = '';
  walk(tokens, (token) => {
    if (token.type === 'text' || token.type === 'code_inline') out += token.content;
    if (token.type === 'softbreak' || token.type === 'hardbreak') out += ' ';
  });
  return out.trim();
}
