/**
 * `npm run verify -- [<url>…] [--all] [--manifest-sha256 <hash>] [--against <dist>]`: checks that
 * a deployed copy of the site is complete and unchanged; without a URL (or with `--all`) every
 * address of site.yaml (`url` and `mirrors`), each reported on its own. Fetches `<url>/manifest.json` and every
 * file it lists and compares sizes and SHA-256 hashes. The copy's manifest is anchored by
 * `--manifest-sha256` (the hash the build printed: a manifest with other bytes is refused) or
 * by `--against dist` (the copy must be exactly the local build, its manifest and every file of
 * it; a file of the folder that its manifest lacks is listed too). Prints every difference;
 * exit 0 when identical, 1 on any difference or when the copy cannot be read, 2 on wrong
 * arguments.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ManifestError, parseManifest, type Manifest } from '../hosting/manifest.ts';
import { MANIFEST_FILE } from '../hosting/policy.ts';
import { verifyCopy, VerifyError, type ProblemKind } from '../hosting/verify.ts';
import { AddressError, siteAddresses } from '../hosting/addresses.ts';
import { listFiles } from '../hosting/write.ts';

const usage = `Usage: npm run verify -- [<url>…] [--all] [--content <folder>] [--manifest-sha256 <hash>] [--against <folder>] [--concurrency <n>] [--timeout <seconds>]

  <url>…              the copy's address, with its path: https://www.example.de/notfall/
                      (several: each is checked and reported on its own)
                      Without one: every address in site.yaml, its url (or SITE_URL) and
                      each of its mirrors, one after the other, each reported on its own.
  --all               the URLs given and every address in site.yaml
  --content <folder>  where site.yaml is (default: content)
  --manifest-sha256 <hash>
                      the SHA-256 of the build's manifest.json, as the build printed it
                      ("manifest.json sha256: …"): a copy serving another manifest is refused.
                      Without it (or --against) the copy is checked only against the manifest
                      it serves itself, which whoever changes a page can change too.
  --against <folder>  also require the copy to be exactly this build (its manifest.json),
                      e.g. --against dist; files of the folder that its manifest lacks are listed
                      (--manifest-sha256 and --against apply to every copy checked)
  --concurrency <n>   requests at once (default 8)
  --timeout <s>       seconds per request (default 20); failed requests are tried 3 times

Exit status: 0 every copy identical, 1 any difference or a copy cannot be read, 2 wrong arguments.`;

class UsageError extends Error {}

function positiveNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} needs a positive number, not "${value}"`);
  return n;
}

/** `--manifest-sha256`: 64 hex digits (a `sha256sum` line is accepted too: its first word). */
function sha256Option(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const hash = value.trim().split(/\s+/)[0]!.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new UsageError(`--manifest-sha256 needs the 64 hex digits the build printed ("manifest.json sha256: …"), not "${value}"`);
  return hash;
}

/** The local build's manifest and, for a folder, the files in it. */
async function readLocalManifest(location: string): Promise<{ manifest: Manifest; file: string; files?: string[] }> {
  const info = await stat(location).catch(() => null);
  if (!info) throw new UsageError(`--against ${location}: no such folder or file`);
  const file = info.isDirectory() ? path.join(location, MANIFEST_FILE) : location;
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) throw new UsageError(`--against ${location}: ${file} does not exist (run npm run build first)`);
  try {
    return { manifest: parseManifest(text), file, ...(info.isDirectory() ? { files: await listFiles(location) } : {}) };
  } catch (error) {
    if (error instanceof ManifestError) throw new UsageError(`--against ${location}: ${file} ${error.message}`);
    throw error;
  }
}

const labels: Record<ProblemKind, string> = {
  missing: 'missing  ',
  changed: 'changed  ',
  extra: 'extra    ',
  unlisted: 'unlisted ',
  unchecked: 'unchecked',
};

/** The copies to check: the URLs given; without one, or with --all besides them, every address of site.yaml. */
async function copiesToCheck(given: readonly string[], all: boolean, content: string | undefined): Promise<string[]> {
  if (given.length > 0 && !all) return [...new Set(given)];
  let listed: string[];
  try {
    listed = await siteAddresses(path.resolve(content ?? process.env.AUSHANG_CONTENT ?? 'content'));
  } catch (error) {
    if (error instanceof AddressError) throw new UsageError(`which copy? give its URL, or name url: and mirrors: in site.yaml (${error.message})`);
    throw error;
  }
  const urls = [...new Set([...given, ...listed])];
  if (urls.length === 0) throw new UsageError('which copy? give its URL, or name url: and mirrors: in site.yaml');
  return urls;
}

interface CheckOptions {
  local: Awaited<ReturnType<typeof readLocalManifest>> | undefined;
  manifestSha256: string | undefined;
  concurrency: number;
  timeoutMs: number;
}

/** Checks one copy and prints its report; true when it is complete and identical. */
async function verifyOne(url: string, { local, manifestSha256, concurrency, timeoutMs }: CheckOptions): Promise<boolean> {
  let report;
  try {
    report = await verifyCopy({ url, against: local?.manifest, againstFiles: local?.files, manifestSha256, concurrency, timeoutMs });
  } catch (error) {
    if (error instanceof VerifyError) {
      console.error(`NOT OK: ${error.message}`);
      return false;
    }
    throw error;
  }
  const anchor = manifestSha256 ? `, whose sha256 is the build's` : '';
  const reference = local ? `the local build (${path.relative(process.cwd(), local.file) || local.file})` : `its ${MANIFEST_FILE}${anchor}`;
  console.log(`Checked ${report.checked} files of ${report.url} against ${reference}.`);
  for (const problem of report.problems) console.log(`  ${labels[problem.kind]}  ${problem.path}  (${problem.detail})`);
  if (report.problems.length === 0) {
    console.log('OK: the copy is complete and every file is identical.');
    return true;
  }
  const counts = (Object.keys(labels) as ProblemKind[])
    .map((kind) => [kind, report.problems.filter((p) => p.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  console.log(`NOT OK: ${report.problems.length} difference${report.problems.length === 1 ? '' : 's'} (${counts}).`);
  return false;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        against: { type: 'string' },
        all: { type: 'boolean' },
        content: { type: 'string' },
        'manifest-sha256': { type: 'string' },
        concurrency: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${usage}`);
    return 2;
  }
  if (args.values.help) {
    console.log(usage);
    return 0;
  }
  try {
    const concurrency = Math.floor(positiveNumber(args.values.concurrency, 'concurrency', 8));
    const timeoutMs = positiveNumber(args.values.timeout, 'timeout', 20) * 1000;
    const manifestSha256 = sha256Option(args.values['manifest-sha256']);
    const local = args.values.against ? await readLocalManifest(path.resolve(args.values.against)) : undefined;
    const urls = await copiesToCheck(args.positionals, args.values.all === true, args.values.content);

    const results: boolean[] = [];
    for (const [i, url] of urls.entries()) {
      if (i > 0) console.log('');
      results.push(await verifyOne(url, { local, manifestSha256, concurrency, timeoutMs }));
    }
    if (urls.length > 1) {
      const failed = urls.filter((_, i) => !results[i]);
      console.log('');
      if (failed.length === 0) console.log(`OK: all ${urls.length} copies are complete and identical.`);
      else console.log(`NOT OK: ${failed.length} of ${urls.length} copies differ or cannot be read: ${failed.join(', ')}`);
    }
    return results.every(Boolean) ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Anything unexpected: one line, not a stack trace.
  console.error(`NOT OK: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
