/**
 * Global setup of the build and browser projects (vitest.config.ts): one temporary folder per
 * `vitest run` in which `buildOnce` (build.ts) keeps each build, so test files that need the
 * same content in the same environment share one build. Both projects run this file in the
 * one Vitest process; the first makes the folder, the last to finish removes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder of shared builds (see build.ts). */
    buildCache: string;
  }
}

interface Shared {
  dir: string;
  users: number;
}

const key = Symbol.for('aushang.buildCache');
const holder = globalThis as typeof globalThis & { [key]?: Shared };

export default function setup(project: TestProject): () => void {
  const shared = (holder[key] ??= { dir: mkdtempSync(path.join(os.tmpdir(), 'aushang-builds-')), users: 0 });
  shared.users += 1;
  project.provide('buildCache', shared.dir);
  return () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    rmSync(shared.dir, { recursive: true, force: true });
    delete holder[key];
  };
}
