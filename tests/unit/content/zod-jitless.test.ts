/**
 * The content schemas run zod without its generated parsers (src/schema/index.ts): a check
 * validates each shape a few thousand times in a cold process, where compiling a parser per
 * object schema costs more than it saves (docs/performance.md, issue 21, session 10). zod
 * compiles them with `new Function`; a check that constructs no function from text uses none.
 */
import { afterEach, expect, test } from 'vitest';
import { z } from 'zod';
import { load, md, service, town } from '../support/content.ts';

const realFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = realFunction;
});

/** Counts the functions made from text while `run` runs. */
async function functionsMadeDuring(run: () => Promise<unknown>): Promise<number> {
  let made = 0;
  globalThis.Function = new Proxy(realFunction, {
    construct(target, args: string[]) {
      made += 1;
      return Reflect.construct(target, args);
    },
    apply(target, self, args: string[]) {
      made += 1;
      return Reflect.apply(target, self, args);
    },
  });
  try {
    await run();
  } finally {
    globalThis.Function = realFunction;
  }
  return made;
}

test('zod is configured without generated parsers once the schemas are loaded', async () => {
  await import('../../../src/schema/index.ts');
  expect(z.config().jitless).toBe(true);
});

test('checking valid and broken content makes no function from text', async () => {
  const files = {
    'towns/soest/index.md': town('Soest', 'staus: limited\n'),
    'towns/soest/buergerbuero.md': service('tasks:\n  - title: Ausweis\n    status: normal\n    channels:\n      - channel: phone\n        status: normal\n        value: "02921 103-0"\n'),
    'towns/soest/gewerbe.md': service('tasks:\n  - title: 5\n    status: offen\n', 'geschlossen'),
    'pages/impressum.md': md('title: Impressum', 'Verantwortlich: Kreis Test\n'),
  };
  let result: Awaited<ReturnType<typeof load>> | undefined;
  const made = await functionsMadeDuring(async () => {
    result = await load(files);
  });
  // The content was really validated: the broken files' errors are there.
  expect(result?.ok).toBe(false);
  expect(!result?.ok && result?.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['unknownField']));
  expect(made).toBe(0);
});
