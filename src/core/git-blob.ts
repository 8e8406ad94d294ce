/**
 * Git's id of a file's content, as `git hash-object` and the Git hosts' APIs give it: the web
 * editor compares a saved file's id with the one `aushang-build.json` lists (src/hosting/build-info.ts).
 */
import { createHash } from 'node:crypto';
import { gitBlobHeader } from './git-blob-header.ts';

/** SHA-1 of `gitBlobHeader` and the bytes. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(gitBlobHeader(bytes.byteLength)).update(bytes).digest('hex');
}
