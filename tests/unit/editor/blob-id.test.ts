/**
 * The web editor's "Ist es online?" compares the id of the saved file with the one the published
 * build lists: the browser's id (src/editor/blob-id.ts, WebCrypto) and the build's
 * (src/core/git-blob.ts, node:crypto) must both be Git's own, whatever the file holds.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { blobId } from '../../../src/editor/blob-id.ts';
import { gitBlobId } from '../../../src/core/git-blob.ts';

const hashObject = (bytes: Uint8Array) => execFileSync('git', ['hash-object', '--stdin'], { input: bytes, encoding: 'utf8' }).trim();

const contents: [string, Uint8Array][] = [
  ['empty', new Uint8Array()],
  ['a notice', new TextEncoder().encode('---\ntitle: Bürgerbüro\nstatus: limited\n---\nGeöffnet. 😀\n')],
  ['CRLF line ends', new TextEncoder().encode('---\r\ntitle: x\r\n---\r\n')],
  ['a byte order mark', new TextEncoder().encode('\uFEFFtitle: x\n')],
  ['not UTF-8, with NUL', new Uint8Array([0xfc, 0x00, 0xff, 0x0a, 0x00])],
  ['large', new TextEncoder().encode('Zeile mit Umlauten äöü\n'.repeat(20_000))],
];

describe("Git's blob id", () => {
  test.each(contents)('in the browser and in the build, as git hash-object: %s', async (_name, bytes) => {
    const git = hashObject(bytes);
    expect(await blobId(bytes)).toBe(git);
    expect(gitBlobId(bytes)).toBe(git);
  });

  test('of a view into a larger buffer is of the view alone', async () => {
    const buffer = new TextEncoder().encode('xxxtitle: Werl\nyyy');
    const view = buffer.subarray(3, 15);
    expect(await blobId(view)).toBe(hashObject(view.slice()));
  });
});
