/**
 * `npm run check [content-folder] [-- --format text|github|gitlab|json] [-- --output <file>] [-- --keep-last-good]`:
 * validates every content file and prints every error at once as
 * `path:line: field: found — allowed (hint)`, then the warnings. Exit 0 when there is no error
 * (warnings or not), 1 on any error, 2 on a wrong option.
 *
 * `--format` chooses the output (`src/cli/formats.ts`); `--output` writes it to a file (what
 * GitLab CI needs for its Code Quality artifact) and prints the human text as well.
 * `--keep-last-good`: the build that follows publishes with `--keep-last-good` (the workflows on
 * the main branch), so the summary names the files that stay in their last version without
 * errors instead of saying that nothing was published.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentFileCount, startYamlPool, yamlPoolSize, type YamlPool } from '../model/yaml-pool.ts';
import { useCompileCache } from './process.ts';

export function contentDir(argument?: string): string {
  return path.resolve(argument ?? process.env.AUSHANG_CONTENT ?? 'content');
}

/**
 * The YAML workers for a large content folder, started first: they load while this thread
 * loads the modules of the check (imported only then, in `main`), ≈ half a second.
 */
export function yamlWorkersFor(dir: string): YamlPool | undefined {
  const size = yamlPoolSize(contentFileCount(dir));
  return size > 0 ? startYamlPool(size) : undefined;
}

/** The command: parses the arguments, loads, writes; returns the exit code. */
export async function main(args: string[], write: (text: string) => void = (text) => process.stdout.write(text)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { format: { type: 'string', default: 'text' }, output: { type: 'string' }, 'keep-last-good': { type: 'boolean', default: false } }, allowPositionals: true });
  } catch (error) {
    write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const dir = contentDir(positionals[0]);
  const parser = yamlWorkersFor(dir);
  try {
    // The files are read (and parsed, by the workers) while the check's other modules load.
    const read = import('../model/read.ts').then(({ streamContent }) => streamContent(dir, process.cwd(), parser));
    read.catch(() => {});
    const [{ formats, isFormat, render, textReport }, { loadSite }, { buildTime }, { urlSettingsFromEnv }] = await Promise.all([
      import('./formats.ts'),
      import('../model/site.ts'),
      import('../model/view.ts'),
      import('../model/urls.ts'),
    ]);
    if (!isFormat(values.format)) {
      write(`--format ${values.format}: allowed: ${formats.join(', ')}\n`);
      return 2;
    }
    // Warnings about age are relative to the build time, as on the pages (SOURCE_DATE_EPOCH).
    const result = await loadSite(dir, { urls: urlSettingsFromEnv(), builtAt: buildTime(), read, checkOnly: true });
    const options = { keepLastGood: values['keep-last-good'] };
    if (values.output) {
      await writeFile(values.output, render(values.format, result, options));
      write(textReport(result, options));
    } else {
      write(render(values.format, result, options));
    }
    return result.ok ? 0 : 1;
  } finally {
    await parser?.close();
  }
}

/**
 * What a command prints when something fails that is not a content mistake (those are errors in
 * the report, never exceptions): one line, no stack trace, exit 70. The fuzz test
 * (tests/unit/content/fuzz.test.ts) makes sure editor input never gets here.
 */
export function internalFailure(command: string, error: unknown): number {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  process.stderr.write(`aushang ${command}: internal failure, not a mistake in the content (please report it): ${message}\n`);
  return 70;
}

if (import.meta.main) {
  // The modules of a check load from Node's compile cache the next time; the YAML workers too.
  useCompileCache();
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    process.exitCode = internalFailure('check', error);
  }
}
