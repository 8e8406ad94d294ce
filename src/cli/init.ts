/**
 * `aushang init [folder] [--title …] [--operator …] [--town <slug>] [--name …] [--kind …]`: sets
 * up a site repository (see src/init/index.ts). Asks nothing: every flag has a default. Exit 0
 * when done, 1 when a file is in the way (nothing written), 2 on wrong arguments.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { initSite, InitError } from '../init/index.ts';

const usage = `Usage: aushang init [folder] [options]

Sets up a notice site in the folder (default: the current folder): one town with the usual
services of its kind, every one working as usual, CI for GitHub and GitLab, a README.
Never overwrites a file.

  --name <name>        the town's name (default Musterstadt)
  --kind <kind>        Stadt, Gemeinde or Kreis, or another word (default Stadt)
  --town <slug>        the town's folder and address (default: from the name)
  --operator <name>    who publishes the site (default: "<kind> <name>")
  --title <title>      the site's title (default: "Notfall-Informationen – <operator>")`;

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
    const result = await initSite(folder, args.values);
    const relative = path.relative(process.cwd(), folder);
    const where = relative === '' ? '.' : relative.startsWith('..') ? folder : relative;
    console.log(`Set up ${where === '.' ? 'this folder' : `${where}/`}: the town ${result.town} with ${result.services} services, all working as usual; ${result.written.length} files written.`);
    if (result.packageJson.length > 0) console.log(`package.json: added ${result.packageJson.join(', ')}.`);
    console.log(`\nNext: ${where === '.' ? '' : `cd ${where} && `}npm install && npm start — then read README.md (what to fill in before an outage).`);
  } catch (error) {
    if (error instanceof InitError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
