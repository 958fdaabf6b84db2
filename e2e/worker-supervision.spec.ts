import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { appUrl, setUpSimulatorConnector, signInAsAdmin } from "./support";

// Under the real start command (the web server Playwright starts is scripts/start.ts), a worker
// killed from outside is restarted while the web server keeps answering, and the new worker
// runs syncs. Last in the suite (files run in name order, one at a time) so no other spec's run
// is interrupted.
const workerScript = path.join(process.cwd(), "worker/index.ts");

function workerPids(): number[] {
  try {
    return execFileSync("pgrep", ["-f", workerScript], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

test("a killed worker is restarted, the web server keeps answering, and the new worker syncs", async ({ page, request }) => {
  test.setTimeout(300_000);
  const [before] = workerPids();
  expect(before, `a worker process running ${workerScript}`).toBeGreaterThan(0);
  process.kill(before!, "SIGKILL");

  // The web server answers throughout the restart.
  const until = Date.now() + 5_000;
  while (Date.now() < until) {
    const health = await request.get(`${appUrl}/api/health`);
    expect(health.status()).toBe(200);
    await new Promise((r) => setTimeout(r, 250));
  }
  await expect.poll(() => workerPids().filter((pid) => pid !== before).length, { timeout: 60_000 }).toBeGreaterThan(0);
  expect(workerPids()).not.toContain(before);

  await signInAsAdmin(page);
  await setUpSimulatorConnector(page, `After restart ${Date.now()}`);
  await expect(page.getByTestId("current-run-status")).toHaveText("Completed", { timeout: 240_000 });
});
