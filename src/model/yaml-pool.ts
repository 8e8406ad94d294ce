/**
 * Reading and YAML parsing in worker threads, for the commands that read a large content folder
 * (issue 21: `check` of a district in a second). This thread lists the folders (read.ts); each
 * worker reads the files it is sent and parses them (`loadFile`: the file checks, then parse.ts:
 * decoding, front matter, YAML, the safety rules of content format 1.2) and sends back plain
 * data, the errors and the line table, the very answers of a read in this thread. The workers
 * are this module itself, started again as a worker: no other script has to exist beside it (the
 * compiled package runs lib/model/yaml-pool.js the same way).
 *
 * Only a command run by Node uses a pool, and only for more files than pay for the workers'
 * start (`yamlPoolSize`); `loadSite` inside Astro's bundle (astro dev, the pages) reads in its
 * own thread. The module loads nothing heavy, so a command can start the workers before it
 * imports the rest, and their start overlaps its own module loading.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { SourceKind } from './parse.ts';
import type { Parsed, YamlParser } from './read.ts';

type Job = { id: number; kind: SourceKind; path: string; file: string; names: { slug: string; town?: string } };
type Done = { id: number; parsed: Parsed };

/** What the main thread puts in `workerData`, so that only a worker started here serves. */
const WORKER_MARK = 'aushang-yaml-worker';

/** Fewer files than this are parsed faster in the thread than a worker starts (≈ 0.1 s CPU each). */
const MIN_FILES_PER_WORKER = 200;
const MAX_WORKERS = 8;
/** Files sent to a worker in one message. */
const BATCH = 16;

/**
 * The stack of the main thread (V8's default, 984 KB) plus what Node keeps free below a
 * worker's stack limit (192 KB): nesting that exhausts the stack in the thread (content format
 * 1.2, "Sichere Eingaben") exhausts it in a worker too, with the same error.
 */
const STACK_MB = (984 + 192) / 1024;

/** How many content files a folder holds, counted from the folder listings alone (no file is read). */
export function contentFileCount(dir: string): number {
  const markdown = (folder: string) => {
    try {
      return readdirSync(folder).filter((name) => name.endsWith('.md')).length;
    } catch {
      return 0;
    }
  };
  let towns: string[];
  try {
    towns = readdirSync(path.join(dir, 'towns'));
  } catch {
    towns = [];
  }
  return towns.reduce((sum, town) => sum + markdown(path.join(dir, 'towns', town)), 0) + markdown(path.join(dir, 'incidents')) + markdown(path.join(dir, 'pages'));
}

/**
 * Workers for so many files: one per core but the one this thread needs (it loads the modules
 * of the check and reads the files meanwhile), at most 8, one per 200 files; none on one core.
 * On two cores one worker beat two (docs/performance.md, issue 21, session 6).
 */
export function yamlPoolSize(files: number, cores = os.availableParallelism()): number {
  return Math.max(0, Math.min(cores - 1, MAX_WORKERS, Math.floor(files / MIN_FILES_PER_WORKER)));
}

export interface YamlPool extends YamlParser {
  /** Ends the workers; parses still waiting fail. */
  close(): Promise<void>;
}

interface Waiting {
  resolve: (parsed: Parsed) => void;
  reject: (error: unknown) => void;
}

/** Starts `size` workers (at least one). A worker that fails or stops fails every parse, waiting or to come. */
export function startYamlPool(size: number): YamlPool {
  const workers = Array.from({ length: Math.max(1, size) }, () => new Worker(new URL(import.meta.url), { workerData: WORKER_MARK, resourceLimits: { stackSizeMb: STACK_MB } }));
  const waiting = new Map<number, Waiting>();
  const inFlight = workers.map(() => 0);
  const queue: Job[] = [];
  let nextId = 0;
  let broken: Error | undefined;
  const fail = (error: Error) => {
    broken ??= error;
    for (const job of waiting.values()) job.reject(broken);
    waiting.clear();
    queue.length = 0;
  };
  workers.forEach((worker, i) => {
    // An idle worker does not keep the process alive; one with files to parse does.
    worker.unref();
    worker.on('message', (done: Done[]) => {
      inFlight[i]! -= done.length;
      if (inFlight[i] === 0) worker.unref();
      for (const { id, parsed } of done) {
        waiting.get(id)?.resolve(parsed);
        waiting.delete(id);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a YAML worker stopped (exit code ${code})`)));
  });
  /** One batch to the worker with least to do. */
  const post = (batch: Job[]) => {
    const i = inFlight.indexOf(Math.min(...inFlight));
    inFlight[i]! += batch.length;
    workers[i]!.ref();
    workers[i]!.postMessage(batch);
  };
  // A full batch leaves at once, so the workers read while this thread still lists the folders
  // (in one go); what is left leaves once this thread has nothing else to do.
  const flush = () => {
    if (queue.length > 0) post(queue.splice(0));
  };
  return {
    load(kind, path, file, names) {
      const id = nextId++;
      const parsed = new Promise<Parsed>((resolve, reject) => (broken ? reject(broken) : waiting.set(id, { resolve, reject })));
      // Marked as handled: a failure surfaces where the reader awaits every file, not as an unhandled rejection before.
      parsed.catch(() => {});
      if (broken) return parsed;
      queue.push({ id, kind, path, file, names });
      if (queue.length >= BATCH) post(queue.splice(0));
      else if (queue.length === 1) setImmediate(flush);
      return parsed;
    },
    async close() {
      broken ??= new Error('the YAML workers are closed');
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/**
 * The `yaml` parser reads `process.env.LOG_TOKENS` for every token it sees (a debug switch). In
 * a thread `process.env` is no plain object: each read asks Node's store of the variables,
 * ≈ 0.3 µs, ≈ 0.2 s of the district's parse (docs/performance.md, issue 21, session 7). A
 * worker only parses, so it gets a plain object with the same variables instead.
 */
export function plainEnvironment(): void {
  process.env = { ...process.env };
}

/** A worker: reads and parses each batch of files it is sent and answers with the results, in order. */
async function serve(): Promise<void> {
  plainEnvironment();
  const { loadFile } = await import('./read.ts');
  parentPort!.on('message', (jobs: Job[]) => {
    parentPort!.postMessage(jobs.map((job): Done => ({ id: job.id, parsed: loadFile(job.kind, job.path, job.file, job.names) })));
  });
}

if (!isMainThread && workerData === WORKER_MARK) await serve();
