#!/usr/bin/env node
// Prints the plain closing line CI reads, "N passed, N failed", from vitest's JSON report.
// A test file that failed to load counts as one failure.
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? '.vitest-results.json';
let report;
try {
  report = JSON.parse(readFileSync(path, 'utf8'));
} catch (error) {
  console.log(`no test report at ${path}: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const brokenFiles = (report.testResults ?? []).filter((file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0).length;
const passed = report.numPassedTests ?? 0;
// Errors outside any test (unhandled rejections) make vitest report success: false.
const outsideErrors = report.success === false && (report.numFailedTests ?? 0) + brokenFiles === 0 ? 1 : 0;
const failed = (report.numFailedTests ?? 0) + brokenFiles + outsideErrors;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
