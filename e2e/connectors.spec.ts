import { expect, test, type Page } from "@playwright/test";
import { appUrl, signInAsAdmin, simAdmin, simUrl } from "./support";

// Connector setup against the Confluence simulator: every Site URL rule, a rejected token,
// the API-token path to Configure Records, and OAuth 2.0 (3LO) with its popup.
test.describe.configure({ mode: "serial" });

const oauthClient = { clientId: "e2e-client", clientSecret: "e2e-secret" };

test.beforeAll(async ({ request }) => {
  const registered = await request.post(`${simUrl}/__admin/oauth/apps`, {
    data: { name: "Connector e2e", callbackUrl: `${appUrl}/api/oauth/callback`, ...oauthClient },
  });
  expect(registered.ok()).toBe(true);
});

async function openSetup(page: Page) {
  await page.goto("/connectors");
  await page.getByRole("button", { name: "+ Setup" }).click();
  await expect(page.getByRole("dialog", { name: "Set up a Confluence connector" })).toBeVisible();
}

async function chooseMethod(page: Page, method: "OAuth 2.0" | "API Token") {
  await page.getByLabel("Authentication method").selectOption({ label: method });
}

test("every Site URL rule has its own message next to the field, in the form and the API", async ({ page }) => {
  await signInAsAdmin(page);
  await openSetup(page);
  await chooseMethod(page, "API Token");
  await page.getByLabel("Connector name").fill("Rules");
  await page.getByLabel("Email").fill(simAdmin.email);
  await page.getByLabel("API Token").fill("x");
  const cases: [string, string][] = [
    ["http://acme.atlassian.net", "Use https:// (Confluence Cloud only answers over HTTPS)."],
    ["https://acme.atlassian.net/", "Remove the trailing slash."],
    ["https://acme.atlassian.net/wiki", "Enter only the site address, without /wiki or any path (for example https://your-team.atlassian.net)."],
    ["https://acme.atlassian.net/spaces/ENG", "Enter only the site address, without /wiki or any path (for example https://your-team.atlassian.net)."],
    ["https://confluence.acme.com", "The host must be your-team.atlassian.net (Confluence Cloud)."],
    ["https://acme.atlassian.net:8443", "Remove the port (:8443); Confluence Cloud sites answer on the standard HTTPS port."],
    ["https://ACME.atlassian.net/wiki", "Enter only the site address, without /wiki or any path (for example https://your-team.atlassian.net)."],
    ["https://me:secret@acme.atlassian.net", "Remove the user name and password from the URL; the email and API token have their own fields."],
    ["acme", "Enter a full URL, such as https://your-team.atlassian.net."],
  ];
  for (const [value, message] of cases) {
    await page.getByLabel("Base URL").fill(value);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText(message, { exact: true })).toBeVisible();
  }

  const api = await page.request.post("/api/connectors", {
    data: { authMethod: "api_token", name: "x", baseUrl: "https://acme.atlassian.net/wiki", email: "a@b.co", apiToken: "t" },
    headers: { origin: appUrl },
  });
  expect(api.status()).toBe(422);
  expect((await api.json()).detail).toEqual([{ loc: ["body", "baseUrl"], msg: cases[2]![1], type: "custom" }]);
});

test("a rejected API token is reported on the token field and saves nothing", async ({ page }) => {
  await signInAsAdmin(page);
  await openSetup(page);
  await chooseMethod(page, "API Token");
  const name = `Rejected ${Date.now()}`;
  await page.getByLabel("Connector name").fill(name);
  await page.getByLabel("Base URL").fill(`  ${simUrl}  `);
  await page.getByLabel("Email").fill(simAdmin.email);
  await page.getByLabel("API Token").fill("not-the-token");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText(/Confluence rejected the email or API token \(HTTP 401\)/)).toBeVisible();
  // Other specs may have set up connectors before this one: nothing of this name was saved.
  const list = (await (await page.request.get("/api/connectors")).json()) as { connectors: { name: string }[] };
  expect(list.connectors.map((c) => c.name)).not.toContain(name);
});

test("an API token connects, Configure Records lists the live spaces, and saving asks about syncing", async ({ page }) => {
  await signInAsAdmin(page);
  await openSetup(page);
  await chooseMethod(page, "API Token");
  await page.getByLabel("Connector name").fill("Simulated site");
  await page.getByLabel("Base URL").fill(simUrl);
  await page.getByLabel("Email").fill(simAdmin.email);
  await page.getByLabel("API Token").fill(simAdmin.apiToken);
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("tab", { name: /Configure Records/ })).toHaveAttribute("aria-selected", "true");
  const spaces = page.getByRole("group", { name: "Spaces" });
  await expect(spaces.getByRole("checkbox").first()).toBeVisible();
  const keys = await spaces.locator("span.font-mono").allTextContents();
  expect(keys.length).toBeGreaterThanOrEqual(4);
  await spaces.getByRole("checkbox").first().check();
  await page.getByLabel("Space keys operator").selectOption("not_in");

  await page.getByLabel("Page IDs (their child pages are included)").fill("12ab");
  await page.getByLabel("Modified date").selectOption("between");
  await page.getByLabel("Modified date from").fill("2024-06-01");
  await page.getByLabel("Modified date to").fill("2024-01-01");
  await page.getByLabel("Refresh group memberships every (minutes)").fill("-5");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Use numeric Confluence ids, such as 123456.")).toBeVisible();
  await expect(page.getByText("Use 0 to refresh memberships only with syncs.")).toBeVisible();
  await expect(page.getByText("The end date must be on or after the start date.")).toBeVisible();

  await page.getByLabel("Page IDs (their child pages are included)").fill("1001, 1002");
  await page.getByLabel("Modified date to").fill("2024-12-31");
  await page.getByLabel("Refresh group memberships every (minutes)").fill("120");
  await page.getByLabel("Index Blog post Comments").uncheck();
  await page.getByLabel("Use OCR").check();
  await page.getByRole("button", { name: "Save" }).click();
  const ready = page.getByRole("dialog", { name: "Instance is configured and ready to sync" });
  await expect(ready).toBeVisible();
  await expect(ready.getByRole("button", { name: "Start syncing now" })).toBeVisible();
  await ready.getByRole("button", { name: "I'll do it later" }).click();

  const row = page.getByTestId("connector-Simulated site");
  await expect(row.getByText("Active")).toBeVisible();
  const { connectors } = (await (await page.request.get("/api/connectors")).json()) as { connectors: { id: string; name: string }[] };
  const saved = connectors.find((c) => c.name === "Simulated site")!;
  const config = await (await page.request.get(`/api/connectors/${saved.id}/config`)).json();
  expect(config.config.filters).toMatchObject({
    spaces: { operator: "not_in", keys: [keys[0]] },
    pageIds: ["1001", "1002"],
    modified: { operator: "between", from: "2024-06-01", to: "2024-12-31" },
  });
  expect(config.config.indexing.blogPostComments).toBe(false);
  expect(config.config.indexing.useOcr).toBe(true);
  expect(config.config.permissions).toEqual({ membershipRefreshMinutes: 120 });
  expect(JSON.stringify(config)).not.toContain(simAdmin.apiToken);
});

test("OAuth 2.0: the popup consents, the drawer shows Authenticated, and a replayed callback is refused", async ({ page, context }) => {
  await signInAsAdmin(page);
  await openSetup(page);
  await chooseMethod(page, "OAuth 2.0");
  await expect(page.getByLabel("Redirect URL")).toHaveValue(`${appUrl}/api/oauth/callback`);
  await page.getByLabel("Connector name").fill("OAuth site");
  await page.getByLabel("Client ID").fill(oauthClient.clientId);
  await page.getByLabel("Client Secret").fill(oauthClient.clientSecret);
  await page.getByLabel("Atlassian Site URL").fill(simUrl);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("tab", { name: /Authorize/ })).toHaveAttribute("aria-selected", "true");

  const callbacks: string[] = [];
  context.on("request", (r) => r.url().includes("/api/oauth/callback") && callbacks.push(r.url()));
  const popupPromise = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Authenticate" }).click();
  const popup = await popupPromise;
  const closed = popup.waitForEvent("close");
  await popup.getByRole("button", { name: "Accept" }).click();
  await closed;

  await expect(page.getByText("Connected to", { exact: false })).toBeVisible();
  await expect(page.getByText("Authenticated", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Reauthenticate" })).toBeVisible();

  // The same callback again: the state was single-use.
  const replay = await context.newPage();
  await replay.goto(callbacks[0]!);
  await expect(replay.getByText("This authorization response was already used.", { exact: false })).toBeVisible();
  await replay.close();

  // Configure Records now lists the spaces through the OAuth gateway.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("group", { name: "Spaces" }).getByRole("checkbox").first()).toBeVisible();
});

test("OAuth 2.0: declined consent and a different site each say which", async ({ page }) => {
  await signInAsAdmin(page);
  await page.getByRole("button", { name: "Edit OAuth site" }).click();
  await page.getByRole("tab", { name: /Authorize/ }).click();

  let popupPromise = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Reauthenticate" }).click();
  let popup = await popupPromise;
  const closed = popup.waitForEvent("close");
  await popup.getByRole("button", { name: "Cancel" }).click();
  await closed;
  await expect(page.getByText("Access was declined on Atlassian's consent screen.", { exact: false })).toBeVisible();

  popupPromise = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Reauthenticate" }).click();
  popup = await popupPromise;
  await popup.getByLabel("Use app on").selectOption({ index: 1 });
  const closedAgain = popup.waitForEvent("close");
  await popup.getByRole("button", { name: "Accept" }).click();
  await closedAgain;
  await expect(page.getByText(`You authorised https://other-site.atlassian.net, not ${simUrl}.`, { exact: false })).toBeVisible();
});

test("a connector can be disabled, enabled and deleted after confirming", async ({ page }) => {
  await signInAsAdmin(page);
  const row = page.getByTestId("connector-Simulated site");
  await row.getByRole("button", { name: "Disable Simulated site" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();
  await row.getByRole("button", { name: "Enable Simulated site" }).click();
  await expect(row.getByText("Active")).toBeVisible();

  await row.getByRole("button", { name: "Delete Simulated site" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete Simulated site?" });
  await expect(confirm).toContainText("every record synced");
  await confirm.getByRole("button", { name: "Delete connector" }).click();
  await expect(page.getByTestId("connector-Simulated site")).toHaveCount(0);
  const { connectors } = await (await page.request.get("/api/connectors")).json();
  // The OAuth connector of the test before stays (specs before this one may have set up others).
  expect(connectors.map((c: { name: string }) => c.name)).toContain("OAuth site");
  expect(connectors.map((c: { name: string }) => c.name)).not.toContain("Simulated site");
});

test("members cannot reach connectors, in the UI or the API", async ({ page }) => {
  await signInAsAdmin(page);
  const created = await page.request.post("/api/users", {
    data: { name: "Mia Member", email: "mia@example.com", password: "member password 5678", role: "member" },
    headers: { origin: appUrl },
  });
  expect(created.status()).toBe(201);
  await page.context().clearCookies();
  await page.goto("/signin");
  await page.getByLabel("Email").fill("mia@example.com");
  await page.getByLabel("Password").fill("member password 5678");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("link", { name: "Connectors" })).toHaveCount(0);
  expect((await page.goto("/connectors"))?.status()).toBe(403);
  expect((await page.request.get("/api/connectors")).status()).toBe(403);
});
