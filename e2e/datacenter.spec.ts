import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { dcSimUrl, signInAsAdmin } from "./support";

// Confluence Data Center through the setup drawer, against the simulator's Data Center flavour:
// a personal access token to a completed first sync with the site's counts, and the two ways a
// sign-in fails that Cloud does not have (a rejected password, a site with anonymous access).

interface DcAccount {
  username: string;
  password: string;
  pat: string;
  isAdmin: boolean;
}
interface DcSite {
  baseUrl: string;
  version: string;
  users: DcAccount[];
}

async function dcSite(request: APIRequestContext): Promise<DcSite & { admin: DcAccount }> {
  const response = await request.get(`${dcSimUrl}/__admin/dc`);
  expect(response.ok()).toBe(true);
  const site = (await response.json()) as DcSite;
  return { ...site, admin: site.users.find((u) => u.isAdmin && u.username === "admin")! };
}

/** Every item of a Data Center start/limit list, the next start taken from what came back. */
async function listAll(request: APIRequestContext, site: DcSite & { admin: DcAccount }, path: string, query: Record<string, string>) {
  const items: { key?: string }[] = [];
  for (let start = 0; ;) {
    const response = await request.get(`${site.baseUrl}${path}`, {
      params: { ...query, start: String(start), limit: "1000" },
      headers: { authorization: `Bearer ${site.admin.pat}` },
    });
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { results: { key?: string }[]; size: number; _links?: { next?: string } };
    items.push(...body.results);
    if (!body._links?.next || body.size === 0) return items;
    start += body.size;
  }
}

/** What a sync with default settings stores: current and archived pages, and blog posts, of the current spaces. */
async function expectedCounts(request: APIRequestContext, site: DcSite & { admin: DcAccount }) {
  const spaceKeys = (await listAll(request, site, "/rest/api/space", { status: "current" })).map((s) => s.key!);
  let pages = 0;
  let blogPosts = 0;
  for (const spaceKey of spaceKeys) {
    pages += (await listAll(request, site, "/rest/api/content", { type: "page", spaceKey, status: "current,archived" })).length;
    blogPosts += (await listAll(request, site, "/rest/api/content", { type: "blogpost", spaceKey })).length;
  }
  return { spaceKeys, pages, blogPosts };
}

async function openDataCenterSetup(page: Page, method: "Personal Access Token" | "Username and password") {
  await page.goto("/connectors");
  await page.getByRole("button", { name: "+ Setup" }).click();
  const drawer = page.getByRole("dialog", { name: "Set up a Confluence connector" });
  await drawer.getByRole("radio", { name: "Confluence Data Center" }).check();
  await expect(drawer.getByRole("heading", { name: "Set up Confluence Data Center" })).toBeVisible();
  // No Authorize step for Data Center.
  await expect(drawer.getByRole("tab")).toHaveText(["1. Authenticate Instance", "2. Configure Records"]);
  await drawer.getByLabel("Authentication method").selectOption({ label: method });
  return drawer;
}

const currentRun = (page: Page) => page.getByRole("region", { name: /Current run|Latest run/ });
const count = (page: Page, type: string, column: string) => page.getByTestId(`run-counts-${type}`).locator(`td[data-column="${column}"]`);

test("a Data Center site connects with a personal access token, and its first sync completes with the site's counts", async ({ page, request }) => {
  test.setTimeout(150_000);
  const site = await dcSite(request);
  const expected = await expectedCounts(request, site);
  expect(expected.pages).toBeGreaterThan(10);
  expect(expected.blogPosts).toBeGreaterThan(0);
  const name = `Data Center wiki ${Date.now()}`;

  await signInAsAdmin(page);
  const drawer = await openDataCenterSetup(page, "Personal Access Token");
  await drawer.getByLabel("Connector name").fill(name);
  await expect(drawer.getByLabel("Base URL")).toHaveAccessibleDescription(/with the context path if there is one/);
  // The browser checks with the API's schema first: this install lists its Data Center origins.
  await drawer.getByLabel("Base URL").fill("https://wiki.example.com/confluence");
  await drawer.getByRole("button", { name: "Next" }).click();
  await expect(drawer.getByLabel("Base URL")).toHaveAccessibleDescription(/connects only to the Data Center sites its operator listed/);
  await expect(drawer.getByLabel("Personal Access Token")).toHaveAccessibleDescription("Enter the personal access token.");

  await drawer.getByLabel("Base URL").fill(site.baseUrl);
  await drawer.getByLabel("Personal Access Token").fill(site.admin.pat);
  await drawer.getByRole("button", { name: "Next" }).click();
  await expect(drawer.getByRole("tab", { name: "2. Configure Records" })).toHaveAttribute("aria-selected", "true");
  await expect(drawer.getByText(`Data Center ${site.version} · Personal access token`)).toBeVisible();
  // Configure Records lists the spaces live from the site, as for Cloud.
  const spaces = drawer.getByRole("group", { name: "Spaces" });
  for (const key of expected.spaceKeys) await expect(spaces.getByText(key, { exact: true })).toBeVisible();
  await drawer.getByRole("button", { name: "Save" }).click();
  const ready = page.getByRole("dialog", { name: "Instance is configured and ready to sync" });
  await ready.getByRole("button", { name: "Start syncing now" }).click();

  await expect(page).toHaveURL(/\/connectors\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("connector-kind")).toHaveText(`Confluence Data Center ${site.version} · Personal access token`);
  await expect(currentRun(page)).toContainText("Full sync");
  await expect(page.getByTestId("current-run-status")).toHaveText("Completed", { timeout: 120_000 });
  await expect(count(page, "space", "fetched")).toHaveText(String(expected.spaceKeys.length));
  await expect(count(page, "page", "discovered")).toHaveText(String(expected.pages));
  await expect(count(page, "page", "fetched")).toHaveText(String(expected.pages));
  await expect(count(page, "blogpost", "fetched")).toHaveText(String(expected.blogPosts));
  await expect(count(page, "page", "failed")).toHaveText("0");
  await expect(page.getByLabel("Stored pages")).toHaveText(String(expected.pages));
  await expect(page.getByLabel("Stored blog posts")).toHaveText(String(expected.blogPosts));
  const bySpace = page.getByRole("table", { name: "Stored content by space" });
  for (const key of expected.spaceKeys) await expect(bySpace.getByText(key, { exact: true })).toBeVisible();
  await expect(page.getByTestId("connector-status")).toHaveText("Active");

  // The list says which kind and sign-in; editing keeps the kind and, left blank, the token.
  await page.getByRole("link", { name: "← Connectors" }).click();
  const row = page.getByTestId(`connector-${name}`);
  await expect(row).toContainText(`Data Center ${site.version}`);
  await expect(row).toContainText("Personal access token");
  await row.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("dialog", { name: "Set up a Confluence connector" });
  await expect(edit.getByRole("radio", { name: "Confluence Data Center" })).toBeChecked();
  await expect(edit.getByRole("radio", { name: "Confluence Cloud" })).toBeDisabled();
  await expect(edit.getByLabel("Authentication method")).toBeDisabled();
  await expect(edit.getByLabel("Personal Access Token")).toHaveAttribute("placeholder", "Stored — leave blank to keep it");
  await expect(edit.getByLabel("Base URL")).toHaveValue(site.baseUrl);
  await edit.getByRole("button", { name: "Next" }).click();
  await expect(edit.getByRole("tab", { name: "2. Configure Records" })).toHaveAttribute("aria-selected", "true");
});

test("a rejected password is reported next to the password field, and nothing is saved", async ({ page, request }) => {
  const site = await dcSite(request);
  const name = `Wrong password ${Date.now()}`;
  await signInAsAdmin(page);
  const drawer = await openDataCenterSetup(page, "Username and password");
  await drawer.getByLabel("Connector name").fill(name);
  await drawer.getByLabel("Base URL").fill(site.baseUrl);
  await drawer.getByRole("button", { name: "Next" }).click();
  await expect(drawer.getByLabel("Username")).toHaveAccessibleDescription("Enter the username.");
  await expect(drawer.getByLabel("Password")).toHaveAccessibleDescription("Enter the password.");

  await drawer.getByLabel("Username").fill(site.admin.username);
  await drawer.getByLabel("Password").fill(`${site.admin.password}-wrong`);
  await drawer.getByRole("button", { name: "Next" }).click();
  await expect(drawer.getByLabel("Password")).toHaveAccessibleDescription(/Confluence rejected the username or password \(HTTP 401\)/);
  await expect(drawer.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(drawer.getByRole("tab", { name: "1. Authenticate Instance" })).toHaveAttribute("aria-selected", "true");
  const list = (await (await page.request.get("/api/connectors")).json()) as { connectors: { name: string }[] };
  expect(list.connectors.map((c) => c.name)).not.toContain(name);
});

test("a wrong context path is reported on the base URL", async ({ page, request }) => {
  const site = await dcSite(request);
  await signInAsAdmin(page);
  const drawer = await openDataCenterSetup(page, "Personal Access Token");
  await drawer.getByLabel("Connector name").fill("Wrong path");
  await drawer.getByLabel("Base URL").fill(`${new URL(site.baseUrl).origin}/wiki`);
  await drawer.getByLabel("Personal Access Token").fill(site.admin.pat);
  await drawer.getByRole("button", { name: "Next" }).click();
  await expect(drawer.getByLabel("Base URL")).toHaveAccessibleDescription(/No Confluence Data Center site answers at this URL/);
});

test("on a site with anonymous access, a wrong token that got in as the anonymous user is reported on the token field", async ({ page, request }) => {
  const site = await dcSite(request);
  const setAnonymous = (on: boolean) => request.put(`${dcSimUrl}/__admin/dc/config`, { data: { anonymousAccess: on } });
  expect((await setAnonymous(true)).ok()).toBe(true);
  try {
    await signInAsAdmin(page);
    const drawer = await openDataCenterSetup(page, "Personal Access Token");
    await drawer.getByLabel("Connector name").fill("Anonymous site");
    await drawer.getByLabel("Base URL").fill(site.baseUrl);
    await drawer.getByLabel("Personal Access Token").fill("not-a-real-token");
    await drawer.getByRole("button", { name: "Next" }).click();
    await expect(drawer.getByLabel("Personal Access Token")).toHaveAccessibleDescription(/let this request in as the anonymous user/);
  } finally {
    expect((await setAnonymous(false)).ok()).toBe(true);
  }
});
