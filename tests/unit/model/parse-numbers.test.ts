/**
 * Numbers as written (parse.ts, `keepNumbersAsWritten`): every scalar whose number would change
 * its text stays text, keys too, at any depth: the same data as the `yaml` package's own `visit`
 * gave, which the walk replaced (issue 21: `visit` freezes a path array for every node).
 */
import { describe, expect, test } from 'vitest';
import { isScalar, parseDocument, visit } from 'yaml';
import { parseText } from '../../../src/model/parse.ts';

/** The data as the former walk made it: `visit` over every scalar, then `toJS`. */
function reference(yaml: string): unknown {
  const doc = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false, resolveKnownTags: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && node.source !== undefined && String(node.value) !== node.source) node.value = node.source;
    },
  });
  return doc.toJS();
}

const texts = [
  'phone: 0292110300\nfax: +4929211030\nplain: 42\nfloat: 1.50\nhex: 0x1F\noct: 0o17\nexp: 1e3\n',
  '01: eins\n2: auch\n+3: drei\n',
  'tasks:\n  - title: a\n    n: 007\n    list: [01, 2, 3.0, [04, {05: x, y: 006}]]\n  - 0.5\n  - .5\n',
  '? [01, 2]\n: komplex\nx: !!str 0123\ny: "0123"\nz: -0\nw: .inf\nv: .NaN\n',
  'anchor: &a 0123\nalias: *a\nlist: &l [08, 09]\nagain: *l\n',
];

describe('numbers as written', () => {
  test.each(texts)('%j', (yaml) => {
    const { source, errors } = parseText('site', 'site.yaml', new TextEncoder().encode(yaml), { slug: '' });
    expect(errors).toEqual([]);
    expect(JSON.stringify(source?.data)).toBe(JSON.stringify(reference(yaml)));
  });

  test('a scalar alone is no set of fields', () => {
    expect(isScalar(parseDocument('0123').contents)).toBe(true);
    expect(parseText('site', 'site.yaml', new TextEncoder().encode('0123\n'), { slug: '' }).errors.map((e) => e.code)).toEqual(['notMapping']);
  });
});
