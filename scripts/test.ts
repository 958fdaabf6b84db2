/**
 * `npm test`: type-check, lint, unit and integration tests (vitest, on a real embedded PostgreSQL
 * and the simulator over HTTP), then the browser tests (Playwright in Debian's Chromium).
 * Ends with one line "N passed, N failed" summing both runners.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => path.join(projectDir, "node_modules", ".bin", name);
const resultsDir = path.join(projectDir, "test-results");

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  return candidates.find((c): c is string => !!c && fs.existsSync(c)) ?? null;
}

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n[test] ${label}`);
  const result = spawnSync(command, args, { cwd: projectDir, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function countVitest(): { passed: number; failed: number } {
  try {
    const report = JSON.parse(fs.readFileSync(path.join(resultsDir, "vitest.json"), "utf8"));
    const failedTests = report.numFailedTests ?? 0;
    // A file that fails to load fails the run without failing a test: count it once.
    return { passed: report.numPassedTests ?? 0, failed: failedTests || (report.success ? 0 : 1) };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

function countPlaywright(): { passed: number; failed: number } {
  try {
    const report = JSON.parse(fs.readFileSync(path.join(resultsDir, "e2e.json"), "utf8"));
    const stats = report.stats ?? {};
    return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (report.errors?.length ?? 0) };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const chromium = findChromium();
if (!chromium) {
  console.error(
    "[test] Chromium is needed for the browser tests and was not found.\n" +
      "  Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.",
  );
  process.exit(1);
}

fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
const typecheckOk = run("type-check (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
const formatOk = run("format check (Prettier; fix with npm run format)", bin("prettier"), ["--check", "."]);
const lintOk = run("lint (ESLint with typescript-eslint and the React hooks rules)", bin("eslint"), ["."]);
run("unit and integration tests (vitest)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${path.join(resultsDir, "vitest.json")}`,
]);
run("browser tests (Playwright, Chromium at " + chromium + ")", bin("playwright"), ["test"], { CHROMIUM_PATH: chromium });

const vitest = countVitest();
const e2e = countPlaywright();
const passed = vitest.passed + e2e.passed;
const failed = vitest.failed + e2e.failed + (typecheckOk ? 0 : 1) + (lintOk ? 0 : 1) + (formatOk ? 0 : 1);
const checks = `${typecheckOk ? "" : "; type-check failed"}${lintOk ? "" : "; lint failed"}${formatOk ? "" : "; format check failed"}`;
console.log(`\n[test] vitest: ${vitest.passed} passed, ${vitest.failed} failed; playwright: ${e2e.passed} passed, ${e2e.failed} failed${checks}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
