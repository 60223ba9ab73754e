// Prints the closing "N passed, N failed" line from vitest's JSON reports plus the other CI steps,
// and exits non-zero when anything failed (or a test run failed to report).
// Usage: node summary.mjs EXTRA_PASSED EXTRA_FAILED REPORT.json:EXIT_STATUS [REPORT.json:EXIT_STATUS …]
import { existsSync, readFileSync } from 'node:fs';

const [extraPassed = '0', extraFailed = '0', ...runs] = process.argv.slice(2);
let passed = Number(extraPassed);
let failed = Number(extraFailed);
for (const run of runs) {
  const at = run.lastIndexOf(':');
  const file = run.slice(0, at);
  const status = Number(run.slice(at + 1));
  let runFailed = 0;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    runFailed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
    if ((report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) > 0) {
      console.log(`note: ${file}: ${report.numPendingTests + report.numTodoTests} skipped or todo tests`);
    }
  } else {
    console.log(`note: ${file} was not written`);
    runFailed += 1;
  }
  // A run that exited non-zero without a failed test (a crash, a timeout) still counts as a failure.
  if (status !== 0 && runFailed === 0) runFailed = 1;
  failed += runFailed;
}
if (runs.length === 0) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
