// Stops every npm script early, with one clear line, when it runs on a Node.js older than 24.
// Kept to the oldest syntax on purpose (var, no imports, no optional chaining) so that an
// old Node can still parse and run it and print the message instead of a syntax error.
var REQUIRED_MAJOR = 24;
var version = process.versions && process.versions.node ? process.versions.node : '0.0.0';
var major = parseInt(String(version).split('.')[0], 10);

if (!(major >= REQUIRED_MAJOR)) {
  process.stderr.write(
    'Aushang needs Node.js ' + REQUIRED_MAJOR + ' or newer, this is v' + version + '. ' +
    'Run it through npm scripts (npm run \u2026), which use the Node ' + REQUIRED_MAJOR +
    ' from node_modules/.bin, or install Node ' + REQUIRED_MAJOR + ' (see .nvmrc).\n'
  );
  process.exit(1);
}
