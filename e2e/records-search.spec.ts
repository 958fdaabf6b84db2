import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { listAllFromSim, setUpSimulatorConnector, signInAsAdmin, simBasic, simUrl } from "./support";

// All Records, the record view, Search and the index panel of the dashboard, after one full
// sync of the simulator (which converts and indexes everything as its last phase).
test.describe.configure({ mode: "serial" });

const connectorName = `Records and search ${Date.now()}`;
let connectorId = "";

type SimItem = { id: string; title: string; status: string; spaceId?: string; key?: string; pageId?: string; blogPostId?: string };

/** What a sync with default settings stores, by the simulator's own REST API. */
async function siteContents(request: APIRequestContext) {
  const spaces = await listAllFromSim<SimItem>(request, "/wiki/api/v2/spaces?limit=250&status=current");
  const spaceIds = new Set(spaces.map((s) => s.id));
  const spaceKeys = new Set(spaces.map((s) => s.key!));
  const pages = (await listAllFromSim<SimItem>(request, "/wiki/api/v2/pages?limit=250")).filter((p) => spaceIds.has(p.spaceId ?? ""));
  const blogPosts = (await listAllFromSim<SimItem>(request, "/wiki/api/v2/blogposts?limit=250")).filter((p) => spaceIds.has(p.spaceId ?? ""));
  const containers = new Set([...pages, ...blogPosts].map((c) => c.id));
  const inScope = (items: SimItem[]) => items.filter((i) => containers.has(i.pageId ?? i.blogPostId ?? "")).length;
  const comments =
    inScope(await listAllFromSim<SimItem>(request, "/wiki/api/v2/footer-comments?limit=250")) +
    inScope(await listAllFromSim<SimItem>(request, "/wiki/api/v2/inline-comments?limit=250"));
  const attachments = inScope(await listAllFromSim<SimItem>(request, "/wiki/api/v2/attachments?limit=250"));
  const search = await request.get(`${simUrl}/wiki/rest/api/search?cql=${encodeURIComponent("type = folder")}&limit=250`, {
    headers: { authorization: simBasic },
  });
  const found = (await search.json()) as { results: { url: string }[]; size: number };
  expect(found.size).toBeLessThan(250);
  const folders = found.results.filter((r) => spaceKeys.has(decodeURIComponent(r.url.split("/")[2] ?? ""))).length;
  return { pages, blogPosts, total: pages.length + blogPosts.length + comments + attachments + folders };
}

/** A current page with a plain "Words 12" title, whose number makes it unique on the site. */
const targetPage = (pages: SimItem[]) => pages.find((p) => p.status === "current" && /^[A-Za-z ]+ \d+$/.test(p.title))!;

const range = (page: Page) => page.getByRole("navigation", { name: "Records pages" }).getByTestId("pager-range");
const rows = (page: Page) => page.getByRole("table", { name: "Records" }).getByTestId("record-row");
const indexCount = (page: Page, label: string) => page.getByRole("region", { name: "Search index" }).getByLabel(`Index ${label}`);

test("after a full sync, All Records lists every synced record, filters by type, pages and sorts", async ({ page, request }) => {
  test.setTimeout(240_000);
  const site = await siteContents(request);
  expect(site.pages.length).toBeGreaterThan(50);

  await signInAsAdmin(page);
  connectorId = await setUpSimulatorConnector(page, connectorName);
  await expect(page.getByTestId("current-run-status")).toHaveText("Completed", { timeout: 180_000 });

  await page.getByRole("link", { name: "Records", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Records" })).toBeVisible();
  await page.getByLabel("Connector").selectOption({ label: connectorName });
  await expect(page).toHaveURL(new RegExp(`connector=${connectorId}`));
  await expect(range(page)).toHaveText(`1–50 of ${site.total}`);
  await expect(rows(page)).toHaveCount(50);

  // Type filter, then paging through the pages (more than one screen of them).
  await page.getByLabel("Type").selectOption({ label: "Page" });
  await expect(range(page)).toHaveText(`1–50 of ${site.pages.length}`);
  for (const cell of await rows(page).locator("td:nth-child(2)").all()) await expect(cell).toHaveText("Page");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(range(page)).toHaveText(`51–${site.pages.length} of ${site.pages.length}`);
  await expect(rows(page)).toHaveCount(site.pages.length - 50);
  await expect(page).toHaveURL(/page=2/);
  // The filters live in the URL: a reload keeps them.
  await page.reload();
  await expect(range(page)).toHaveText(`51–${site.pages.length} of ${site.pages.length}`);
  await expect(page.getByLabel("Type")).toHaveValue("page");
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(range(page)).toHaveText(`1–50 of ${site.pages.length}`);

  // Sorting by a column header, both ways.
  const title = page.getByRole("columnheader", { name: "Title" });
  await expect(title).toHaveAttribute("aria-sort", "none");
  await title.getByRole("button").click();
  await expect(title).toHaveAttribute("aria-sort", "ascending");
  const firstAscending = await rows(page).first().getByRole("link").textContent();
  await title.getByRole("button").click();
  await expect(title).toHaveAttribute("aria-sort", "descending");
  await expect(rows(page).first().getByRole("link")).not.toHaveText(firstAscending!);
  const titles = site.pages.map((p) => p.title);
  expect(titles).toContain(firstAscending);

  // A filter that matches nothing, then Clear filters.
  await page.getByLabel("Title contains").fill("no such record anywhere");
  await page.getByLabel("Title contains").press("Enter");
  await expect(page.getByRole("heading", { name: "No records match these filters" })).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  // The sort is not a filter: it stays.
  await expect(page).toHaveURL(/\/records\?sort=title&dir=desc$/);
  await expect(rows(page).first()).toBeVisible();
});

test("a record's page shows its Markdown, metadata and the link to Confluence", async ({ page, request }) => {
  const target = targetPage((await siteContents(request)).pages);
  await signInAsAdmin(page);
  await page.goto(`/records?connector=${connectorId}&q=${encodeURIComponent(target.title)}`);
  await page.getByRole("link", { name: target.title, exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: target.title })).toBeVisible();
  const rendered = page.getByRole("document", { name: "Rendered Markdown" });
  await expect(rendered.getByRole("heading", { name: target.title, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /Open in Confluence/ })).toHaveAttribute("href", new RegExp(`/pages/${target.id}(/|$)`));
  await expect(page.getByLabel("Index status")).toHaveText("Indexed");
  expect(Number(await page.getByLabel("Chunks").textContent())).toBeGreaterThan(0);
  await expect(page.getByLabel("Confluence id")).toHaveText(target.id);

  await page.getByRole("button", { name: "Markdown" }).click();
  await expect(page.getByLabel("Markdown source")).toContainText(`# ${target.title}`);

  expect((await page.goto("/records/no-such-record"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Record not found" })).toBeVisible();
});

test("Search finds a page by its title with a highlighted snippet, and checks the date range", async ({ page, request }) => {
  const target = targetPage((await siteContents(request)).pages);
  await signInAsAdmin(page);
  await page.getByRole("link", { name: "Search", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Search synced Confluence content" })).toBeVisible();

  await page.getByLabel("Type").selectOption({ label: "Page" });
  await page.getByLabel("Search", { exact: true }).fill(`"${target.title}"`);
  await page.getByLabel("Search", { exact: true }).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const first = page.getByRole("list", { name: "Search results" }).getByRole("listitem").first();
  await expect(first.getByRole("heading")).toHaveText(target.title);
  await expect(first.getByTestId("snippet").locator("mark").first()).toBeVisible();
  await expect(first.getByRole("link", { name: /Open in Confluence/ })).toHaveAttribute("href", new RegExp(`/pages/${target.id}(/|$)`));
  await first.getByRole("link", { name: target.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: target.title })).toBeVisible();

  await page.goBack();
  await page.getByLabel("Search", { exact: true }).fill("zyxwvut qqqq");
  await page.getByLabel("Search", { exact: true }).press("Enter");
  await expect(page.getByRole("heading", { name: "No results" })).toBeVisible();

  await page.getByLabel("Modified from").fill("2024-06-10");
  await page.getByLabel("Modified to").fill("2024-06-01");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByLabel("Modified to")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Modified to")).toHaveAccessibleDescription("The end date must be on or after the start date.");
});

test("the dashboard shows the indexing stage, and Rebuild index brings every record back", async ({ page, request }) => {
  test.setTimeout(180_000);
  const site = await siteContents(request);
  await signInAsAdmin(page);
  await page.goto(`/connectors/${connectorId}`);
  const run = page.getByRole("region", { name: /Current run|Latest run/ });
  await expect(run.getByRole("progressbar", { name: "Indexing" })).toHaveAttribute("aria-valuenow", "100");
  const pageCounts = page.getByTestId("run-counts-page");
  await expect(pageCounts.locator('td[data-column="converted"]')).toHaveText(String(site.pages.length));
  await expect(pageCounts.locator('td[data-column="indexed"]')).toHaveText(String(site.pages.length));
  await expect(pageCounts.locator('td[data-column="indexFailed"]')).toHaveText("0");

  await expect(indexCount(page, "pending")).toHaveText("0");
  const indexed = Number(await indexCount(page, "indexed").textContent());
  const settled = indexed + Number(await indexCount(page, "failed").textContent()) + Number(await indexCount(page, "skipped").textContent());
  expect(settled).toBe(site.total);
  expect(indexed).toBeGreaterThanOrEqual(site.pages.length + site.blogPosts.length);
  expect(Number(await indexCount(page, "chunks").textContent())).toBeGreaterThanOrEqual(indexed);

  await page.getByRole("button", { name: "Rebuild index" }).click();
  const confirm = page.getByRole("dialog", { name: "Rebuild the search index?" });
  await confirm.getByRole("button", { name: "Rebuild index" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("Index rebuilt: every record is converted again.")).toBeVisible({ timeout: 120_000 });
  await expect(indexCount(page, "pending")).toHaveText("0");
  await expect(indexCount(page, "indexed")).toHaveText(String(indexed));
});

test("with Manual indexing, records stay Synced until an administrator selects and indexes them", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAsAdmin(page);
  const manualId = await setUpSimulatorConnector(page, `Manual ${connectorName}`, { manualIndexing: true });
  await expect(page.getByTestId("current-run-status")).toHaveText("Completed", { timeout: 180_000 });
  await expect(indexCount(page, "indexed")).toHaveText("0");

  await page.goto(`/records?connector=${manualId}&type=page&sort=title&dir=asc`);
  await expect(range(page)).toHaveText(/^1–50 of \d+$/);
  const [first, second, third] = await rows(page).getByRole("link").allTextContents();
  for (const row of (await rows(page).all()).slice(0, 3)) await expect(row.getByText("Synced", { exact: true })).toBeVisible();
  await page.getByRole("checkbox", { name: `Select ${first}` }).check();
  await page.getByRole("checkbox", { name: `Select ${second}` }).check();
  await page.getByRole("button", { name: "Index selected" }).click();
  await expect(page.getByText("Queued 2 records for indexing.")).toBeVisible();
  // The list follows the selection until the worker has indexed it.
  await expect(rows(page).nth(0).getByText("Indexed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(rows(page).nth(1).getByText("Indexed", { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(rows(page).nth(2).getByText("Synced", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: third, exact: true }).click();
  await expect(page.getByLabel("Index status")).toHaveText("Synced");
  await page.getByRole("button", { name: "Index this record" }).click();
  await expect(page.getByLabel("Index status")).toHaveText("Indexed", { timeout: 60_000 });
  expect(Number(await page.getByLabel("Chunks").textContent())).toBeGreaterThan(0);

  await page.goto(`/connectors/${manualId}`);
  await expect(indexCount(page, "indexed")).toHaveText("3");
});
