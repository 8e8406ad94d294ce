/**
 * Git's id of a file's content, as `git hash-object` and the Git hosts' APIs give it: the web
 * editor compares a saved file's id with the one `aushang-build.json` lists (src/hosting/build-info.ts).
 */
import { createHash } from 'node:crypto';

/** SHA-1 of `blob <size>\0<bytes>`. */
export function gitBlobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
