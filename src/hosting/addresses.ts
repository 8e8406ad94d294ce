/**
 * The addresses a site is published at, read from its site.yaml for `verify`: `url` (or
 * `SITE_URL` with `BASE_PATH`, which override it as in the build) and every mirror, each once.
 * Only these two fields are read: verifying copies does not depend on the content being valid.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { isPublicAddress, normalizePublicAddress } from '../schema/index.ts';
import { publicAddresses, urlSettingsFromEnv, withSiteAddress } from '../model/urls.ts';

export class AddressError extends Error {}

/** A site.yaml field as a public address, or a readable complaint. */
function address(value: unknown, field: string, file: string): string {
  if (typeof value !== 'string' || !isPublicAddress(value.trim())) {
    throw new AddressError(`${file}: ${field} is not a public https address (${JSON.stringify(value)})`);
  }
  return normalizePublicAddress(value.trim());
}

/** `url` and `mirrors` of `<contentDir>/site.yaml`, the environment's address first when set. */
export async function siteAddresses(contentDir: string, env: Record<string, string | undefined> = process.env): Promise<string[]> {
  const file = path.join(contentDir, 'site.yaml');
  const text = await readFile(file, 'utf8').catch(() => {
    throw new AddressError(`${file} does not exist`);
  });
  let settings: unknown;
  try {
    settings = parse(text);
  } catch (error) {
    throw new AddressError(`${file} is not YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const fields = (settings && typeof settings === 'object' ? settings : {}) as { url?: unknown; mirrors?: unknown };
  const url = fields.url === undefined || fields.url === null ? undefined : address(fields.url, 'url', file);
  if (fields.mirrors !== undefined && fields.mirrors !== null && !Array.isArray(fields.mirrors)) {
    throw new AddressError(`${file}: mirrors is not a list of addresses`);
  }
  const mirrors = ((fields.mirrors as unknown[] | null | undefined) ?? []).map((mirror, i) => address(mirror, `mirrors[${i + 1}]`, file));
  return publicAddresses(withSiteAddress(urlSettingsFromEnv(env), url), mirrors);
}
