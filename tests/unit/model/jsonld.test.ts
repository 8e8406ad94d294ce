/**
 * Structured data (src/model/jsonld.ts) of a small site: a town is a GovernmentOrganization
 * with the ContactPoints that work and its district as parent; a service or an incident is a
 * SpecialAnnouncement with its dates; a breadcrumb trail is a BreadcrumbList; every URL is
 * public (absolute with SITE_URL); and the JSON is safe inside a <script> element.
 */
import { describe, expect, test } from 'vitest';
import { breadcrumbJsonLd, incidentJsonLd, serializeJsonLd, serviceJsonLd, townJsonLd } from '../../../src/model/jsonld.ts';
import { translator } from '../../../src/i18n/index.ts';
import { createUrls } from '../../../src/model/urls.ts';
import { site } from '../support/content.ts';
import { smallSite } from '../support/small-site.ts';

const t = translator('de');
const urls = createUrls({ base: '/', site: 'https://notfall.example' });
const soestOrganization = { '@type': 'GovernmentOrganization', name: 'Soest', url: 'https://notfall.example/soest/' };

describe('a town', () => {
  test('an organization with its working phone and fax as contact points, and its district as parent', async () => {
    const s = await site(smallSite, { base: false });
    expect(townJsonLd(s.town('soest')!, s, urls)).toEqual({
      '@context': 'https://schema.org',
      ...soestOrganization,
      description: 'Das Rathaus ist geöffnet.',
      contactPoint: [
        { '@type': 'ContactPoint', contactType: 'Soest', description: 'Zentrale', telephone: '+4929211030' },
        // The e-mail address does not work: it is left out. A limited fax still counts.
        {
          '@type': 'ContactPoint',
          contactType: 'Soest',
          faxNumber: '02921 103-99',
          hoursAvailable: { '@type': 'OpeningHoursSpecification', description: 'Mo–Fr 8–12 Uhr' },
        },
      ],
      parentOrganization: { '@type': 'GovernmentOrganization', name: 'Kreis Test', url: 'https://notfall.example/kreis-test/' },
    });
  });

  test('without contacts and parent, neither key', async () => {
    const s = await site(smallSite, { base: false });
    const werl = townJsonLd(s.town('werl')!, s, urls);
    expect(werl).not.toHaveProperty('contactPoint');
    expect(werl).not.toHaveProperty('parentOrganization');
  });

  test('without SITE_URL the URL is root-relative, with the base path', async () => {
    const s = await site(smallSite, { base: false, basePath: '/notfall/' });
    expect(townJsonLd(s.town('soest')!, s, createUrls({ base: '/notfall/' })).url).toBe('/notfall/soest/');
  });
});

describe('a service', () => {
  test('an announcement: posted since the disruption began, modified at its Stand, expiring when a change is expected', async () => {
    const s = await site(smallSite, { base: false });
    const soest = s.town('soest')!;
    expect(serviceJsonLd(soest.services[0]!, soest, urls, t)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'SpecialAnnouncement',
      name: 'Bürgerbüro – Soest: Eingeschränkt',
      text: 'Geschlossen, telefonisch erreichbar.',
      url: 'https://notfall.example/soest/buergerbuero/',
      datePosted: '2023-10-30',
      dateModified: '2023-11-04T09:30:00+01:00',
      expires: '2023-11-06',
      category: 'Eingeschränkte Verwaltungsleistungen',
      announcementLocation: {
        ...soestOrganization,
        contactPoint: [
          {
            '@type': 'ContactPoint',
            contactType: 'Bürgerbüro',
            telephone: '+4929211032127',
            hoursAvailable: { '@type': 'OpeningHoursSpecification', description: 'zu den üblichen Öffnungszeiten' },
          },
        ],
      },
    });
  });

  test('without since it is posted at updated; without expected it has no expiry; without channels no contact point', async () => {
    const s = await site(smallSite, { base: false });
    const soest = s.town('soest')!;
    const abfall = serviceJsonLd(soest.services[1]!, soest, urls, t);
    expect(abfall).toMatchObject({ name: 'Abfall – Soest: Normal verfügbar', datePosted: '2023-07-01T10:00:00+02:00', dateModified: '2023-07-01T10:00:00+02:00' });
    expect(abfall).not.toHaveProperty('expires');
    expect(abfall.announcementLocation).toEqual(soestOrganization);
  });
});

describe('an incident', () => {
  test('an announcement located at the towns it affects; an ongoing one does not expire', async () => {
    const s = await site(smallSite, { base: false });
    const incident = incidentJsonLd(s.incident('sit-2023')!, s, urls, t);
    expect(incident).toEqual({
      '@context': 'https://schema.org',
      '@type': 'SpecialAnnouncement',
      name: 'Cyberangriff',
      text: 'Die IT der Verwaltung ist ausgefallen.',
      url: 'https://notfall.example/stoerungen/sit-2023/',
      datePosted: '2023-10-30',
      dateModified: '2023-11-03T14:17:00+01:00',
      category: 'Eingeschränkte Verwaltungsleistungen',
      announcementLocation: [soestOrganization],
    });
  });

  test('a resolved one expires when it was resolved', async () => {
    const s = await site(smallSite, { base: false });
    expect(incidentJsonLd(s.incident('hochwasser')!, s, urls, t)).toMatchObject({ expires: '2023-07-02', announcementLocation: [] });
  });
});

test('a breadcrumb trail: positions from 1, public URLs', () => {
  expect(breadcrumbJsonLd([{ name: 'Startseite', path: '/' }, { name: 'Soest', path: '/soest/' }], urls)).toEqual({
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: 'Startseite', item: 'https://notfall.example/' },
      { '@type': 'ListItem', position: 2, name: 'Soest', item: 'https://notfall.example/soest/' },
    ],
  });
});

test('serialized, no text can end the <script> element, and the JSON reads back the same', () => {
  const data = { name: 'Bad "Tricky" </script><script>alert(1)</script> & Co.\u2028\u2029 🚒' };
  const json = serializeJsonLd(data);
  expect(json).not.toMatch(/[<>&\u2028\u2029]/);
  expect(json).toContain('\\u003c/script\\u003e');
  expect(JSON.parse(json)).toEqual(data);
});
