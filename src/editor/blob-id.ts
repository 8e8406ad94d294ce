/**
 * Git's id of a file's content in the browser (the web editor's "Ist es online?", src/scripts/admin.ts):
 * SHA-1 of `gitBlobHeader` and the bytes, as `gitBlobId` (src/core/git-blob.ts) makes it, with the
 * browser's WebCrypto instead of node:crypto, which a page cannot load. Both are tested against
 * `git hash-object` (tests/unit/editor/blob-id.test.ts).
 */
import { gitBlobHeader } from '../core/git-blob-header.ts';

export async function blobId(bytes: Uint8Array): Promise<string> {
  const header = new TextEncoder().encode(gitBlobHeader(bytes.byteLength));
  const all = new Uint8Array(header.byteLength + bytes.byteLength);
  all.set(header);
  all.set(bytes, header.byteLength);
  const digest = await crypto.subtle.digest('SHA-1', all);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
