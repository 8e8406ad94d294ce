/** `npm run check`: prints every error, then a summary; exit code 1 on errors, 0 when clean. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentDir } from '../../../src/cli/check.ts';
import { report } from '../../../src/cli/formats.ts';
import { contentFolder, load, md, NOW, service, town } from '../support/content.ts';

const run = (result: Awaited<ReturnType<typeof load>>) => {
  const lines: string[] = [];
  const code = report(result, (line) => lines.push(line));
  return { code, text: lines.join('\n') };
};

describe('report', () => {
  test('clean content: a summary and exit code 0', async () => {
    const { code, text } = run(
      await load({
        'towns/soest/buergerbuero.md': service(),
        'towns/soest/gewerbe.md': service(),
        'towns/werl/index.md': town('Werl'),
        'pages/impressum.md': md('title: Impressum'),
      }),
    );
    expect(code).toBe(0);
    expect(text).toMatchInlineSnapshot(`"Keine Fehler. Orte: 2, Dienste: 2, Störungen: 0, Seiten: 1."`);
  });

  test('one error: the message, a blank line, the singular summary, exit code 1', async () => {
    const { code, text } = run(await load({ 'towns/soest/buergerbuero.md': service('', 'geschlossen') }));
    expect(code).toBe(1);
    expect(text).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:3: status: „geschlossen“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „unavailable“?)

      1 Fehler gefunden. Nichts wurde veröffentlicht."
    `);
  });

  test('several errors: the plural summary', async () => {
    const { code, text } = run(await load({ 'towns/soest/buergerbuero.md': service('', 'geschlossen'), 'towns/werl/index.md': town('Werl', 'parent: soest-x\n') }));
    expect(code).toBe(1);
    expect(text).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:3: status: „geschlossen“ — erlaubt: normal, limited, deferred, unavailable (meinten Sie „unavailable“?)
      content/towns/werl/index.md:7: parent: „soest-x“ — kein Ort dieses Namens; vorhanden: soest, werl

      2 Fehler gefunden. Nichts wurde veröffentlicht."
    `);
  });

  test('in the site language', async () => {
    const { code, text } = run(await load({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\n', 'towns/soest/buergerbuero.md': service('', 'geschlossen') }));
    expect(code).toBe(1);
    expect(text).toMatchInlineSnapshot(`
      "content/towns/soest/buergerbuero.md:3: status: "geschlossen" — allowed: normal, limited, deferred, unavailable (did you mean "unavailable"?)

      1 error found. Nothing was published."
    `);
    const ok = run(await load({ 'site.yaml': 'title: T\noperator: O\nlanguage: en\n' }));
    expect(ok.text).toMatchInlineSnapshot(`"No errors. Towns: 1, services: 0, incidents: 0, pages: 0."`);
  });

  test('contentDir: the argument, else AUSHANG_CONTENT, else content/', () => {
    expect(contentDir('x/y')).toBe(path.resolve('x/y'));
    const saved = process.env.AUSHANG_CONTENT;
    try {
      delete process.env.AUSHANG_CONTENT;
      expect(contentDir()).toBe(path.resolve('content'));
      process.env.AUSHANG_CONTENT = 'elsewhere';
      expect(contentDir()).toBe(path.resolve('elsewhere'));
    } finally {
      if (saved === undefined) delete process.env.AUSHANG_CONTENT;
      else process.env.AUSHANG_CONTENT = saved;
    }
  });
});

// Each test starts the real command in a child process: seconds on a busy 2-core machine.
describe('the command', { timeout: 60_000 }, () => {
  const cli = path.resolve('src/cli/check.ts');

  test('exits 1 and prints the errors with paths relative to the working directory', async () => {
    const { root } = await contentFolder({
      'site.yaml': 'title: T\noperator: O\n',
      'towns/soest/index.md': town('Soest').replace('status: limited', 'status: zu'),
    });
    const result = spawnSync(process.execPath, [cli, 'content'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatchInlineSnapshot(`
      "content/towns/soest/index.md:5: status: „zu“ — erlaubt: normal, limited, deferred, unavailable

      1 Fehler gefunden. Nichts wurde veröffentlicht.
      "
    `);
  });

  test('exits 0 on clean content', async () => {
    const { root } = await contentFolder({ 'site.yaml': 'title: T\noperator: O\n', 'towns/soest/index.md': town('Soest') });
    // The build time the content is fresh at: no warning either.
    const env = { ...process.env, NODE_NO_WARNINGS: '1', SOURCE_DATE_EPOCH: String(NOW / 1000) };
    const result = spawnSync(process.execPath, [cli, 'content'], { cwd: root, encoding: 'utf8', env });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Keine Fehler. Orte: 1, Dienste: 0, Störungen: 0, Seiten: 0.
      "
    `);
  });
});
