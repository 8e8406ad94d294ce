/** `siteAddresses`: the addresses `verify` checks without a URL, read from site.yaml. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { AddressError, siteAddresses } from '../../../src/hosting/addresses.ts';

async function content(yaml: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aushang-addresses-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await writeFile(path.join(dir, 'site.yaml'), yaml);
  return dir;
}

test('url then mirrors, normalised, each once', async () => {
  const dir = await content('title: T\nurl: https://Notfall.Kreis-Soest.de\nmirrors:\n  - https://kreis-soest.gitlab.io/notfall\n  - https://notfall.kreis-soest.de/\n');
  await expect(siteAddresses(dir, {})).resolves.toEqual(['https://notfall.kreis-soest.de/', 'https://kreis-soest.gitlab.io/notfall/']);
});

test('SITE_URL and BASE_PATH override url as in the build; mirrors stay', async () => {
  const dir = await content('url: https://notfall.kreis-soest.de/\nmirrors: [https://kreis-soest.gitlab.io/notfall/]\n');
  await expect(siteAddresses(dir, { SITE_URL: 'https://www.kreis-soest.de', BASE_PATH: '/notfall/' })).resolves.toEqual([
    'https://www.kreis-soest.de/notfall/',
    'https://kreis-soest.gitlab.io/notfall/',
  ]);
});

test('no address: an empty list; a mirror that is no https address: a readable error', async () => {
  await expect(siteAddresses(await content('title: T\n'), {})).resolves.toEqual([]);
  const bad = await content('mirrors:\n  - http://spiegel.example.de/\n');
  await expect(siteAddresses(bad, {})).rejects.toThrow(AddressError);
  await expect(siteAddresses(bad, {})).rejects.toThrow(/site\.yaml: mirrors\[1\] is not a public https address \("http:\/\/spiegel\.example\.de\/"\)$/);
  await expect(siteAddresses(path.join(bad, 'nichts'), {})).rejects.toThrow(/site\.yaml does not exist$/);
});
