#!/usr/bin/env node
// Sums every suite's results (written by scripts/test.sh into test-results/summary/*.json) and prints the closing
// line `tests: N passed, N failed`. Also names the databases the store tests ran on, from Jest's JSON report.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-results';
const summaryDir = join(dir, 'summary');
let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\nSuites:');
for (const file of existsSync(summaryDir)
  ? readdirSync(summaryDir).sort()
  : []) {
  const s = JSON.parse(readFileSync(join(summaryDir, file), 'utf8'));
  passed += s.passed;
  failed += s.failed;
  skipped += s.skipped ?? 0;
  const mark = s.failed > 0 ? 'FAIL' : 'ok  ';
  console.log(
    `  ${mark} ${s.suite.padEnd(28)} ${s.passed} passed, ${s.failed} failed${
      s.skipped ? `, ${s.skipped} skipped` : ''
    }`,
  );
}

const jestReport = join(dir, 'jest.json');
const perDatabase = {};
const storeTestsRanOn = db => (perDatabase[db] ?? 0) > 0;
if (existsSync(jestReport)) {
  const report = JSON.parse(readFileSync(jestReport, 'utf8'));
  for (const suite of report.testResults) {
    for (const t of suite.assertionResults) {
      const db = t.ancestorTitles
        .join(' ')
        .match(/\((POSTGRES_\d+|SQLITE_3|MYSQL_\d+)\)/)?.[1];
      if (db && t.status === 'passed')
        perDatabase[db] = (perDatabase[db] ?? 0) + 1;
    }
  }
  console.log(
    `\nStore tests per database: ${
      Object.entries(perDatabase)
        .map(([db, n]) => `${db} ${n} passed`)
        .join(', ') || 'none'
    }`,
  );
}
console.log(
  `\ntests: ${passed} passed, ${failed} failed${
    skipped ? `, ${skipped} skipped` : ''
  }`,
);
process.exit(failed > 0 ? 1 : 0);
