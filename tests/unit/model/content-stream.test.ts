/**
 * The content folder as a stream (src/model/read.ts, `streamContent`; issue 21): `loadSite`
 * validates each service as soon as it is parsed, while the YAML workers read and parse the rest. What
 * that must not change: the order of what is found, the settings of site.yaml for every service
 * (it comes first), the rules that need files read later (a service's incident), the planned
 * changes of the editor commands, and a failure that is not a content mistake.
 */
import { describe, expect, test, vi } from 'vitest';
import { collect, loadFile, readContent, streamContent, type Parsed, type YamlParser } from '../../../src/model/read.ts';
import { loadSite } from '../../../src/model/site.ts';
import { serviceSchema } from '../../../src/schema/index.ts';
import { base, contentFolder, incident, NOW, service, town, type Files } from '../support/content.ts';

const options = (cwd: string) => ({ urls: { base: '/' }, now: NOW, cwd });

/** A parser in this thread that answers a file only when the test lets it (`release`). */
function heldParser(hold: (file: string) => boolean) {
  const held: (() => void)[] = [];
  const parser: YamlParser = {
    load(kind, p, file, names) {
      const answer = () => loadFile(kind, p, file, names);
      if (!hold(file)) return Promise.resolve(answer());
      return new Promise<Parsed>((resolve) => held.push(() => resolve(answer())));
    },
  };
  return { parser, held, release: () => held.splice(0).forEach((go) => go()) };
}

const austria: Files = {
  ...base,
  // Vienna's time zone and Austria's numbers: valid only with the settings of site.yaml.
  'site.yaml': 'title: Notfall Test\noperator: Land Test\ncountry: AT\ntimezone: Europe/Vienna\n',
  'towns/soest/buergerbuero.md': service('channels:\n  - channel: phone\n    status: normal\n    value: 01 4000 8080\n'),
};

describe('the content folder as a stream', () => {
  test('gives what readContent gives, in the same order, site.yaml before any town', async () => {
    const { root, dir } = await contentFolder({
      ...base,
      'towns/soest/Bürgerbüro.md': service(),
      'towns/soest/standesamt.md': service(),
      'towns/werl/index.md': town('Werl'),
      'towns/werl/notes.txt': 'x',
      'incidents/cyber.md': incident(),
      'stray.md': 'x',
    });
    const stream = streamContent(dir, root);
    const found = [];
    for await (const item of stream) found.push(item.source?.file ?? item.errors.map((e) => `${e.code} ${e.file}`).join());
    expect(found).toEqual([
      'unexpectedFile content/stray.md',
      'content/site.yaml',
      'slug content/towns/soest/Bürgerbüro.md',
      'content/towns/soest/index.md',
      'content/towns/soest/standesamt.md',
      'unexpectedFile content/towns/werl/notes.txt',
      'content/towns/werl/index.md',
      'content/incidents/cyber.md',
    ]);
    // Read again: the same, from the start.
    const [again, once] = [await collect(stream), await readContent(dir, root)];
    expect(again.files.map((f) => f.file)).toEqual(once.files.map((f) => f.file));
    expect(again.errors).toEqual(once.errors);
  });

  test('a service is validated before the last file is parsed', async () => {
    const files: Files = { ...base, 'incidents/cyber.md': incident() };
    for (let i = 0; i < 5; i++) files[`towns/soest/dienst-${i}.md`] = service('incident: cyber\n');
    const { root, dir } = await contentFolder(files);
    const { parser, held, release } = heldParser((file) => file.endsWith('dienst-4.md'));
    const validate = vi.spyOn(serviceSchema, 'safeParse');
    try {
      const loading = loadSite(dir, { ...options(root), parser });
      await vi.waitFor(() => expect(held).toHaveLength(1));
      // The last service is held: the others are validated meanwhile, not after it.
      await vi.waitFor(() => expect(validate.mock.calls.length).toBeGreaterThanOrEqual(4), { timeout: 2000 });
      release();
      const result = await loading;
      expect(result.ok).toBe(true);
      expect(result.ok && result.site.towns[0]!.services.map((s) => s.slug).sort()).toEqual(['dienst-0', 'dienst-1', 'dienst-2', 'dienst-3', 'dienst-4']);
    } finally {
      validate.mockRestore();
      release();
    }
  });

  test("site.yaml's time zone and country apply to services validated while later files are parsed", async () => {
    const { root, dir } = await contentFolder({ ...austria, 'towns/werl/index.md': town('Werl') });
    const { parser, release } = heldParser((file) => file.endsWith('werl/index.md'));
    const loading = loadSite(dir, { ...options(root), parser });
    setTimeout(release, 20);
    const result = await loading;
    expect(result).toMatchObject({ ok: true });
    const service = result.ok ? result.site.towns.find((t) => t.slug === 'soest')!.services[0]! : undefined;
    expect(service?.channels[0]?.href).toBe('tel:+43140008080');
    expect(service?.updated.iso).toBe('2023-11-03T14:17:00+01:00');
  });

  test("a service's incident is checked once incidents/, read after the towns, is known", async () => {
    const { root, dir } = await contentFolder({
      ...base,
      'incidents/cyber.md': incident(),
      'towns/soest/gut.md': service('incident: cyber\n'),
      'towns/soest/falsch.md': service('incident: cyberr\n'),
    });
    const result = await loadSite(dir, options(root));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => [e.file, e.field, e.code, e.hint?.params])).toEqual([
      ['content/towns/soest/falsch.md', 'incident', 'unknownIncident', { suggestion: 'cyber' }],
    ]);
  });

  test('a site.yaml the editor commands are about to write applies to every service, though planned last', async () => {
    const { root, dir } = await contentFolder({ ...austria, 'site.yaml': null });
    const written = await loadSite(dir, options(root));
    expect(!written.ok && written.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['missingFile']));
    const planned = await loadSite(dir, { ...options(root), overlay: new Map([[`${dir}/site.yaml`, austria['site.yaml'] as string]]) });
    expect(planned.ok ? [] : planned.errors).toEqual([]);
    expect(planned.ok && planned.site.towns[0]!.services[0]!.channels[0]!.href).toBe('tel:+43140008080');
  });

  test('a parse that fails (a YAML worker that stopped) fails the load, and nothing is left unhandled', async () => {
    const { root, dir } = await contentFolder({ ...base, 'towns/soest/a.md': service(), 'towns/soest/b.md': service() });
    const stopped = new Error('a YAML worker stopped (exit code 1)');
    const parser: YamlParser = {
      load: (kind, p, file, names) => (file.endsWith('.md') ? Promise.reject(stopped) : Promise.resolve(loadFile(kind, p, file, names))),
    };
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await expect(loadSite(dir, { ...options(root), parser })).rejects.toBe(stopped);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
