/**
 * The structure the CAP 1.2 XML schema (OASIS, CAP-v1.2.xsd) gives an `alert`, as data: every
 * element in its sequence with how often it may occur, the enumerations, the date-time pattern
 * and the simple types (xs:language, xs:anyURI), written out from the specification (CAP 1.2,
 * sections 3.2 and 3.4) and checked element by element, in order, with readable messages. The
 * alerts are also validated against the OASIS XSD itself (tests/fixtures/schemas/CAP-v1.2.xsd,
 * with xmllint-wasm) in schemas.test.ts; this check adds the rules the XSD leaves to the text
 * (no spaces, commas, < or & in identifier and sender; absolute URIs).
 */
import { XMLParser } from 'fast-xml-parser';

type Node = Record<string, unknown>;
interface Rule {
  name: string;
  min: number;
  max: number;
  /** A problem with the element's text, or with its children for a complex type. */
  check?: (node: Node[], text: string) => string[];
}

const many = Number.POSITIVE_INFINITY;
/** CAP 1.2's dateTime: an offset always (`-00:00` for UTC), never `Z`, no fractions. */
export const capDateTime = /^\d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d$/;
const language = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

const oneOf = (values: string[]) => (_: Node[], text: string) => (values.includes(text) ? [] : [`"${text}" is not one of ${values.join(', ')}`]);
const matches = (pattern: RegExp) => (_: Node[], text: string) => (pattern.test(text) ? [] : [`"${text}" does not match ${pattern}`]);
/** identifier, sender, references: "MUST NOT include spaces, commas or restricted characters (< and &)". */
const noSpaces = (_: Node[], text: string) => (/^[^\s,<&]+$/.test(text) ? [] : [`"${text}" contains a space, comma, < or &`]);
const anyUri = (_: Node[], text: string) => {
  try {
    new URL(text);
    return [];
  } catch {
    return [`"${text}" is not an absolute URI`];
  }
};
const text = (name: string, min = 0, max = 1, check?: Rule['check']): Rule => ({ name, min, max, check });
const pair = (name: string, min = 0, max = many): Rule => ({ name, min, max, check: (children) => sequence(children, [text('valueName', 1), text('value', 1)]) });

const area: Rule[] = [text('areaDesc', 1), text('polygon', 0, many), text('circle', 0, many), pair('geocode'), text('altitude'), text('ceiling')];
const resource: Rule[] = [text('resourceDesc', 1), text('mimeType', 1), text('size'), text('uri', 0, 1, anyUri), text('derefUri'), text('digest')];

const info: Rule[] = [
  text('language', 0, 1, matches(language)),
  text('category', 1, many, oneOf(['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'])),
  text('event', 1),
  text('responseType', 0, many, oneOf(['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'])),
  text('urgency', 1, 1, oneOf(['Immediate', 'Expected', 'Future', 'Past', 'Unknown'])),
  text('severity', 1, 1, oneOf(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'])),
  text('certainty', 1, 1, oneOf(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'])),
  text('audience'),
  pair('eventCode'),
  text('effective', 0, 1, matches(capDateTime)),
  text('onset', 0, 1, matches(capDateTime)),
  text('expires', 0, 1, matches(capDateTime)),
  text('senderName'),
  text('headline'),
  text('description'),
  text('instruction'),
  text('web', 0, 1, anyUri),
  text('contact'),
  pair('parameter'),
  { name: 'resource', min: 0, max: many, check: (children) => sequence(children, resource) },
  { name: 'area', min: 0, max: many, check: (children) => sequence(children, area) },
];

export const alertRules: Rule[] = [
  text('identifier', 1, 1, noSpaces),
  text('sender', 1, 1, noSpaces),
  text('sent', 1, 1, matches(capDateTime)),
  text('status', 1, 1, oneOf(['Actual', 'Exercise', 'System', 'Test', 'Draft'])),
  text('msgType', 1, 1, oneOf(['Alert', 'Update', 'Cancel', 'Ack', 'Error'])),
  text('source'),
  text('scope', 1, 1, oneOf(['Public', 'Restricted', 'Private'])),
  text('restriction'),
  text('addresses'),
  text('code', 0, many),
  text('note'),
  text('references'),
  text('incidents'),
  { name: 'info', min: 0, max: many, check: (children) => sequence(children, info) },
];

const nameOf = (node: Node) => Object.keys(node).find((k) => k !== ':@')!;
const textOf = (children: Node[]) => children.map((c) => (typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? String(c['#text']) : '')).join('');

/** The problems of a list of child elements against a sequence of rules (in order, with counts). */
export function sequence(children: Node[], rules: Rule[]): string[] {
  const elements = children.filter((c) => nameOf(c) !== '#text');
  const problems: string[] = [];
  let at = 0;
  for (const rule of rules) {
    let count = 0;
    while (at < elements.length && nameOf(elements[at]!) === rule.name) {
      const inner = elements[at]![rule.name] as Node[];
      if (rule.check) problems.push(...rule.check(inner, textOf(inner)).map((p) => `${rule.name}: ${p}`));
      count += 1;
      at += 1;
    }
    if (count < rule.min) problems.push(`${rule.name}: missing`);
    if (count > rule.max) problems.push(`${rule.name}: ${count} times, at most ${rule.max}`);
  }
  if (at < elements.length) problems.push(`unexpected ${nameOf(elements[at]!)} (not allowed here, or out of order)`);
  return problems;
}

const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: false });

/** The problems of one `<alert>` element (parsed with order preserved) against CAP 1.2. */
export function alertProblems(alert: Node): string[] {
  const attributes = (alert[':@'] ?? {}) as Record<string, string>;
  if (attributes.xmlns !== 'urn:oasis:names:tc:emergency:cap:1.2') return ['alert is not in the CAP 1.2 namespace'];
  return sequence(alert.alert as Node[], alertRules);
}

/** Every `<alert>` anywhere in an XML document, in document order. */
export function alertsIn(xml: string): Node[] {
  const found: Node[] = [];
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      const name = nameOf(node);
      if (name === 'alert') found.push(node);
      else if (Array.isArray(node[name])) visit(node[name] as Node[]);
    }
  };
  visit(ordered.parse(xml) as Node[]);
  return found;
}
