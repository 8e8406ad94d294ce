/**
 * Every function in `src/**\/*.ts` is at most ~60 lines, so that each can be read at once and
 * is named after what it does. The few that stay longer are listed here, each with its reason.
 */
import { describe, expect, it } from 'vitest';
import { functionsOf, tsFiles } from './functions.ts';

const MAX_LINES = 60;

/** `file#name` → why the function stays longer. Keep this list short; it should only shrink. */
const allowed: Record<string, string> = {
  'src/hosting/service-worker.ts#offlineWorker':
    'shipped as its own source text (`offlineWorker.toString()` in sw.js): everything it uses must be inside it',
};

describe('function length', () => {
  const functions = tsFiles('src').flatMap(functionsOf);

  it(`no function in src/ is longer than ${MAX_LINES} lines, but those allowed with a reason`, () => {
    const long = functions.filter((f) => f.lines > MAX_LINES && !(`${f.file}#${f.name}` in allowed)).map((f) => `${f.file}#${f.name} (${f.lines} lines, line ${f.line})`);
    expect(long).toEqual([]);
  });

  it('every allowed function exists and is still long (else it leaves the list)', () => {
    const stillLong = new Set(functions.filter((f) => f.lines > MAX_LINES).map((f) => `${f.file}#${f.name}`));
    expect(Object.keys(allowed).filter((key) => !stillLong.has(key))).toEqual([]);
  });

  it('measures functions, methods and arrow functions', () => {
    const found = functionsOf('src/model/entries.ts').map((f) => f.name);
    expect(found).toEqual(expect.arrayContaining(['EntryReader.town', 'EntryReader.service']));
    expect(functions.find((f) => f.file === 'src/model/site.ts' && f.name === 'loadSite')!.lines).toBeLessThanOrEqual(MAX_LINES);
  });
});
