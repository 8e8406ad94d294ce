/**
 * Every vocabulary group through a real Pagefind index, generated from the data so that a new
 * group is tested the day it is added: one site per language with one town per group; the town
 * has two services, one whose task says only the group's first member, one only its second.
 * A query for each member, with the town filter, must find a service that says another member.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { vocabularyFor } from '../../src/vocabulary/index.ts';
import { pagefindInNode, type NodePagefind } from '../support/pagefind-node.ts';
import { buildOnce, tempDir } from '../support/build.ts';

const q = (text: string) => JSON.stringify(text);

/** A content folder: town `ort-N` for group N, with services `eintrag-1` (first member) and `eintrag-2` (second). */
function vocabularySite(language: 'de' | 'en'): string {
  const content = path.join(tempDir('aushang-vocabulary-'), 'content');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), text);
  };
  write('site.yaml', `title: Vokabeltest\noperator: Test\nlanguage: ${language}\n`);
  vocabularyFor(language)!.groups.forEach((group, index) => {
    const town = `towns/ort-${index + 1}`;
    write(`${town}/index.md`, `---\nname: Ort ${index + 1}\nkind: Stadt\nupdated: 2023-11-03 14:17\nstatus: limited\nsummary: Ort.\n---\n`);
    for (const [n, member] of [group[0]!, group[1]!].entries()) {
      write(`${town}/eintrag-${n + 1}.md`, `---\ntitle: Eintrag ${n + 1}\nstatus: limited\nupdated: 2023-11-03 14:17\nsummary: Eintrag.\ntasks:\n  - title: ${q(member)}\n    status: limited\n---\n`);
    }
  });
  return content;
}

for (const language of ['de', 'en'] as const) {
  describe(`${language}: a query for each member finds a page that uses only another member`, () => {
    const groups = vocabularyFor(language)!.groups;
    let pagefind: NodePagefind;
    beforeAll(async () => {
      pagefind = await pagefindInNode(buildOnce(vocabularySite(language)), language);
    });
    afterAll(() => pagefind?.close());

    test(`all ${groups.length} groups`, async () => {
      const missed: string[] = [];
      for (const [index, group] of groups.entries()) {
        for (const [position, member] of group.entries()) {
          // The first member must find the service of the second; every other one that of the first.
          const other = position === 0 ? 2 : 1;
          const results = await pagefind.search(member, { town: `Ort ${index + 1}` });
          if (!results.some((r) => r.url === `/ort-${index + 1}/eintrag-${other}/`)) {
            missed.push(`"${member}" did not find "${group[other - 1]}" (group ${index + 1})`);
          }
        }
      }
      expect(missed).toEqual([]);
    });
  });
}
