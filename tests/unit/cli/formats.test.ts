/**
 * `check --format`: GitHub Actions workflow commands, a GitLab Code Quality report, JSON and the
 * default text, each with errors and with warnings, checked against the documented shapes:
 * - GitHub: `::error file={name},line={line},title={title}::{message}` (and `::warning`); in the
 *   message `%`, CR and LF are escaped as %25, %0D, %0A, in properties also `:` and `,` as
 *   %3A and %2C (docs.github.com, "Workflow commands for GitHub Actions").
 * - GitLab: a JSON array of objects with `description`, `check_name`, `fingerprint`,
 *   `severity` (info, minor, major, critical, blocker) and `location.path`,
 *   `location.lines.begin` (docs.gitlab.com, "Code Quality", report format).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { escapeGithubData, escapeGithubProperty, githubReport, gitlabIssues, gitlabReport, jsonReport, textReport } from '../../../src/cli/formats.ts';
import { main } from '../../../src/cli/check.ts';
import { contentFolder, load, md, NOW, service, town } from '../support/content.ts';

/** Two errors (one with a colon and a comma in what was found). */
const broken = () => load({ 'towns/soest/buergerbuero.md': service('', 'geschlossen'), 'towns/werl/index.md': town('Werl', 'parent: soest-x\n'), 'towns/lippstadt/index.md': town('Lippstadt', '', 'Siehe [a](/a:b,c/)\n') });
/** Valid, with one warning. */
const warned = () => load({ 'pages/impressum.md': md('title: Impressum, Kontakt\nexample: true') });

const githubLine = /^::(error|warning) file=[^,:\r\n]+(,line=[1-9]\d*)?,title=[^,:\r\n]*::[^\r\n]+$/;

/** GitLab's documented Code Quality entry, as a JSON Schema. */
const codeQualitySchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: { path: { type: 'string', minLength: 1 }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } } },
      },
    },
  },
};

describe('check --keep-last-good (issue 18): what the workflows on main publish instead of nothing', () => {
  test('the summary names the files that stay in their last version and says the rest goes out', async () => {
    const result = await broken();
    expect(textReport(result).trimEnd().split('\n').at(-1)).toBe('3 Fehler gefunden. Nichts wurde veröffentlicht.');
    expect(githubReport(result, { keepLastGood: true }).trimEnd().split('\n').at(-1)).toBe(
      '3 Fehler gefunden in: content/towns/lippstadt/index.md, content/towns/soest/buergerbuero.md, content/towns/werl/index.md. Diese Dateien gehen so nicht online: Die Website zeigt dort weiter die letzte fehlerfreie Fassung (gibt es keine, fehlt die Datei). Alle anderen Änderungen werden veröffentlicht; Einzelheiten im Protokoll des Bauens. Bitte die Fehler beheben.',
    );
    expect(JSON.parse(jsonReport(result, { keepLastGood: true })).summary).toMatch(/^3 Fehler gefunden in: .*Alle anderen Änderungen werden veröffentlicht/);
  });

  test('one error: the singular; without errors the option changes nothing', async () => {
    const one = await load({ 'towns/soest/buergerbuero.md': service('', 'geschlossen') });
    expect(textReport(one, { keepLastGood: true }).trimEnd().split('\n').at(-1)).toMatch(/^1 Fehler gefunden in: content\/towns\/soest\/buergerbuero\.md\. Diese Datei geht so nicht online/);
    const fine = await warned();
    expect(textReport(fine, { keepLastGood: true })).toBe(textReport(fine));
  });

  test('the command takes the option', async () => {
    const { dir } = await contentFolder({ 'towns/soest/buergerbuero.md': service('', 'geschlossen') });
    let text = '';
    expect(await main([dir, '--format', 'github', '--keep-last-good'], (chunk) => (text += chunk))).toBe(1);
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^\d+ Fehler gefunden in: .*buergerbuero\.md.*Alle anderen Änderungen werden veröffentlicht/);
  });
});

describe('github', () => {
  test('escaping as GitHub documents it', () => {
    expect(escapeGithubData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeGithubProperty('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab%3A c%2C d');
  });

  test('one ::error per error, with file, line and title; then the summary', async () => {
    const text = githubReport(await broken());
    expect(text).toMatchInlineSnapshot(`
      "::error file=content/towns/lippstadt/index.md,line=8,title=Aushang::Link auf „/a:b,c/“ — diese Seite gibt es auf der Website nicht
      ::error file=content/towns/soest/buergerbuero.md,line=3,title=Aushang%3A status::status: „geschlossen“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „unavailable“?)
      ::error file=content/towns/werl/index.md,line=7,title=Aushang%3A parent::parent: „soest-x“ — kein Ort dieses Namens; vorhanden: lippstadt, soest, werl
      3 Fehler gefunden. Nichts wurde veröffentlicht.
      "
    `);
    const lines = text.trimEnd().split('\n');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(githubLine);
  });

  test('warnings are ::warning', async () => {
    const text = githubReport(await warned());
    expect(text.split('\n')[0]).toMatch(githubLine);
    expect(text).toMatchInlineSnapshot(`
      "::warning file=content/pages/impressum.md,line=3,title=Aushang%3A example::example: Warnung: „Impressum, Kontakt“ ist noch als Beispiel markiert (example: true) — mit echten Angaben füllen und die Zeile entfernen
      Keine Fehler, 1 Warnung (wird trotzdem veröffentlicht). Orte: 1, Dienste: 0, Störungen: 0, Seiten: 1.
      "
    `);
  });

  test('a file name with a comma or a colon stays one property', async () => {
    const result = await load({ 'towns/soest/buergerbuero.md': service('', 'zu') });
    if (result.ok) throw new Error('expected an error');
    result.errors[0]!.file = 'content/a,b:c.md';
    expect(githubReport(result).split('\n')[0]).toMatch(/^::error file=content\/a%2Cb%3Ac\.md,line=3,/);
  });
});

describe('gitlab', () => {
  test('a Code Quality report: the documented fields, errors major, warnings minor', async () => {
    const validate = new Ajv({ strict: true }).compile(codeQualitySchema);
    for (const result of [await broken(), await warned()]) {
      const report = JSON.parse(gitlabReport(result)) as unknown;
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(gitlabIssues(await broken())[1]).toEqual({
      description: 'status: „geschlossen“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „unavailable“?)',
      check_name: 'aushang-enum',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'major',
      location: { path: 'content/towns/soest/buergerbuero.md', lines: { begin: 3 } },
    });
    expect(gitlabIssues(await warned()).map((i) => i.severity)).toEqual(['minor']);
  });

  test('fingerprints are unique, stable across runs and do not change when only the line moves', async () => {
    const first = gitlabIssues(await broken()).map((i) => i.fingerprint);
    expect(new Set(first).size).toBe(first.length);
    expect(gitlabIssues(await broken()).map((i) => i.fingerprint)).toEqual(first);
    const moved = gitlabIssues(await load({ 'towns/soest/buergerbuero.md': service('order: 1\n', 'geschlossen') }));
    const before = gitlabIssues(await load({ 'towns/soest/buergerbuero.md': service('', 'geschlossen') }));
    expect(moved[0]!.fingerprint).toBe(before[0]!.fingerprint);
  });

  test('the same problem twice still gets two fingerprints', async () => {
    const result = await load({ 'towns/soest/index.md': town('Soest', '', '[a](/x/)\n\n[b](/x/)\n') });
    const issues = gitlabIssues(result);
    expect(issues).toHaveLength(2);
    expect(issues[0]!.fingerprint).not.toBe(issues[1]!.fingerprint);
  });

  test('no problem: an empty array', async () => {
    expect(gitlabReport(await load({}))).toBe('[]\n');
  });
});

describe('json', () => {
  test('every problem with severity, place, code, message and text; the counts', async () => {
    const report = JSON.parse(jsonReport(await broken()));
    expect(report).toMatchObject({ ok: false, language: 'de', errors: 3, warnings: 0, summary: '3 Fehler gefunden. Nichts wurde veröffentlicht.' });
    expect(report.problems[1]).toEqual({
      severity: 'error',
      file: 'content/towns/soest/buergerbuero.md',
      line: 3,
      field: 'status',
      code: 'enum',
      message: '„geschlossen“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „unavailable“?)',
      text: 'content/towns/soest/buergerbuero.md:3: status: „geschlossen“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „unavailable“?)',
    });
    const ok = JSON.parse(jsonReport(await warned()));
    expect(ok).toMatchObject({ ok: true, errors: 0, warnings: 1 });
    expect(ok.problems[0]).toMatchObject({ severity: 'warning', code: 'examplePage', field: 'example', line: 3 });
  });
});

describe('text', () => {
  test('warnings like errors, marked, and counted in the summary', async () => {
    expect(textReport(await warned())).toMatchInlineSnapshot(`
      "content/pages/impressum.md:3: example: Warnung: „Impressum, Kontakt“ ist noch als Beispiel markiert (example: true) — mit echten Angaben füllen und die Zeile entfernen

      Keine Fehler, 1 Warnung (wird trotzdem veröffentlicht). Orte: 1, Dienste: 0, Störungen: 0, Seiten: 1.
      "
    `);
    const two = await load({ 'pages/impressum.md': md('title: Impressum\nexample: true'), 'pages/datenschutz.md': md('title: Datenschutz\nexample: true'), 'site.yaml': 'title: T\noperator: O\nlanguage: en\n' });
    expect(textReport(two).trimEnd().split('\n').at(-1)).toBe('No errors, 2 warnings (published all the same). Towns: 1, services: 0, incidents: 0, pages: 2.');
  });
});

describe('the command', () => {
  const run = async (args: string[]) => {
    let out = '';
    const code = await main(args, (text) => (out += text));
    return { code, out };
  };

  test('--format chooses the output; the exit code is 1 on errors, 0 with warnings only', async () => {
    const { dir } = await contentFolder({ 'site.yaml': 'title: T\noperator: O\n', 'towns/soest/index.md': town('Soest').replace('status: limited', 'status: zu') });
    const errors = await run([dir, '--format', 'github']);
    expect(errors.code).toBe(1);
    expect(errors.out.split('\n')[0]).toMatch(/^::error file=.*towns\/soest\/index\.md,line=5,title=Aushang%3A status::status: „zu“/);
    const good = await contentFolder({ 'site.yaml': 'title: T\noperator: O\n', 'towns/soest/index.md': town('Soest'), 'pages/impressum.md': md('title: Impressum\nexample: true') });
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = String(NOW / 1000);
    try {
      const json = await run([good.dir, '--format=json']);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.out)).toMatchObject({ ok: true, errors: 0, warnings: 1 });
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  test('--output writes the report to a file and the text to the log', async () => {
    const { root, dir } = await contentFolder({ 'site.yaml': 'title: T\noperator: O\n', 'towns/soest/index.md': town('Soest').replace('status: limited', 'status: zu') });
    const file = path.join(root, 'gl-code-quality-report.json');
    const { code, out } = await run([dir, '--format', 'gitlab', '--output', file]);
    expect(code).toBe(1);
    expect(out).toContain('status: „zu“ — erlaubt: normal, limited, deferred, unavailable\n\n1 Fehler gefunden.');
    const report = JSON.parse(await readFile(file, 'utf8'));
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({ check_name: 'aushang-enum', severity: 'major', location: { lines: { begin: 5 } } });
  });

  test('a wrong format or option: exit code 2 and what is allowed', async () => {
    expect(await run(['--format', 'xml'])).toEqual({ code: 2, out: '--format xml: allowed: text, github, gitlab, json\n' });
    expect((await run(['--formaat', 'json'])).code).toBe(2);
  });
});
