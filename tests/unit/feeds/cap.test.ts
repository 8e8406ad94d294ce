/**
 * 1.2: `/cap.xml`: one CAP 1.2 alert per open incident and per town that is not `normal`, each
 * the content of an Atom entry. Every alert is checked against the structure of the CAP 1.2 XML
 * schema (cap-schema.ts: element order, counts, enumerations, the date-time pattern); the
 * feed around them is well-formed Atom. The area names the town and, where it has one, its ARS.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { capAlerts, capFeed } from '../../../src/model/cap.ts';
import { createUrls } from '../../../src/model/urls.ts';
import { md, service, text } from '../support/content.ts';
import { alertProblems, alertsIn, sequence, alertRules } from './cap-schema.ts';
import { payload, testSite, urls } from '../support/small-site.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, isArray: (name) => ['entry', 'area', 'info', 'link'].includes(name) });
type Alert = { identifier: string; sender: string; sent: string; incidents?: string; info: { event: string; headline: string; description: string; web: string; area: { areaDesc: string; geocode?: { valueName: string; value: string } }[] }[] };
const alertsOf = (xml: string) => ((parser.parse(xml).feed.entry ?? []) as { content: { alert: Alert } }[]).map((e) => e.content.alert);

describe('CAP 1.2 feed', () => {
  test('every alert has the structure the CAP 1.2 schema requires; the feed is well-formed Atom', async () => {
    const s = await testSite();
    const xml = capFeed(s, urls);
    expect(XMLValidator.validate(xml)).toBe(true);
    const alerts = alertsIn(xml);
    expect(alerts).toHaveLength(2);
    for (const alert of alerts) expect(alertProblems(alert)).toEqual([]);
    const feed = parser.parse(xml).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://notfall.example/cap.xml');
    expect((feed.entry as { content: { '@type': string } }[]).map((e) => e.content['@type'])).toEqual(['application/cap+xml', 'application/cap+xml']);
  });

  test('the structure check refuses what the schema refuses', () => {
    const alert = (inner: string) => alertsIn(`<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">${inner}</alert>`)[0]!;
    const head = '<identifier>a-1</identifier><sender>x.de</sender><sent>2023-11-03T14:17:00+01:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>';
    const info = '<info><category>Infra</category><event>E</event><urgency>Immediate</urgency><severity>Minor</severity><certainty>Observed</certainty></info>';
    expect(alertProblems(alert(head + info))).toEqual([]);
    expect(alertProblems(alert(head.replace('+01:00', 'Z') + info))).toEqual(['sent: "2023-11-03T14:17:00Z" does not match /^\\d\\d\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d$/']);
    expect(alertProblems(alert(head.replace('<scope>Public</scope>', '') + info))).toEqual(['scope: missing']);
    expect(alertProblems(alert(head + info.replace('<category>Infra</category>', '<category>Outage</category>')))).toEqual(['info: category: "Outage" is not one of Geo, Met, Safety, Security, Rescue, Fire, Health, Env, Transport, Infra, CBRNE, Other']);
    expect(alertProblems(alert(head + info.replace('<event>E</event><urgency>Immediate</urgency>', '<urgency>Immediate</urgency><event>E</event>')))).toContain('info: event: missing');
    expect(alertProblems(alert(head.replace('a-1', 'a 1') + info))).toEqual(['identifier: "a 1" contains a space, comma, < or &']);
    expect(alertProblems(alertsIn(`<alert xmlns="urn:oasis:names:tc:emergency:cap:1.1">${head}</alert>`)[0]!)).toEqual(['alert is not in the CAP 1.2 namespace']);
    expect(sequence([], alertRules)).toContain('identifier: missing');
  });

  test('one alert per open incident, with an area per affected town and the ARS where known', async () => {
    const s = await testSite();
    const [incident] = alertsOf(capFeed(s, urls));
    expect(incident).toMatchObject({
      identifier: 'notfall.example-stoerung-sit-2023-20231103T150000',
      sender: 'notfall.example',
      sent: '2023-11-03T15:00:00+01:00',
      incidents: 'sit-2023',
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
    });
    expect(incident!.info[0]).toMatchObject({
      language: 'de',
      category: 'Infra',
      event: 'Störung',
      urgency: 'Immediate',
      severity: 'Minor',
      certainty: 'Observed',
      senderName: 'Kreis Test',
      headline: 'Cyberangriff',
      description: 'Die IT ist ausgefallen.\n\nNoch kein Internet, siehe Soest.',
      web: 'https://notfall.example/stoerungen/sit-2023/',
    });
    expect(incident!.info[0]!.area).toEqual([{ areaDesc: 'Soest', geocode: { valueName: 'ARS', value: '059740040040' } }]);
  });

  test('one alert per town that is not normal, naming its disrupted services; none for a normal town or a resolved incident', async () => {
    const s = await testSite({ 'towns/werl/buergerbuero.md': service('', 'normal').replace('summary: Geschlossen.', 'summary: Geöffnet.') });
    const alerts = alertsOf(capFeed(s, urls));
    expect(alerts.map((a) => a.info[0]!.headline)).toEqual(['Cyberangriff', 'Soest: Eingeschränkt']);
    expect(alerts[1]).toMatchObject({ identifier: 'notfall.example-ort-soest-20231103T141700', incidents: 'sit-2023' });
    expect(alerts[1]!.info[0]).toMatchObject({
      event: 'Einschränkungen der Verwaltung',
      description: 'Geöffnet.\n\nBürgerbüro: Eingeschränkt. Geschlossen.',
      web: 'https://notfall.example/soest/',
    });
    // Werl (normal) has no geocode-less alert; the resolved flood has none either.
    expect(JSON.stringify(alerts)).not.toMatch(/Werl|Hochwasser/);
  });

  test('a quiet site has an empty, valid feed; without an address the sender is the preview host', async () => {
    const s = await testSite({
      'incidents/sit-2023.md': md(text`
        title: Cyberangriff
        started: 2023-10-30
        resolved: 2023-11-03
        updated: 2023-11-03 14:17
        summary: Vorbei.
      `),
      'towns/soest/index.md': md('name: Soest\nkind: Stadt\nupdated: 2023-11-03 14:17\nstatus: normal\nsummary: Alles normal.\n'),
      'towns/soest/buergerbuero.md': service('', 'normal'),
    });
    const xml = capFeed(s, urls);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(alertsIn(xml)).toEqual([]);
    expect(parser.parse(xml).feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    const busy = await testSite();
    expect(capAlerts(busy, createUrls({ base: '/' }))[0]!.sender).toBe('localhost:4321');
  });

  test('hostile text stays text: the alerts still follow the schema and give it back', async () => {
    const s = await testSite({
      'site.yaml': text`
        title: 'Notfall ${payload}'
        operator: 'Kreis ${payload}'
      `,
      'towns/soest/index.md': md(`name: 'Soest ${payload}'\nkind: Stadt\nupdated: 2023-11-03 14:17\nstatus: limited\nsummary: 'Text \`<img src=x onerror=alert(1)>\` ]]> &'\nars: 059740040040\nincidents: [sit-2023]\n`),
    });
    const xml = capFeed(s, urls);
    expect(XMLValidator.validate(xml)).toBe(true);
    for (const alert of alertsIn(xml)) expect(alertProblems(alert)).toEqual([]);
    const town = alertsOf(xml)[1]!;
    expect(town.info[0]!.area[0]!.areaDesc).toBe(`Soest ${payload}`);
    expect(town.info[0]!.description.startsWith('Text <img src=x onerror=alert(1)> ]]> &\n')).toBe(true);
    expect(xml).not.toMatch(/<img|<\/script>/);
  });
});
