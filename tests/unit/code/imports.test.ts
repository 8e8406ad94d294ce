/**
 * The one-way direction of the code (README, "How it is built"): core ← schema ← model ←
 * pages/cli. `src/core/` imports neither schema nor model; `src/schema/` imports from
 * `src/model/` only types (`import type`, erased when the code runs).
 */
import { describe, expect, it } from 'vitest';
import { importsOf, tsFiles } from './functions.ts';

const under = (folder: string) => (file: string | undefined) => file !== undefined && file.startsWith(`src/${folder}/`);

describe('import direction', () => {
  it('src/core imports nothing from src/schema or src/model', () => {
    const wrong = tsFiles('src/core').flatMap((file) =>
      importsOf(file)
        .filter((i) => under('schema')(i.file) || under('model')(i.file))
        .map((i) => `${file} → ${i.from}`),
    );
    expect(wrong).toEqual([]);
  });

  it('src/schema imports from src/model only types', () => {
    const wrong = tsFiles('src/schema').flatMap((file) =>
      importsOf(file)
        .filter((i) => under('model')(i.file) && !i.typeOnly)
        .map((i) => `${file} → ${i.from}`),
    );
    expect(wrong).toEqual([]);
  });

  it('sees a value import and a type import as what they are', () => {
    const imports = importsOf('src/schema/cross-file.ts');
    expect(imports).toContainEqual({ from: '../core/phone.ts', file: 'src/core/phone.ts', typeOnly: false });
    expect(imports).toContainEqual({ from: '../model/read.ts', file: 'src/model/read.ts', typeOnly: true });
  });
});
