// Prints the closing "N passed, N failed" line from vitest's JSON report plus the other CI steps,
// and exits non-zero when anything failed (or the test run itself failed to report).
import { existsSync, readFileSync } from 'node:fs';

const [file, extraPassed = '0', extraFailed = '0', testStatus = '1'] = process.argv.slice(2);
let passed = Number(extraPassed);
let failed = Number(extraFailed);
if (file && existsSync(file)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  if ((report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) > 0) {
    console.log(`note: ${report.numPendingTests + report.numTodoTests} skipped or todo tests`);
  }
} else {
  failed += 1;
}
if (Number(testStatus) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
