/**
 * Front-matter edits (src/cli/edit.ts): the changed values change, everything else stays byte
 * for byte — comments, key order, quoting, blank lines, CRLF, a BOM and the body.
 */
import { describe, expect, test } from 'vitest';
import { editFile, EditError, scalarText, splitFrontMatter } from '../../../src/cli/edit.ts';

const written = [
  '---',
  '# Der Dienst, wie er auf der Website steht',
  "title: 'Bürgerbüro'              # Pflicht",
  'status: limited                 # normal | limited | deferred | unavailable',
  'updated: "2023-11-03 14:17"',
  'summary: >-',
  '  Geschlossen, telefonisch',
  '  erreichbar.',
  'keywords: [Ausweis, Pass]',
  '',
  'channels:',
  '  - channel: phone',
  '    status: normal   # Telefon geht',
  '    value: 02921 / 103-2127',
  'updates:',
  '  - at: 2023-11-03 14:17',
  '    text: Zuletzt geprüft.',
  '---',
  'Body with *Markdown*  ',
  '---',
  'and a rule.',
  '',
].join('\n');

describe('editFile', () => {
  test('changes only the values it sets; comments, order, quoting and the body stay', () => {
    const out = editFile(written, [
      { op: 'set', path: ['status'], value: 'unavailable' },
      { op: 'set', path: ['updated'], value: '2023-11-04 13:00' },
      { op: 'set', path: ['summary'], value: 'Heute geschlossen.' },
      { op: 'set', path: ['channels', 0, 'status'], value: 'limited' },
      { op: 'addUpdate', at: '2023-11-04 13:00', text: 'Achtung: heute zu.' },
    ]);
    expect(out).toBe(
      [
        '---',
        '# Der Dienst, wie er auf der Website steht',
        "title: 'Bürgerbüro'              # Pflicht",
        'status: unavailable                 # normal | limited | deferred | unavailable',
        'updated: "2023-11-04 13:00"',
        'summary: >-',
        '  Heute geschlossen.',
        'keywords: [Ausweis, Pass]',
        '',
        'channels:',
        '  - channel: phone',
        '    status: limited   # Telefon geht',
        '    value: 02921 / 103-2127',
        'updates:',
        '  - at: 2023-11-04 13:00',
        '    text: "Achtung: heute zu."',
        '  - at: 2023-11-03 14:17',
        '    text: Zuletzt geprüft.',
        '---',
        'Body with *Markdown*  ',
        '---',
        'and a rule.',
        '',
      ].join('\n'),
    );
  });

  test('CRLF line endings stay CRLF, new lines get them too, and a BOM stays', () => {
    const crlf = '\uFEFF' + written.replaceAll('\n', '\r\n');
    const out = editFile(crlf, [
      { op: 'set', path: ['status'], value: 'normal' },
      { op: 'set', path: ['summary'], value: 'Wieder offen.' },
      { op: 'addUpdate', at: '2023-11-04 13:00', text: 'Offen.' },
    ]);
    expect(out.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out).toContain('summary: >-\r\n  Wieder offen.\r\nkeywords');
    expect(out).toContain('updates:\r\n  - at: 2023-11-04 13:00\r\n    text: Offen.\r\n  - at: 2023-11-03 14:17\r\n');
    // The body, byte for byte.
    expect(out.slice(out.indexOf('\r\n---\r\nBody'))).toBe(crlf.slice(crlf.indexOf('\r\n---\r\nBody')));
  });

  test('a missing field is added after the field named, an empty one is filled, a field is removed', () => {
    const file = '---\ntitle: Cyberangriff\nstarted: 2023-10-30\nresolved:   # noch offen\nsince: 2023-10-30\nupdated: 2023-11-03\n---\n';
    expect(
      editFile(file, [
        { op: 'set', path: ['resolved'], value: '2023-11-04 13:00' },
        { op: 'set', path: ['summary'], value: 'Behoben.', after: ['title'] },
        { op: 'remove', key: 'since' },
      ]),
    ).toBe('---\ntitle: Cyberangriff\nsummary: Behoben.\nstarted: 2023-10-30\nresolved: 2023-11-04 13:00   # noch offen\nupdated: 2023-11-03\n---\n');
  });

  test('updates: created when missing, filled when empty, appended when written oldest first', () => {
    const entry = { op: 'addUpdate', at: '2023-11-04 13:00', text: 'Neu.' } as const;
    expect(editFile('---\ntitle: A\n---\nText\n', [entry])).toBe('---\ntitle: A\nupdates:\n  - at: 2023-11-04 13:00\n    text: Neu.\n---\nText\n');
    expect(editFile('---\ntitle: A\nupdates: []   # leer\nb: 1\n---\n', [entry])).toBe('---\ntitle: A\nupdates:   # leer\n  - at: 2023-11-04 13:00\n    text: Neu.\nb: 1\n---\n');
    expect(editFile('---\nupdates:\n---\n', [entry])).toBe('---\nupdates:\n  - at: 2023-11-04 13:00\n    text: Neu.\n---\n');
    const oldestFirst = '---\nupdates:\n- at: 2023-11-01\n  text: a\n- at: 2023-11-02\n  text: b\n---\n';
    expect(editFile(oldestFirst, [entry])).toBe('---\nupdates:\n- at: 2023-11-01\n  text: a\n- at: 2023-11-02\n  text: b\n- at: 2023-11-04 13:00\n  text: Neu.\n---\n');
    expect(editFile('---\nupdates: [{at: 2023-11-01, text: a}]\n---\n', [entry])).toBe(
      '---\nupdates: [{ at: 2023-11-04 13:00, text: Neu. }, {at: 2023-11-01, text: a}]\n---\n',
    );
  });

  test('addToList: a text joins a list however it is written', () => {
    const add = (file: string) => editFile(`---\nname: A\n${file}---\n`, [{ op: 'addToList', key: 'incidents', value: 'strom', after: ['name'] }]);
    expect(add('')).toBe('---\nname: A\nincidents: [strom]\n---\n');
    expect(add('incidents: []\n')).toBe('---\nname: A\nincidents: [strom]\n---\n');
    expect(add('incidents:   # Störungen\n')).toBe('---\nname: A\nincidents: [strom]   # Störungen\n---\n');
    expect(add('incidents: sit-2023\n')).toBe('---\nname: A\nincidents: [sit-2023, strom]\n---\n');
    expect(add("incidents: ['sit-2023']  # x\n")).toBe("---\nname: A\nincidents: ['sit-2023', strom]  # x\n---\n");
    expect(add('incidents:\n  - sit-2023\n')).toBe('---\nname: A\nincidents:\n  - sit-2023\n  - strom\n---\n');
  });

  test('a list written without indentation gets its new entry the same way', () => {
    const file = '---\ncontacts:\n- channel: phone\n  status: normal\n---\n';
    expect(editFile(file, [{ op: 'addUpdate', at: '2023-11-04', text: 'x' }])).toBe('---\ncontacts:\n- channel: phone\n  status: normal\nupdates:\n- at: 2023-11-04\n  text: x\n---\n');
  });

  test('refuses what it cannot change safely', () => {
    const code = (text: string, edit: Parameters<typeof editFile>[1][number]) => {
      try {
        editFile(text, [edit]);
        return 'changed';
      } catch (error) {
        return error instanceof EditError ? `${error.code} ${error.field}`.trim() : String(error);
      }
    };
    const set = { op: 'set', path: ['status'], value: 'normal' } as const;
    expect(code('title: A\n', set)).toBe('noFrontmatter');
    expect(code('---\ntitle: [A\n---\n', set)).toBe('yaml');
    expect(code('---\n- a\n---\n', set)).toBe('notMapping');
    expect(code('---\nstatus: [a]\n---\n', set)).toBe('notText status');
    expect(code('---\nupdates: {at: 2023-11-01, text: a}\n---\n', { op: 'addUpdate', at: '2023-11-04', text: 'x' })).toBe('notList updates');
    expect(code('---\nchannels: []\n---\n', { op: 'set', path: ['channels', 0, 'status'], value: 'normal' })).toBe('missingField channels.0.status');
  });
});

describe('helpers', () => {
  test('splitFrontMatter keeps the parts as written', () => {
    expect(splitFrontMatter('\n---\r\na: 1\r\n---\r\nBody')).toEqual({ before: '\n---\r\n', yaml: 'a: 1\r\n', after: '---\r\nBody' });
    expect(splitFrontMatter('no front matter')).toBeUndefined();
  });

  test('scalarText quotes only what YAML would read otherwise', () => {
    expect(scalarText('Geschlossen.')).toBe('Geschlossen.');
    expect(scalarText('2023-11-04 13:00')).toBe('2023-11-04 13:00');
    expect(scalarText('Achtung: zu')).toBe('"Achtung: zu"');
    expect(scalarText('2023')).toBe('"2023"');
    expect(scalarText('# kein Kommentar')).toBe('"# kein Kommentar"');
    expect(scalarText('zu', 'QUOTE_SINGLE')).toBe("'zu'");
  });
});
