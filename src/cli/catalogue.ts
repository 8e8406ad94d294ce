/**
 * `aushang catalogue [--kind <kind>] [--tasks]`: lists the service catalogue, the services
 * `init` prepares for a new town, with the ids that `new <town> <service> --from <id>` takes.
 * With `--kind` only the services for that kind of authority (Stadt, Gemeinde, Kreis, or the
 * kind as written in a town's index.md), with the titles it gets; `--tasks` adds the tasks.
 */
import { parseArgs } from 'node:util';
import { entryTitle, kindsOf, loadCatalogue, servicesFor, type Catalogue, type CatalogueEntry } from '../catalogue/index.ts';

const usage = `Usage: aushang catalogue [--kind <kind>] [--tasks]

  --kind <kind>  only the services of a Stadt, Gemeinde or Kreis (or Landkreis, Kreisfreie Stadt, …)
  --tasks        also list each service's tasks`;

/** The listing as lines of text. */
export function listCatalogue(catalogue: Catalogue, options: { kind?: string | undefined; tasks?: boolean | undefined }): string[] {
  const entries: CatalogueEntry[] = options.kind ? servicesFor(catalogue, options.kind) : catalogue.services;
  const kinds = options.kind ? kindsOf(catalogue, options.kind) : [];
  const width = Math.max(...entries.map((entry) => entry.id.length));
  const lines: string[] = [];
  for (const entry of entries) {
    const title = options.kind ? entryTitle(entry, kinds) : entry.title;
    lines.push(`${entry.id.padEnd(width)}  ${title} (${entry.kinds.join(', ')})`);
    if (options.tasks) for (const task of entry.tasks) lines.push(`${' '.repeat(width)}    - ${task}`);
  }
  const kindList = kinds.join(', ');
  const scope = options.kind ? ` for a ${options.kind}${kindList === options.kind ? '' : ` (${kindList})`}` : '';
  lines.push('', `${entries.length} services${scope}. aushang init prepares them for a new town; the id is the file name (towns/<town>/<id>.md).`);
  return lines;
}

if (import.meta.main) {
  let args;
  try {
    args = parseArgs({ options: { kind: { type: 'string' }, tasks: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${usage}`);
    process.exit(2);
  }
  if (args.values.help) console.log(usage);
  else for (const line of listCatalogue(loadCatalogue(), args.values)) console.log(line);
}
