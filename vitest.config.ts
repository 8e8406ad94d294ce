/**
 * Test setup. `npm test` runs every project; `npx vitest run --project unit` runs one.
 *
 * - unit, unit-new-york: tests/unit, fast and in parallel. Every unit test runs twice, with
 *   TZ=UTC and with TZ=America/New_York, because output must not depend on the machine's
 *   time zone (docs/deploy.md, "Reproducible builds").
 * - build: tests/build, builds fixtures and asserts on dist/. Slow, one file at a time.
 * - e2e: tests/e2e, serves a build and drives Chromium. Slow, one file at a time.
 *
 * build and e2e set `fileParallelism: false`: Vitest then runs their files one by one, after
 * the unit tests, so at most one Astro build or browser runs at a time (2-core CI machines).
 *
 * Both also share one folder of builds for the run (tests/support/build-cache.ts): a test file
 * asks `buildOnce(content, env)` (tests/support/build.ts) in `beforeAll`, and the first file
 * that needs a content in an environment builds it, the others reuse it.
 *
 * The summary reporter prints the final line `N passed, N failed`.
 */
import { defineConfig } from 'vitest/config';
import SummaryReporter from './tests/support/summary-reporter.ts';

const slow = {
  fileParallelism: false,
  // A build takes 10–30 s on a small machine; a file may build more than one fixture.
  testTimeout: 120_000,
  hookTimeout: 300_000,
  env: { TZ: 'UTC' },
  globalSetup: './tests/support/build-cache.ts',
} as const;

export default defineConfig({
  test: {
    environment: 'node',
    reporters: ['default', new SummaryReporter()],
    teardownTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        extends: true,
        test: {
          name: 'unit-new-york',
          include: ['tests/unit/**/*.test.ts'],
          env: { TZ: 'America/New_York' },
        },
      },
      {
        extends: true,
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], ...slow },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], ...slow },
      },
    ],
  },
});
