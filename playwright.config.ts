import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The app under test runs through the same start command a user runs, on a throw-away
// embedded PostgreSQL in a temp folder and its own port.
const port = Number(process.env.E2E_PORT ?? 3199);
process.env.E2E_DATA_DIR ??= (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "connector-e2e-"));
  fs.chmodSync(dir, 0o755);
  return dir;
})();
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The Confluence simulator, a separate server the app reaches only by URL (as it would Atlassian).
const simPort = Number(process.env.E2E_SIM_PORT ?? 4799);
const simUrl = `http://127.0.0.1:${simPort}`;
// A second simulator serving the same kind of site as Confluence Data Center (under /confluence),
// listed as the operator would list an internal Data Center host; its rate limit is off.
const dcSimPort = Number(process.env.E2E_DC_SIM_PORT ?? 4798);
const dcSimUrl = `http://127.0.0.1:${dcSimPort}`;

export default defineConfig({
  testDir: "e2e",
  // Playwright empties its output folder at start; keep it apart from the vitest report.
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: `node node_modules/tsx/dist/cli.mjs simulator/cli.ts --port ${simPort} --seed 42 --spaces 4 --pages 60 --decoy`,
      url: `${simUrl}/__admin/stats`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: `node node_modules/tsx/dist/cli.mjs simulator/cli.ts --flavor datacenter --port ${dcSimPort} --seed 42 --spaces 3 --pages 40 --dc-rate 0`,
      url: `${dcSimUrl}/__admin/stats`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: "node node_modules/tsx/dist/cli.mjs scripts/start.ts",
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        PORT: String(port),
        DATA_DIR: path.join(process.env.E2E_DATA_DIR, "data"),
        LOG_LEVEL: "warn",
        APP_URL: `http://localhost:${port}`,
        CONFLUENCE_EXTRA_SITE_ORIGINS: simUrl,
        CONFLUENCE_DC_ORIGINS: dcSimUrl,
        ATLASSIAN_AUTH_URL: `${simUrl}/auth`,
        ATLASSIAN_API_URL: `${simUrl}/api`,
      },
    },
  ],
});
