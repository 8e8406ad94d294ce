#!/usr/bin/env node
// The `aushang` command. Kept to the oldest syntax on purpose (var, require, no optional
// chaining) so that an old Node can still parse it and print one clear line instead of a
// syntax error; the real dispatcher is src/cli/aushang.ts.
var REQUIRED_MAJOR = 24;
var version = process.versions && process.versions.node ? process.versions.node : '0.0.0';
var major = parseInt(String(version).split('.')[0], 10);

// A site repository depends on the `node` package (Node 24): after `npm ci` its binary is in
// node_modules/node/bin/. Started by an older Node (a system Node 20, `npx` outside an npm
// script), the command runs itself again with that one.
function pinnedNode() {
  var path = require('path');
  var fs = require('fs');
  var starts = [path.resolve(__dirname, '..'), process.cwd()];
  for (var i = 0; i < starts.length; i++) {
    var dir = starts[i];
    for (;;) {
      var names = ['node', 'node.exe'];
      for (var j = 0; j < names.length; j++) {
        var candidate = path.join(dir, 'node_modules', 'node', 'bin', names[j]);
        try {
          if (fs.statSync(candidate).isFile()) return candidate;
        } catch (error) {
          // not here; look further up
        }
      }
      var parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}

if (!(major >= REQUIRED_MAJOR) && !process.env.AUSHANG_REEXEC) {
  var pinned = pinnedNode();
  if (pinned) {
    var env = Object.assign({}, process.env, { AUSHANG_REEXEC: '1' });
    var child = require('child_process').spawnSync(pinned, [__filename].concat(process.argv.slice(2)), { stdio: 'inherit', env: env });
    if (!child.error) {
      if (child.signal) process.kill(process.pid, child.signal);
      process.exit(child.status === null ? 1 : child.status);
    }
  }
}

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
