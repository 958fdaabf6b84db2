import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { listAllFromSim, signInAsAdmin, simAdmin, simBasic, simUrl } from "./support";

// The sync dashboard against the simulator: the first sync started from the ready dialog,
// an incremental one that picks up exactly one edit, and a full resync cancelled mid-run.
test.describe.configure({ mode: "serial" });

const connectorName = `Sync dashboard ${Date.now()}`;
let connectorId = "";

/** Every item of a v2 list, following `_links.next` (lists return current and archived content). */
type Item = { id: string; spaceId?: string; key?: string };

const listAll = (request: APIRequestContext, path: string) => listAllFromSim<Item>(request, path);

/** What a sync with default settings stores: the pages and blog posts of the site's current spaces. */
async function expectedCounts(request: APIRequestContext) {
  const spaceList = await listAll(request, "/wiki/api/v2/spaces?limit=250&status=current");
  const spaces = new Set(spaceList.map((s) => s.id));
  const inScope = (items: Item[]) => items.filter((i) => spaces.has(i.spaceId ?? "")).length;
  return {
    spaceKeys: spaceList.map((s) => s.key!),
    pages: inScope(await listAll(request, "/wiki/api/v2/pages?limit=250")),
    blogPosts: inScope(await listAll(request, "/wiki/api/v2/blogposts?limit=250")),
  };
}

const currentRun = (page: Page) => page.getByRole("region", { name: /Current run|Latest run/ });
const count = (page: Page, type: string, column: string) => page.getByTestId(`run-counts-${type}`).locator(`td[data-column="${column}"]`);

test("Start syncing now opens the dashboard, which follows the run to Completed with the site's counts", async ({ page, request }) => {
  test.setTimeout(120_000);
  const expected = await expectedCounts(request);
  expect(expected.pages).toBeGreaterThan(10);
  expect(expected.blogPosts).toBeGreaterThan(0);

  await signInAsAdmin(page);
  await page.getByRole("button", { name: "+ Setup" }).click();
  await page.getByLabel("Authentication method").selectOption({ label: "API Token" });
  await page.getByLabel("Connector name").fill(connectorName);
  await page.getByLabel("Base URL").fill(simUrl);
  await page.getByLabel("Email").fill(simAdmin.email);
  await page.getByLabel("API Token").fill(simAdmin.apiToken);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("group", { name: "Spaces" }).getByRole("checkbox").first()).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  const ready = page.getByRole("dialog", { name: "Instance is configured and ready to sync" });
  await ready.getByRole("button", { name: "Start syncing now" }).click();

  await expect(page).toHaveURL(/\/connectors\/[^/]+$/);
  connectorId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1, name: connectorName })).toBeVisible();
  await expect(currentRun(page)).toContainText("Full sync");
  await expect(page.getByTestId("current-run-status")).toHaveText("Completed", { timeout: 90_000 });

  // Every phase bar, Permissions included, is full once the run completed.
  const bars = currentRun(page).getByRole("list", { name: "Phases" }).getByRole("progressbar");
  await expect(bars).toHaveCount(7);
  await expect(bars.and(page.getByLabel("Permissions"))).toHaveAttribute("aria-valuenow", "100");
  for (const bar of await bars.all()) await expect(bar).toHaveAttribute("aria-valuenow", "100");

  await expect(count(page, "page", "discovered")).toHaveText(String(expected.pages));
  await expect(count(page, "page", "fetched")).toHaveText(String(expected.pages));
  await expect(count(page, "blogpost", "fetched")).toHaveText(String(expected.blogPosts));
  await expect(count(page, "page", "failed")).toHaveText("0");
  expect(Number(await currentRun(page).getByLabel("Requests made").textContent())).toBeGreaterThan(5);
  await expect(page.getByLabel("Stored pages")).toHaveText(String(expected.pages));
  await expect(page.getByLabel("Stored blog posts")).toHaveText(String(expected.blogPosts));
  const bySpace = page.getByRole("table", { name: "Stored content by space" });
  for (const key of expected.spaceKeys) await expect(bySpace.getByText(key, { exact: true })).toBeVisible();
  await expect(page.getByTestId("connector-status")).toHaveText("Active");
  const history = page.getByRole("table", { name: "Sync runs" }).locator("tbody tr");
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText("Completed");
  await expect(page.getByTestId("history-bar")).toHaveAttribute("data-items", String(await syncedItems(page)));
});

/** Fetched + unchanged over every type, as the table shows them (what the history bar should draw). */
async function syncedItems(page: Page): Promise<number> {
  let sum = 0;
  for (const type of ["space", "folder", "page", "blogpost", "footer_comment", "inline_comment", "attachment", "label", "permission"]) {
    sum += Number(await count(page, type, "fetched").textContent()) + Number(await count(page, type, "unchanged").textContent());
  }
  return sum;
}

test("Sync now runs incrementally and fetches only the page edited since", async ({ page, request }) => {
  test.setTimeout(90_000);
  const expected = await expectedCounts(request);
  const listed = await request.get(`${simUrl}/wiki/api/v2/pages?limit=1&status=current`, { headers: { authorization: simBasic } });
  const first = ((await listed.json()) as { results: Item[] }).results[0];
  const edited = await request.put(`${simUrl}/__admin/pages/${first!.id}`, { data: { body: "<p>Edited by the sync e2e</p>", message: "e2e edit" } });
  expect(edited.ok()).toBe(true);

  await signInAsAdmin(page);
  // The list links each connector to its dashboard.
  await page.getByRole("link", { name: connectorName }).click();
  await expect(page).toHaveURL(new RegExp(`/connectors/${connectorId}$`));
  await page.getByRole("button", { name: "Sync now" }).click();
  await expect(currentRun(page)).toContainText("Incremental sync");
  await expect(page.getByTestId("current-run-status")).toHaveText("Completed", { timeout: 60_000 });
  await expect(count(page, "page", "fetched")).toHaveText("1");
  await expect(count(page, "blogpost", "fetched")).toHaveText("0");
  await expect(page.getByLabel("Stored pages")).toHaveText(String(expected.pages));
  await expect(page.getByRole("table", { name: "Sync runs" }).locator("tbody tr")).toHaveCount(2);
});

test("a full resync can be cancelled while it runs, and a second start is refused meanwhile", async ({ page, request }) => {
  test.setTimeout(90_000);
  const expected = await expectedCounts(request);
  // Slow every Confluence request so the run is still going when Cancel is pressed.
  expect((await request.put(`${simUrl}/__admin/faults`, { data: { latencyMs: 700 } })).ok()).toBe(true);
  try {
    await signInAsAdmin(page);
    await page.goto(`/connectors/${connectorId}`);
    const history = page.getByRole("table", { name: "Sync runs" }).locator("tbody tr");
    await expect(history.first()).toContainText("Completed");
    const runsBefore = await history.count();
    await page.getByRole("button", { name: "Full resync" }).click();
    await expect(currentRun(page)).toContainText("Full sync");
    await expect(page.getByTestId("current-run-status")).toHaveText("Running", { timeout: 30_000 });

    await page.getByRole("button", { name: "Sync now" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "already queued, running" })).toBeVisible();

    await page.getByRole("button", { name: "Cancel", exact: true }).click();
    await expect(page.getByTestId("current-run-status")).toHaveText("Cancelled", { timeout: 30_000 });
    await expect(currentRun(page)).toContainText("Cancelled by an administrator.");
    await expect(page.getByRole("button", { name: "Cancel", exact: true })).toHaveCount(0);
    // The run stopped before its last phase, so not every bar is full.
    await expect(currentRun(page).getByRole("progressbar", { name: "Reconciling" })).toHaveAttribute("aria-valuenow", "0");
    await expect(history).toHaveCount(runsBefore + 1);
    await expect(history.first()).toContainText("Cancelled");
    // A cancelled full run removes nothing: reconciliation never ran.
    await expect(page.getByLabel("Stored pages")).toHaveText(String(expected.pages));
  } finally {
    await request.delete(`${simUrl}/__admin/faults`);
  }
});

test("an unknown connector id is a 404 page", async ({ page }) => {
  await signInAsAdmin(page);
  const response = await page.goto("/connectors/no-such-connector");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Page not found")).toBeVisible();
});
