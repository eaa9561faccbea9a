// `npm test`: type checks, unit and transcript tests (Vitest), then browser tests
// (Playwright), ending with one "N passed, N failed" line that CI can count.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
let passed = 0;
let failed = 0;
const problems = [];

function run(label, command, args) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

// 1. Type checks (app, the DOM-free cluster core, Svelte components).
if (run('typecheck', 'npm', ['run', '--silent', 'typecheck'])) passed++;
else { failed++; problems.push('typecheck'); }

// 2. Unit, transcript and lesson tests.
rmSync('vitest.json', { force: true });
const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=vitest.json']);
if (existsSync('vitest.json')) {
  const report = JSON.parse(readFileSync('vitest.json', 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (report.numTotalTests === 0) { failed++; problems.push('vitest ran no test'); }
}
if (!unitOk) { if (!existsSync('vitest.json') || failed === 0) failed++; problems.push('unit tests'); }

// 3. Browser tests against the production build.
if (!run('build', 'npm', ['run', '--silent', 'build'])) { failed++; problems.push('build'); }
else {
  const jsonPath = 'e2e-report.json';
  rmSync(jsonPath, { force: true });
  env.PLAYWRIGHT_JSON_OUTPUT_NAME = jsonPath;
  const e2eOk = run('browser tests', 'npx', ['playwright', 'test', '--reporter=list,json']);
  if (existsSync(jsonPath)) {
    const stats = JSON.parse(readFileSync(jsonPath, 'utf8')).stats ?? {};
    passed += stats.expected ?? 0;
    failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  }
  if (!e2eOk) { failed++; problems.push('browser tests'); }
}

if (problems.length) console.log(`\nFailed: ${problems.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
