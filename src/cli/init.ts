/**
 * `aushang init [folder] [--title …] [--operator …] [--town <slug>] [--name …] [--kind …] [--towns <list>]`:
 * sets up a site repository (see src/init/index.ts), or with `--towns` in a site set up before,
 * adds the towns of the list it has not got yet. Asks nothing: every flag has a default. Exit 0
 * when done, 1 when a file is in the way or the list has a mistake (nothing written), 2 on wrong
 * arguments.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { translator } from '../i18n/index.ts';
import { initSite, InitError, type InitResult } from '../init/index.ts';

const usage = `Usage: aushang init [folder] [options]

Sets up a notice site in the folder (default: the current folder): one town with the usual
services of its kind, every one working as usual, CI for GitHub and GitLab, a README.
Never overwrites a file.

  --name <name>        the town's name (default Musterstadt)
  --kind <kind>        Stadt, Gemeinde or Kreis, or another word (default Stadt)
  --town <slug>        the town's folder and address (default: from the name)
  --operator <name>    who publishes the site (default: "<kind> <name>", or the name
                       when it says its kind already: "Kreis Soest")
  --title <title>      the site's title (default: "Notfall-Informationen – <operator>")
  --towns <file>       a list of towns to prepare as well: CSV with a header row
                       (name,kind and optionally slug,parent,phone,email,address,website)
                       or a YAML list of the same fields. Run again with a longer list in
                       a site set up before: adds the new towns, leaves the others as they are.`;

function report(result: InitResult, folder: string): void {
  const t = translator(result.language);
  const relative = path.relative(process.cwd(), folder);
  const where = relative === '' ? '.' : relative.startsWith('..') ? folder : relative;
  if (result.arsIgnored) console.log(t('init.ars'));
  if (result.added) {
    if (result.towns.created.length === 0) console.log(t('init.nothingToAdd'));
    else console.log(t(result.towns.created.length === 1 ? 'init.addedOne' : 'init.added', { count: result.towns.created.length, services: result.services, written: result.written.length }));
    for (const town of result.towns.created) console.log(t('init.townCreated', { town }));
    for (const town of result.towns.existing) console.log(t('init.townExists', { town }));
    return;
  }
  const towns = result.towns.created.length === 1 ? `the town ${result.town}` : `${result.towns.created.length} towns (${result.towns.created.join(', ')})`;
  console.log(`Set up ${where === '.' ? 'this folder' : `${where}/`}: ${towns} with ${result.services} services, all working as usual; ${result.written.length} files written.`);
  if (result.packageJson.length > 0) console.log(`package.json: added ${result.packageJson.join(', ')}.`);
  console.log(`\nNext: ${where === '.' ? '' : `cd ${where} && `}npm install && npm start — then read README.md (what to fill in before an outage); npx aushang ready lists it.`);
}

if (import.meta.main) {
  let args;
  try {
    args = parseArgs({
      options: {
        title: { type: 'string' },
        operator: { type: 'string' },
        town: { type: 'string' },
        name: { type: 'string' },
        kind: { type: 'string' },
        towns: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
    if (args.positionals.length > 1) throw new Error('give one folder');
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${usage}`);
    process.exit(2);
  }
  if (args.values.help) {
    console.log(usage);
    process.exit(0);
  }
  const folder = path.resolve(args.positionals[0] ?? '.');
  try {
    report(await initSite(folder, args.values), folder);
  } catch (error) {
    if (error instanceof InitError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
