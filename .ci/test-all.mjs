#!/usr/bin/env node
// `npm test`: Prettier check, lint, type-check, the API's Jest tests on a real PostgreSQL, the web's Vitest
// tests, and the browser end-to-end tests — every step runs even when an earlier one fails.
// Ends with one plain line `N passed, N failed, N skipped` (CI reads it; Jest and Vitest
// summaries are not read).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '0',
};
const results = 'dist/test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const steps = [
  { name: 'format', command: ['npm', ['run', '--silent', 'format:check']] },
  { name: 'lint', args: ['run-many', '-t', 'lint', '--parallel=2'] },
  { name: 'typecheck', args: ['run-many', '-t', 'typecheck', '--parallel=2'] },
  { name: 'api tests', args: ['run', 'api:test'], report: 'api.json' },
  { name: 'web tests', args: ['run', 'web:test'], report: 'web.json' },
  { name: 'end-to-end tests', args: ['run', 'e2e:e2e'], report: 'e2e.json' },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];
// every failed test with the start of its message, repeated at the end: CI shows only the last part of
// the output, and a test that fails one time in twenty must be findable from that part alone
const failures = [];
for (const step of steps) {
  const started = Date.now();
  process.stdout.write(`\n=== ${step.name} ===\n`);
  const [command, args] = step.command ?? [
    'npx',
    ['nx', ...step.args, '--outputStyle=stream', '--skip-nx-cache'],
  ];
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  if (step.report) {
    const file = `${results}/${step.report}`;
    if (existsSync(file)) {
      const report = JSON.parse(readFileSync(file, 'utf8'));
      totals.passed += report.numPassedTests ?? 0;
      totals.failed += report.numFailedTests ?? 0;
      totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
      // a suite that failed to run (e.g. a crash before any test) counts as a failure
      const brokenSuites = (report.testResults ?? []).filter(
        (s) =>
          s.status === 'failed' && !(s.assertionResults ?? []).some((a) => a.status === 'failed'),
      );
      totals.failed += brokenSuites.length;
      for (const suite of report.testResults ?? []) {
        const file = String(suite.name ?? '').replace(`${process.cwd()}/`, '');
        for (const test of suite.assertionResults ?? []) {
          if (test.status !== 'failed') continue;
          const message = (test.failureMessages ?? []).join('\n');
          failures.push(
            `${step.name}: ${file} › ${test.fullName ?? test.title}\n${excerpt(message)}`,
          );
        }
        const failedHere = (suite.assertionResults ?? []).some((a) => a.status === 'failed');
        if ((failedHere || brokenSuites.includes(suite)) && step.report === 'e2e.json') {
          failures.push(
            `${step.name}: ${file}: the end of its server's output\n${serverTail(file)}`,
          );
        }
        if (brokenSuites.includes(suite)) {
          failures.push(
            `${step.name}: ${file} (did not run)\n${excerpt(String(suite.message ?? ''))}`,
          );
        }
      }
      if (!ok && report.numFailedTests === 0 && brokenSuites.length === 0) totals.failed += 1;
    } else {
      totals.failed += 1; // the runner did not even produce its report
    }
  } else if (!ok) {
    totals.failed += 1; // a lint or type error counts as one failure
  }
  if (!ok) failedSteps.push(step.name);
  process.stdout.write(`=== ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds}s ===\n`);
}

if (failures.length) {
  process.stdout.write(`\nfailed tests:\n${failures.map((f) => `- ${f}`).join('\n')}\n`);
}
if (failedSteps.length) process.stdout.write(`\nfailed steps: ${failedSteps.join(', ')}\n`);
process.stdout.write(
  `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
process.exit(failedSteps.length ? 1 : 0);

/** The first lines of a failure message, without colour codes, indented under its test. */
function excerpt(message) {
  return message
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s*at .*node_modules/.test(line))
    .slice(0, 12)
    .map((line) => `    ${line.slice(0, 300)}`)
    .join('\n');
}

/**
 * What a browser suite's server printed (written by apps/e2e/src/browser-suite.ts): its last
 * warnings and errors, its slow requests (1 s or more), then its last lines.
 */
function serverTail(file) {
  try {
    const log = `${results}/e2e-servers/${file.split('/').pop()}.log`;
    if (!existsSync(log)) return '    (no server output kept)';
    const lines = readFileSync(log, 'utf8')
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .filter((line) => line.trim() !== '');
    const notable = lines.filter(
      (line) =>
        /\b(WARN|ERROR|FATAL)\b/.test(line) ||
        Number(/"responseTime":(\d+)/.exec(line)?.[1] ?? 0) >= 1000,
    );
    const spec = file.split('/').pop();
    const browserLog = `${results}/e2e-servers/${spec}.browser.log`;
    const browser = existsSync(browserLog)
      ? readFileSync(browserLog, 'utf8').split('\n').filter(Boolean).slice(-15)
      : [];
    const evidence = `${results}/e2e-failures/${spec}`;
    return [
      ...notable.slice(-15),
      '…',
      ...lines.slice(-15),
      ...(browser.length ? ["the browser's last lines:", ...browser] : []),
      ...(existsSync(evidence) ? [`screenshots and DOM of the failed tests: ${evidence}/`] : []),
    ]
      .map((line) => `    ${line.slice(0, 300)}`)
      .join('\n');
  } catch (error) {
    return `    (server output unreadable: ${error})`;
  }
}
