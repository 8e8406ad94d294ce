/**
 * 1.2: site.yaml names the site's public address (`url`) and its mirrors. Without any address
 * the printed notice has no QR code (tests/e2e/notice.test.ts); `SITE_URL` overrides `url` for
 * one build; the footer and the notice name every address when there are mirrors.
 */
import { describe, expect, test } from 'vitest';
import { output, site } from '../support/content.ts';
import { createUrls, displayAddress, publicAddresses, withSiteAddress } from '../../../src/model/urls.ts';
import { isPublicAddress, normalizePublicAddress } from '../../../src/schema/index.ts';

const siteYaml = (lines: string) => `title: T\noperator: O\n${lines}`;

describe('url and mirrors in site.yaml', () => {
  test('left out: no address, no mirrors', async () => {
    const s = await site({});
    expect(s.settings.url).toBeUndefined();
    expect(s.settings.mirrors).toEqual([]);
    expect(s.address).toEqual({ base: '/' });
  });

  test('normalised as a browser writes them, with a trailing slash', async () => {
    const s = await site({
      'site.yaml': siteYaml('url: https://Notfall.Kreis-Soest.de\nmirrors:\n  - https://kreis-soest.gitlab.io/notfall\n  - https://notfall-spiegel.example.net/\n'),
    });
    expect(s.settings.url).toBe('https://notfall.kreis-soest.de/');
    expect(s.settings.mirrors).toEqual(['https://kreis-soest.gitlab.io/notfall/', 'https://notfall-spiegel.example.net/']);
    // The address makes the links absolute, as SITE_URL does.
    expect(s.address).toEqual({ base: '/', site: 'https://notfall.kreis-soest.de' });
    expect(createUrls(s.address).path(s.town('soest')!.path)).toBe('/soest/');
  });

  test('a path in url is where the site lives: it becomes the base path', async () => {
    const s = await site({ 'site.yaml': siteYaml('url: https://www.example.de/notfall/\n') });
    expect(s.address).toEqual({ base: '/notfall/', site: 'https://www.example.de/notfall' });
    expect(s.town('soest')!.path).toBe('/soest/');
    expect(createUrls(s.address).path(s.town('soest')!.path)).toBe('/notfall/soest/');
  });

  test('a mirror may be written as a single address', async () => {
    const s = await site({ 'site.yaml': siteYaml('mirrors: https://spiegel.example.net\n') });
    expect(s.settings.mirrors).toEqual(['https://spiegel.example.net/']);
  });

  test('not https, a query, a fragment, sign-in data, no host name, not a text', async () => {
    const yaml = siteYaml(
      [
        'url: http://notfall.kreis-soest.de/',
        'mirrors:',
        '  - https://spiegel.example.net/?x=1',
        '  - https://spiegel.example.net/#oben',
        '  - https://user:geheim@spiegel.example.net/',
        '  - https://localhost/',
        '  - notfall.kreis-soest.de',
        '  - { url: https://spiegel.example.net/ }',
        '',
      ].join('\n'),
    );
    expect(await output({ 'site.yaml': yaml })).toMatchInlineSnapshot(`
      "content/site.yaml:3: url: „http://notfall.kreis-soest.de/“ — erlaubt: eine öffentliche https-Adresse ohne ?, # und Anmeldedaten, z. B. https://notfall.kreis-soest.de/
      content/site.yaml:5: mirrors[1]: „https://spiegel.example.net/?x=1“ — erlaubt: eine öffentliche https-Adresse ohne ?, # und Anmeldedaten, z. B. https://notfall.kreis-soest.de/
      content/site.yaml:6: mirrors[2]: „https://spiegel.example.net/#oben“ — erlaubt: eine öffentliche https-Adresse ohne ?, # und Anmeldedaten, z. B. https://notfall.kreis-soest.de/
      content/site.yaml:7: mirrors[3]: „https://user:geheim@spiegel.example.net/“ — erlaubt: eine öffentliche https-Adresse ohne ?, # und Anmeldedaten, z. B. https://notfall.kreis-soest.de/
      content/site.yaml:8: mirrors[4]: „https://localhost/“ — erlaubt: eine öffentliche https-Adresse ohne ?, # und Anmeldedaten, z. B. https://notfall.kreis-soest.de/
      content/site.yaml:9: mirrors[5]: „notfall.kreis-soest.de“ — erlaubt: eine öffentliche https-Adresse ohne ?, # und Anmeldedaten, z. B. https://notfall.kreis-soest.de/
      content/site.yaml:10: mirrors[6]: eine Gruppe von Feldern „{"url":"https://spiegel.example.net/"}“ — erwartet: Text (Text, der mit [ { : oder # beginnt, in Anführungszeichen setzen)"
    `);
  });

  test('an address named twice', async () => {
    const yaml = siteYaml('url: https://notfall.kreis-soest.de/\nmirrors:\n  - https://NOTFALL.kreis-soest.de\n  - https://spiegel.example.net/\n  - https://spiegel.example.net\n');
    expect(await output({ 'site.yaml': yaml })).toMatchInlineSnapshot(`
      "content/site.yaml:5: mirrors[1]: „https://NOTFALL.kreis-soest.de“ steht schon unter url oder mirrors — jede Adresse nur einmal nennen
      content/site.yaml:7: mirrors[3]: „https://spiegel.example.net“ steht schon unter url oder mirrors — jede Adresse nur einmal nennen"
    `);
  });

  test('in English', async () => {
    expect(await output({ 'site.yaml': siteYaml('language: en\nurl: ftp://notfall.example.org/\n') })).toMatchInlineSnapshot(
      `"content/site.yaml:4: url: "ftp://notfall.example.org/" — allowed: a public https address without ?, # or sign-in details, e.g. https://notfall.kreis-soest.de/"`,
    );
  });
});

describe('the address of a build', () => {
  test('SITE_URL (with BASE_PATH) overrides url for one build', () => {
    expect(withSiteAddress({ base: '/', site: 'https://other.example' }, 'https://notfall.kreis-soest.de/')).toEqual({ base: '/', site: 'https://other.example' });
    expect(withSiteAddress({ base: '/notfall/', site: 'https://other.example/notfall' }, 'https://x.example/y/')).toEqual({
      base: '/notfall/',
      site: 'https://other.example/notfall',
    });
  });

  test('without SITE_URL: url gives the origin and the base path; a BASE_PATH other than / wins', () => {
    expect(withSiteAddress({ base: '/' }, 'https://notfall.kreis-soest.de/')).toEqual({ base: '/', site: 'https://notfall.kreis-soest.de' });
    expect(withSiteAddress({ base: '/' }, 'https://www.example.de/notfall/')).toEqual({ base: '/notfall/', site: 'https://www.example.de/notfall' });
    expect(withSiteAddress({ base: '/copy/' }, 'https://www.example.de/notfall/')).toEqual({ base: '/copy/', site: 'https://www.example.de/copy' });
    expect(withSiteAddress({ base: '/' }, undefined)).toEqual({ base: '/' });
  });

  test('QR codes and feeds get the address from url', () => {
    const urls = createUrls(withSiteAddress({ base: '/' }, 'https://www.example.de/notfall/'));
    expect(urls.absolute('/soest/')).toBe('https://www.example.de/notfall/soest/');
    expect(createUrls(withSiteAddress({ base: '/' }, undefined)).absolute('/soest/')).toBeUndefined();
  });

  test('every public address, each once: the own first, then the mirrors', () => {
    const mirrors = ['https://kreis-soest.gitlab.io/notfall/', 'https://notfall.kreis-soest.de/'];
    expect(publicAddresses({ base: '/', site: 'https://notfall.kreis-soest.de' }, mirrors)).toEqual(['https://notfall.kreis-soest.de/', 'https://kreis-soest.gitlab.io/notfall/']);
    expect(publicAddresses({ base: '/' }, mirrors)).toEqual(mirrors);
    expect(displayAddress('https://kreis-soest.gitlab.io/notfall/')).toBe('kreis-soest.gitlab.io/notfall');
    expect(displayAddress('https://notfall.kreis-soest.de/')).toBe('notfall.kreis-soest.de');
  });

  test('what counts as a public address', () => {
    expect(isPublicAddress('https://notfall.kreis-soest.de')).toBe(true);
    expect(isPublicAddress('https://192.0.2.1/notfall/')).toBe(true);
    for (const bad of ['http://a.de/', 'https://a.de/?q', 'https://a.de/#x', 'https://u@a.de/', 'https://a/', 'https://a.de./', 'https:// a.de/', 'mailto:x@a.de']) {
      expect(isPublicAddress(bad), bad).toBe(false);
    }
    expect(normalizePublicAddress('https://A.de//x//')).toBe('https://a.de//x/');
  });
});
