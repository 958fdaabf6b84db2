import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { appUrl, setUpSimulatorConnector, signInAsAdmin, simUrl } from "./support";

// The README's example consumer (examples/feed-mirror.mjs), run against the app as a user would:
// after a full sync its mirror holds the synced records; after an edit, a trash and a restriction
// change and an incremental run, running it again brings those, and its mirror equals one built
// from scratch (nothing missed, nothing stale).
const stamp = Date.now();

async function sim(request: APIRequestContext, route: string, method: string, data?: unknown) {
  const response = await request.fetch(`${simUrl}/__admin${route}`, { method, data });
  expect(response.ok(), `${method} ${route}`).toBe(true);
  return (await response.json().catch(() => ({}))) as Record<string, string>;
}

type MirrorRecord = { key: string; confluenceId: string; markdown: string | null; access: { layers: { nodeId: string; groups: string[] }[] } };

function runConsumer(file: string, apiKey: string, connectorId: string): Map<string, MirrorRecord> {
  execFileSync(process.execPath, ["examples/feed-mirror.mjs", file], {
    env: { ...process.env, APP_URL: appUrl, API_KEY: apiKey, CONNECTOR_ID: connectorId },
    stdio: "pipe",
  });
  const lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
  return new Map(lines.map((line) => JSON.parse(line) as MirrorRecord).map((r) => [r.key, r]));
}

/** Waits for the connector's newest run to finish and its indexing to drain. */
async function settled(page: Page, connectorId: string, runId?: string) {
  await expect
    .poll(
      async () => {
        const { runs } = (await (await page.request.get(`/api/connectors/${connectorId}/runs?limit=1`)).json()) as { runs: { id: string; status: string }[] };
        const index = (await (await page.request.get(`/api/connectors/${connectorId}/index-status`)).json()) as { pending: number };
        return runs[0] && (!runId || runs[0].id === runId) && !["queued", "running"].includes(runs[0].status) && index.pending === 0 ? runs[0].status : "busy";
      },
      { timeout: 240_000, intervals: [1000] },
    )
    .toBe("completed");
}

test("the example consumer keeps a JSONL mirror in step through a full sync, an edit, a trash and a permission change", async ({ page, request }) => {
  test.setTimeout(480_000);
  const spaces = (await (await request.get(`${simUrl}/__admin/spaces`)).json()) as { key: string; type: string; status: string }[];
  const space = spaces.find((s) => s.type === "global" && s.status === "current")!;
  const created = async (name: string) =>
    (await sim(request, "/pages", "POST", { spaceKey: space.key, title: `${name} ${stamp}`, body: `<p>${name} before.</p>` })).id;
  const [edited, trashed, restricted] = [await created("Feed edited"), await created("Feed trashed"), await created("Feed restricted")];

  await signInAsAdmin(page);
  const connectorId = await setUpSimulatorConnector(page, `Feed ${stamp}`);
  await settled(page, connectorId);
  const keyResponse = await page.request.post("/api/api-keys", { data: { name: `feed ${stamp}` }, headers: { origin: appUrl } });
  expect(keyResponse.status()).toBe(201);
  const apiKey = ((await keyResponse.json()) as { key: string }).key;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "feed-mirror-"));
  const mirrorFile = path.join(dir, "mirror.jsonl");
  const first = runConsumer(mirrorFile, apiKey, connectorId);
  const key = (id: string) => `${connectorId}/${id}`;
  for (const id of [edited, trashed, restricted]) expect(first.get(key(id))?.markdown).toContain("before.");

  const group = await sim(request, "/groups", "POST", { name: `feed-readers-${stamp}` });
  await sim(request, `/pages/${edited}`, "PUT", { body: "<p>The zanzibarquux procedure, revised.</p>" });
  await sim(request, `/pages/${trashed}/trash`, "POST");
  await sim(request, `/pages/${restricted}/restrictions`, "PUT", { users: [], groups: [group.id] });
  const started = await page.request.post(`/api/connectors/${connectorId}/sync`, { data: { kind: "incremental" }, headers: { origin: appUrl } });
  expect(started.status()).toBe(202);
  await settled(page, connectorId, ((await started.json()) as { run_id: string }).run_id);

  const resumed = runConsumer(mirrorFile, apiKey, connectorId);
  expect(resumed.get(key(edited))?.markdown).toContain("zanzibarquux");
  expect(resumed.has(key(trashed))).toBe(false);
  expect(resumed.get(key(restricted))?.access.layers).toEqual([expect.objectContaining({ nodeId: restricted, groups: [group.id] })]);
  const fromScratch = runConsumer(path.join(dir, "fresh.jsonl"), apiKey, connectorId);
  const sorted = (m: Map<string, MirrorRecord>) => [...m.values()].sort((a, b) => a.key.localeCompare(b.key));
  expect(sorted(resumed)).toEqual(sorted(fromScratch));
  expect(resumed.size).toBeGreaterThan(10);
});
