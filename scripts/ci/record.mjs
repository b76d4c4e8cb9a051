#!/usr/bin/env node
// Records one suite's counts for summarize.mjs. Usage: record.mjs <results-dir> <suite> <format> [file]
//   format "jest": Jest's --json report; "node": node:test TAP output; "pytest"/"gotest": their log;
//   "plain": a log whose last "N passed, N failed" line counts;
//   "check": a single pass/fail check whose exit code is given as [file].
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, suite, format, arg] = process.argv.slice(2);
const read = () => readFileSync(arg, 'utf8');
let counts;
switch (format) {
  case 'jest': {
    const r = JSON.parse(read());
    counts = {
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
      skipped: r.numPendingTests,
    };
    break;
  }
  case 'node': {
    const text = read();
    const num = key =>
      Number(text.match(new RegExp(`^# ${key} (\\d+)`, 'm'))?.[1] ?? 0);
    counts = {
      passed: num('pass'),
      failed: num('fail') + num('cancelled'),
      skipped: num('skipped'),
    };
    if (!/^# tests \d+/m.test(text)) counts.failed += 1;
    break;
  }
  case 'pytest': {
    const line =
      read()
        .split('\n')
        .reverse()
        .find(l => /=+ .*(passed|failed|error).* in [\d.]+s/.test(l)) ?? '';
    const num = key =>
      Number(line.match(new RegExp(`(\\d+) ${key}`))?.[1] ?? 0);
    counts = {
      passed: num('passed'),
      failed: num('failed') + num('errors?'),
      skipped: num('skipped'),
    };
    if (!line) counts.failed += 1;
    break;
  }
  case 'gotest': {
    const text = read();
    counts = {
      passed: (text.match(/^\s*--- PASS/gm) ?? []).length,
      failed:
        (text.match(/^\s*--- FAIL/gm) ?? []).length +
        (/^FAIL/m.test(text) && !/--- FAIL/.test(text) ? 1 : 0),
      skipped: (text.match(/^\s*--- SKIP/gm) ?? []).length,
    };
    break;
  }
  case 'plain': {
    const line =
      read()
        .split('\n')
        .reverse()
        .find(l => /\b\d+ passed, \d+ failed\b/.test(l)) ?? '';
    const num = key =>
      Number(line.match(new RegExp(`(\\d+) ${key}`))?.[1] ?? 0);
    counts = {
      passed: num('passed'),
      failed: num('failed') + (line ? 0 : 1),
      skipped: 0,
    };
    break;
  }
  case 'check':
    counts =
      Number(arg) === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
    break;
  default:
    console.error(`unknown format ${format}`);
    process.exit(2);
}
mkdirSync(join(dir, 'summary'), { recursive: true });
writeFileSync(
  join(dir, 'summary', `${suite}.json`),
  JSON.stringify({ suite, ...counts }),
);
