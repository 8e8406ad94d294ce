/**
 * Prints one final line after every test run: `N passed, N failed`.
 *
 * It runs next to Vitest's default reporter (which prints the details) and is listed last,
 * so its line is the last thing `npm test` writes. CI and people grep for it.
 *
 * - passed: test cases that passed.
 * - failed: test cases that failed, plus one for every test file that failed outside its
 *   tests (import or syntax error, failing `beforeAll`/`afterAll`) and one for every
 *   unhandled error. A red run therefore never reads `0 failed`.
 * - Skipped and todo tests count in neither number.
 */
import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

export interface Summary {
  passed: number;
  failed: number;
}

export function summarize(
  testModules: ReadonlyArray<TestModule>,
  unhandledErrors: ReadonlyArray<SerializedError>,
  reason: TestRunEndReason,
): Summary {
  let passed = 0;
  let failed = 0;
  for (const testModule of testModules) {
    for (const testCase of testModule.children.allTests()) {
      const state = testCase.result().state;
      if (state === 'passed') passed += 1;
      else if (state === 'failed') failed += 1;
    }
    // Errors outside any test: the file did not load, or a suite-level hook threw.
    const suiteErrors =
      testModule.errors().length +
      [...testModule.children.allSuites()].reduce((sum, suite) => sum + suite.errors().length, 0);
    if (suiteErrors > 0) failed += 1;
  }
  failed += unhandledErrors.length;
  // Vitest says the run failed but nothing above explains it (e.g. no test files found).
  if (reason === 'failed' && failed === 0) failed = 1;
  return { passed, failed };
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const { passed, failed } = summarize(testModules, unhandledErrors, reason);
    process.stdout.write(`${passed} passed, ${failed} failed\n`);
  }
}
