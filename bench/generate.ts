/**
 * A deterministic synthetic content folder for the benchmark: site.yaml, one incident, one
 * page, N towns (the first ones districts, kind `Kreis`; the others towns and municipalities
 * with a `parent` district), each with S services drawn from `catalogue.ts`: realistic titles,
 * statuses, channels with valid phone numbers of the region, tasks, keywords, updates and a
 * Markdown body. The same options give the same bytes (seeded random numbers, fixed dates).
 *
 *   node bench/generate.ts --towns 72 --services 25 --out /tmp/content [--seed 1]
 *   npm run bench:generate -- --towns 72 --services 25 --out /tmp/content
 *
 * The output passes `npm run check -- <out>`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { slugify } from '../src/model/read.ts';
import { seededRandom } from '../tests/support/random.ts';
import {
  areaCodes,
  bodyHeadings,
  bodyListItems,
  districtNames,
  namePrefixes,
  nameStems,
  nameSuffixes,
  paragraphs,
  realTowns,
  services as catalogue,
  streets,
  summaries,
  taskNotes,
  townSummaries,
  updateTexts,
  type ServiceTemplate,
} from './catalogue.ts';

export interface GenerateOptions {
  /** Number of towns, districts included. */
  towns: number;
  /** Services per town. */
  services: number;
  /** Content folder to write; emptied first. */
  out: string;
  /** Seed of the random numbers; default 1. */
  seed?: number;
}

export interface GenerateResult {
  towns: number;
  districts: number;
  services: number;
  tasks: number;
  files: number;
}

type Status = 'normal' | 'limited' | 'deferred' | 'unavailable';

export const INCIDENT = 'it-ausfall-2023';

/** The generator's random numbers, seeded (tests/support/random.ts): the same content on every machine. */
class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** `count` distinct items, in the list's order. */
  some<T>(list: readonly T[], count: number): T[] {
    const indexes = list.map((_, i) => i);
    for (let i = indexes.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
    }
    return indexes.slice(0, Math.min(count, list.length)).sort((a, b) => a - b).map((i) => list[i]!);
  }
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((n, [, w]) => n + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of choices) {
      r -= weight;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
}


/** A YAML double-quoted scalar: YAML 1.2 reads JSON strings as they are. */
const q = (text: string) => JSON.stringify(text);

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date-time between 30 October 2023, 08:00 and 3 November 2023, 17:59. */
function time(dice: Dice): string {
  const day = dice.pick(['2023-10-30', '2023-10-31', '2023-11-01', '2023-11-02', '2023-11-03']);
  return `${day} ${pad(dice.int(8, 17))}:${pad(dice.int(0, 59))}`;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

interface Town {
  name: string;
  slug: string;
  kind: string;
  parent?: string;
  area: string;
  main: number;
}

function townNames(count: number, districtCount: number, dice: Dice): { name: string; district: boolean }[] {
  const names: { name: string; district: boolean }[] = [];
  const taken = new Set<string>(['impressum']);
  const add = (name: string, district: boolean) => {
    const slug = slugify(name);
    if (taken.has(slug)) return false;
    taken.add(slug);
    names.push({ name, district });
    return true;
  };
  for (let i = 0; i < districtCount; i++) {
    let name = districtNames[i];
    while (!name || !add(name, true)) name = `Kreis ${dice.pick(nameStems)}${dice.pick(nameSuffixes)}`;
  }
  for (const name of realTowns) {
    if (names.length >= count) break;
    add(name, false);
  }
  while (names.length < count) {
    const prefix = dice.pick(namePrefixes);
    const stem = dice.pick(nameStems);
    const suffix = dice.pick(nameSuffixes);
    const name = prefix && !prefix.endsWith(' ') ? `${prefix}${stem.toLowerCase()}${suffix}` : `${prefix}${stem}${suffix}`;
    add(name, false);
  }
  return names;
}

/** The services a town offers: districts get the district services first. */
function serviceList(count: number, district: boolean, dice: Dice): ServiceTemplate[] {
  const own = catalogue.filter((s) => Boolean(s.district) === district);
  const other = catalogue.filter((s) => Boolean(s.district) !== district);
  const always = own.filter((s) => ['Bürgerbüro', 'Standesamt', 'Kfz-Zulassung'].includes(s.title));
  let chosen: ServiceTemplate[];
  if (count <= own.length) {
    chosen = [...always, ...dice.some(own.filter((s) => !always.includes(s)), count - always.length)];
  } else {
    // Districts run a few municipal services too (their own cash office, archive, ...).
    chosen = [...own, ...dice.some(district ? other : [], count - own.length)];
  }
  // Beyond the catalogue: branch offices of the same services ("Bürgerbüro – Außenstelle 2").
  for (let branch = 2; chosen.length < count; branch++) {
    for (const s of own) {
      if (chosen.length >= count) break;
      chosen.push({ ...s, title: `${s.title} – Außenstelle ${branch}`, extension: s.extension + branch * 10 });
    }
  }
  return chosen.slice(0, count);
}

function serviceFile(town: Town, service: ServiceTemplate, order: number, dice: Dice): { text: string; tasks: number } {
  const status = dice.weighted<Status>([['normal', 2], ['limited', 4], ['deferred', 1.5], ['unavailable', 2.5]]);
  const date = `${dice.int(6, 24)}. November 2023`;
  const values = { town: town.name, service: service.title, date };
  const phone = `${town.area} / ${town.main}-${service.extension + dice.int(0, 49)}`;
  const lines: string[] = ['---', `title: ${q(service.title)}`, `status: ${status}`, `updated: ${time(dice)}`];
  lines.push(`summary: ${q(fill(dice.pick(summaries[status]), values))}`);
  if (status !== 'normal') lines.push(`since: 2023-10-${dice.pick(['30', '31'])}`);
  if (status !== 'normal' && dice.chance(0.4)) lines.push(`expected: 2023-11-${pad(dice.int(6, 24))}`);
  lines.push(`incident: ${INCIDENT}`);

  lines.push('channels:');
  lines.push('  - channel: phone', '    status: normal', `    value: ${phone}`, `    hours: ${q('Mo–Fr 8–12 Uhr, Do 14–17 Uhr')}`);
  if (dice.chance(0.3)) lines.push(`    note: ${q('Hier vorab erfragen, welche Anliegen bearbeitet werden können.')}`);
  const inPerson: Status = status === 'unavailable' ? 'unavailable' : status === 'normal' ? 'normal' : 'limited';
  lines.push('  - channel: in-person', `    status: ${inPerson}`, `    value: ${q(`${dice.pick(streets)} ${dice.int(1, 40)}, Zimmer ${dice.int(1, 3)}.${pad(dice.int(1, 30))}`)}`);
  if (inPerson !== 'normal') lines.push(`    note: ${q(fill(dice.pick(taskNotes), values))}`);
  lines.push(
    '  - channel: email',
    `    status: ${dice.pick(['limited', 'unavailable'])}`,
    `    value: ${slugify(service.title).replace(/-/g, '')}@${town.slug}.de`,
    `    note: ${q('E-Mails kommen nicht zuverlässig an. Wichtiges bitte telefonisch klären.')}`,
  );
  if (service.online) {
    lines.push('  - channel: online', '    status: unavailable', `    value: https://service.${town.slug}.de/${slugify(service.title)}`);
    lines.push(`    note: ${q('Das Online-Portal ist zurzeit nicht erreichbar.')}`);
  }

  const tasks = dice.some(service.tasks, dice.int(2, Math.min(5, service.tasks.length)));
  lines.push('tasks:');
  for (const title of tasks) {
    const taskStatus: Status =
      status === 'normal' ? 'normal' : status === 'unavailable' ? dice.weighted<Status>([['unavailable', 5], ['deferred', 1]]) : dice.pick<Status>(['normal', 'limited', 'deferred', 'unavailable']);
    lines.push(`  - title: ${q(title)}`, `    status: ${taskStatus}`);
    if (taskStatus !== 'normal' && dice.chance(0.6)) lines.push(`    note: ${q(fill(dice.pick(taskNotes), values))}`);
  }
  lines.push(`keywords: [${dice.some(service.keywords, dice.int(4, service.keywords.length)).map(q).join(', ')}]`);
  if (dice.chance(0.3)) {
    lines.push('updates:', `  - at: ${time(dice)}`, `    text: ${q(fill(dice.pick(updateTexts), values))}`);
  }
  lines.push(`order: ${order}`, '---');

  const body: string[] = [];
  const chosen = dice.some(paragraphs, dice.int(2, 4));
  body.push(fill(chosen[0]!, values), '');
  body.push(`## ${dice.pick(bodyHeadings)}`, '');
  for (const paragraph of chosen.slice(1)) body.push(fill(paragraph, values), '');
  if (dice.chance(0.5)) {
    for (const item of dice.some(bodyListItems, 3)) body.push(`- ${item}`);
    body.push('');
  }
  return { text: `${lines.join('\n')}\n${body.join('\n')}`, tasks: tasks.length };
}

function townFile(town: Town, hasServices: boolean, dice: Dice): string {
  const building = town.kind === 'Kreis' ? 'Kreishaus' : 'Rathaus';
  const lines = ['---', `name: ${q(town.name)}`, `kind: ${town.kind}`];
  if (town.parent) lines.push(`parent: ${town.parent}`);
  lines.push(`incidents: [${INCIDENT}]`, `updated: ${time(dice)}`);
  // Without services the status cannot be derived: then it is required.
  if (!hasServices) lines.push('status: limited');
  lines.push(`summary: ${q(dice.pick(townSummaries))}`);
  lines.push(
    'contacts:',
    '  - channel: phone',
    '    status: normal',
    `    value: ${town.area} ${town.main}-0`,
    `    hours: ${q('zu den üblichen Öffnungszeiten')}`,
    '  - channel: in-person',
    `    status: ${dice.pick(['normal', 'limited'])}`,
    `    value: ${q(`${building} ${town.name}, ${dice.pick(streets)} ${dice.int(1, 20)}`)}`,
    '  - channel: email',
    '    status: unavailable',
    `    value: info@${town.slug}.de`,
    `    note: ${q('E-Mails können derzeit nicht empfangen werden.')}`,
    '  - channel: web',
    '    status: unavailable',
    `    value: https://www.${town.slug}.de`,
    `    note: ${q('Eine vorübergehende Ersatz-Website ist im Aufbau.')}`,
  );
  if (dice.chance(0.5)) lines.push('links:', `  - title: ${q('Ratsinformationssystem')}`, `    url: https://${town.slug}.sitzung-online.de`);
  lines.push('updates:');
  for (const text of dice.some(updateTexts, dice.int(1, 2))) {
    lines.push(`  - at: ${time(dice)}`, `    text: ${q(fill(text, { date: `${dice.int(6, 24)}. November 2023` }))}`);
  }
  lines.push('---');
  const body = [
    `${town.kind === 'Kreis' ? 'Die Kreisverwaltung' : `Die Verwaltung der ${town.kind} ${town.name}`} ist aufgrund des Cyberangriffs auf ihren IT-Dienstleister bis auf Weiteres nur eingeschränkt erreichbar. Bitte beachten Sie die Hinweise zu den einzelnen Dienststellen.`,
    '',
    `## ${building}`,
    '',
    `Das ${building} ist **nicht geschlossen**. Grundsätzlich sind alle Dienststellen zu den üblichen Zeiten telefonisch und persönlich erreichbar. **E-Mails können allerdings nicht empfangen werden.**`,
    '',
  ];
  return `${lines.join('\n')}\n${body.join('\n')}`;
}

const siteYaml = `# Synthetische Inhalte für den Benchmark (bench/generate.ts)
title: Notfall-Informationen Südwestfalen
operator: Kreis Musterland
description: Was in den Rathäusern der Region nach dem IT-Ausfall gerade funktioniert.
language: de
timezone: Europe/Berlin
country: DE
staleAfterHours: 48
contacts:
  - channel: phone
    status: normal
    value: 02921 30-0
    note: Bürgertelefon
`;

const incident = `---
title: Cyberangriff auf den kommunalen IT-Dienstleister
started: 2023-10-30
updated: 2023-11-03 14:17
summary: "Ein Ransomware-Angriff auf den kommunalen IT-Dienstleister legt die Verwaltungen vieler Kommunen lahm."
updates:
  - at: 2023-11-03 14:17
    text: "Die Rathäuser haben weiterhin kein Internet. Wie lange das noch dauert, ist nicht absehbar."
---
## Was ist passiert?

Der kommunale IT-Dienstleister ist Ziel eines Cyberangriffs mit Ransomware geworden. Viele
Behörden mussten ihre Dienststellen schließen oder arbeiten nur eingeschränkt.

## Was bedeutet das für Bürgerinnen und Bürger?

- **E-Mails:** Die Verwaltungen können nicht zusichern, dass E-Mails ankommen.
- **Bürgerservices:** Viele Bürgerservices können nicht angeboten werden.
- **Behördengänge:** am besten verschieben oder vorher anrufen.
`;

const impressum = `---
title: Impressum
footer: true
---
Kreis Musterland, Marktplatz 1, 59494 Musterstadt. Telefon: 02921 30-0.
`;

/** Writes the content folder; returns what it wrote. */
export function generate(options: GenerateOptions): GenerateResult {
  const { towns: townCount, services: perTown, out } = options;
  if (!Number.isInteger(townCount) || townCount < 1) throw new Error(`towns must be a whole number ≥ 1, not ${townCount}`);
  if (!Number.isInteger(perTown) || perTown < 0) throw new Error(`services must be a whole number ≥ 0, not ${perTown}`);
  const dice = new Dice(options.seed ?? 1);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(path.join(out, 'incidents'), { recursive: true });
  mkdirSync(path.join(out, 'pages'), { recursive: true });
  writeFileSync(path.join(out, 'site.yaml'), siteYaml);
  writeFileSync(path.join(out, 'incidents', `${INCIDENT}.md`), incident);
  writeFileSync(path.join(out, 'pages', 'impressum.md'), impressum);
  let files = 3;

  // About one district per 15 towns, as in Südwestfalen (5 districts, 72 municipalities).
  const districtCount = Math.max(1, Math.round(townCount / 15));
  const names = townNames(townCount, Math.min(districtCount, townCount), dice);
  const districts = names.filter((n) => n.district).map((n) => slugify(n.name));
  let serviceCount = 0;
  let taskCount = 0;
  names.forEach(({ name, district }, i) => {
    const town: Town = {
      name,
      slug: slugify(name),
      kind: district ? 'Kreis' : dice.chance(0.6) ? 'Stadt' : 'Gemeinde',
      ...(district ? {} : { parent: districts[i % districts.length]! }),
      area: areaCodes[i % areaCodes.length]!,
      main: district ? 30 + (i % 10) : dice.int(100, 999),
    };
    const folder = path.join(out, 'towns', town.slug);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.md'), townFile(town, perTown > 0, dice));
    files++;
    serviceList(perTown, district, dice).forEach((service, j) => {
      const { text, tasks } = serviceFile(town, service, (j + 1) * 10, dice);
      writeFileSync(path.join(folder, `${slugify(service.title)}.md`), text);
      serviceCount++;
      taskCount += tasks;
      files++;
    });
  });
  return { towns: townCount, districts: districts.length, services: serviceCount, tasks: taskCount, files };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      towns: { type: 'string', default: '72' },
      services: { type: 'string', default: '25' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
    allowPositionals: false,
  });
  if (!values.out) {
    console.error('usage: node bench/generate.ts --towns 72 --services 25 --out <folder> [--seed 1]');
    process.exit(2);
  }
  const result = generate({ towns: Number(values.towns), services: Number(values.services), out: path.resolve(values.out), seed: Number(values.seed) });
  console.log(
    `Wrote ${values.out}: ${result.towns} towns (${result.districts} ${result.districts === 1 ? 'district' : 'districts'}), ${result.services} services, ${result.tasks} tasks, ${result.files} files.`,
  );
}
