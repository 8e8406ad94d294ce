// Runs the Astro CLI (`node scripts/astro.mjs preview …`, `… check`) with Astro's telemetry off:
// a public body's build and preview must not contact anyone. Astro sends anonymous usage data to
// its servers unless ASTRO_TELEMETRY_DISABLED is set, and it looks at the variable before it
// reads any configuration, so it is set here, before Astro is loaded. (`npm run build` sets it
// in src/cli/build.ts.)
process.env.ASTRO_TELEMETRY_DISABLED = '1';
await import(new URL('bin/astro.mjs', import.meta.resolve('astro/package.json')).href);
