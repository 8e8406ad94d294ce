#!/usr/bin/env node
// The `aushang` command. Kept to the oldest syntax on purpose (var, require, no optional
// chaining) so that an old Node can still parse it and print one clear line instead of a
// syntax error; the real dispatcher is src/cli/aushang.ts.
var REQUIRED_MAJOR = 24;
var version = process.versions && process.versions.node ? process.versions.node : '0.0.0';
var major = parseInt(String(version).split('.')[0], 10);

if (!(major >= REQUIRED_MAJOR)) {
  process.stderr.write(
    'aushang needs Node.js ' + REQUIRED_MAJOR + ' or newer, this is v' + version + '.\n' +
    'Install Node.js ' + REQUIRED_MAJOR + ' (https://nodejs.org, or `nvm install ' + REQUIRED_MAJOR + '`) and run the command again.\n'
  );
  process.exit(1);
}

var path = require('node:path');
var url = require('node:url');
var fs = require('node:fs');

// Node strips TypeScript types itself, but not below node_modules: an installed package runs
// the JavaScript compiled at pack time (lib/), a checkout of the generator its sources (src/).
var root = path.resolve(__dirname, '..');
var installed = root.split(path.sep).indexOf('node_modules') !== -1;
var compiled = path.join(root, 'lib', 'cli', 'aushang.js');
var entry = installed || !fs.existsSync(path.join(root, 'src', 'cli', 'aushang.ts')) ? compiled : path.join(root, 'src', 'cli', 'aushang.ts');

import(url.pathToFileURL(entry).href).then(function (cli) {
  return cli.main(process.argv.slice(2));
}).then(function (code) {
  process.exitCode = code;
}, function (error) {
  process.stderr.write('aushang: ' + (error && error.message ? error.message : String(error)) + '\n');
  process.exitCode = 1;
});
