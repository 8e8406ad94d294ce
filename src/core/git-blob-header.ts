/**
 * What Git hashes for a file's content: `blob <size>\0`, then the bytes (`git hash-object`, and
 * the ids the Git hosts' APIs give). One rule for the two hashers: the build's (src/core/git-blob.ts,
 * node:crypto) and the web editor's (src/editor/blob-id.ts, WebCrypto, which a page can load).
 * This module imports nothing, so the editor's bundle can take it.
 */
export function gitBlobHeader(size: number): string {
  return `blob ${size}\0`;
}
