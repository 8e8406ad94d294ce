/**
 * XML written by hand (the Atom and CAP feeds, the SVG badge): one escaping for element content
 * and quoted attributes, and characters XML 1.0 cannot hold removed (check refuses them in
 * content already; this keeps a feed well-formed whatever reaches it).
 */
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Characters that are not allowed anywhere in an XML 1.0 document, and lone surrogates. */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe in element content and in double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(notXml, '').replace(/[&<>"']/g, (c) => escapes[c]!);
}

/** `<name attr="…">text</name>`, the text and the attributes escaped; nothing for an absent text. */
export function element(name: string, text: string | undefined, attributes: Record<string, string> = {}): string {
  if (text === undefined) return '';
  return `<${name}${attributesOf(attributes)}>${escapeXml(text)}</${name}>`;
}

/** ` a="1" b="2"`, each value escaped. */
export function attributesOf(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
}
