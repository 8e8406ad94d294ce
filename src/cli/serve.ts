/**
 * `aushang serve [--out dist] [--port 4321] [--host]` (`npm run serve` in the generator): serves
 * the built site on this computer to look at it before it is published, with Astro's preview
 * server (the same base path as the build, from `BASE_PATH`). Not meant for the public: publish
 * `dist/` on a static web host.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

const usage = `Usage: aushang serve [--out <folder>] [--port <n>] [--host]

  --out <folder>  the built site (default dist, as aushang build writes it)
  --port <n>      the port (default 4321)
  --host          listen on every network interface, not only on this computer`;

if (import.meta.main) {
  let args;
  try {
    args = parseArgs({
      options: { out: { type: 'string' }, port: { type: 'string' }, host: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${usage}`);
    process.exit(2);
  }
  if (args.values.help) {
    console.log(usage);
    process.exit(0);
  }
  const outDir = path.resolve(args.values.out ?? 'dist');
  const port = Number(args.values.port ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port needs a port number, not "${args.values.port}"\n\n${usage}`);
    process.exit(2);
  }
  if (!(await stat(path.join(outDir, 'index.html')).catch(() => null))) {
    console.error(`${path.relative(process.cwd(), outDir) || outDir}/ holds no built site. Run aushang build (npm run build) first.`);
    process.exit(1);
  }
  // A public body's preview must not contact anyone: Astro reads this before it loads.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { preview } = await import('astro');
  const root = path.resolve(import.meta.dirname, '../..');
  process.env.AUSHANG_OUT_DIR = outDir;
  await preview({ root, outDir, server: { port, host: args.values.host ?? false }, logLevel: 'info' } as Parameters<typeof preview>[0]);
}
