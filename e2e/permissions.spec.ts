import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { appUrl, pickPerson, setUpSimulatorConnector, signIn, signInAsAdmin, simUrl } from "./support";

// Members search what their Confluence account may see: two members whose sign-in emails match
// two different Confluence users get different results for the same word; a member with no
// matching account sees why their results are limited. An administrator views as each of them
// and links the unlinked one with the picker.
test.describe.configure({ mode: "serial" });

const stamp = Date.now();
const word = `wombatix${stamp % 100000}`;
const password = "violet tractor sings loudly";
const people = { uma: `uma.${stamp}@example.com`, vic: `vic.${stamp}@example.com`, wes: `wes.${stamp}@example.com` };

async function sim(request: APIRequestContext, path: string, method: string, data?: unknown) {
  const response = await request.fetch(`${simUrl}/__admin${path}`, { method, data });
  expect(response.ok()).toBe(true);
  return (await response.json().catch(() => ({}))) as Record<string, string>;
}

async function searchFor(page: Page) {
  // Signed in once the sign-in page has sent the member on.
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto(`/search?q=${word}`);
  await expect(page.getByTestId("access-notice")).toBeVisible();
}

/** View as through the picker: search by email, choose the one person found. */
async function viewAs(page: Page, email: string) {
  await pickPerson(page, "View as", email);
  await expect(page.getByTestId("viewing-as")).toContainText(email);
}
test("two linked members see different results for the same words; an unlinked member sees why", async ({ page, request }) => {
  test.setTimeout(300_000);
  const space = (await (await request.get(`${simUrl}/__admin/spaces`)).json()) as {
    id: number;
    key: string;
    type: string;
    permissions: { principalType: string }[];
  }[];
  const eng = space.find((s) => s.type === "global" && s.permissions.some((p) => p.principalType === "group"))!;
  const uma = await sim(request, "/users", "POST", { email: people.uma, displayName: `Uma ${stamp}`, apiToken: `uma-${stamp}`, groups: ["confluence-users"] });
  await sim(request, "/users", "POST", { email: people.vic, displayName: `Vic ${stamp}`, apiToken: `vic-${stamp}`, groups: ["confluence-users"] });
  const team = await sim(request, "/groups", "POST", { name: `team-${stamp}` });
  await sim(request, `/groups/${team.id}/members`, "POST", { accountId: uma.accountId });
  const add = async (title: string, parentId?: string) =>
    (await sim(request, "/pages", "POST", { spaceKey: eng.key, title, parentId, body: `<p>The ${word} report.</p>` })).id;
  await add(`Open ${word} page`);
  const secret = await add(`Team ${word} page`);
  await add(`Below the team ${word} page`, secret);
  await sim(request, `/pages/${secret}/restrictions`, "PUT", { users: [], groups: [team.id] });

  await signInAsAdmin(page);
  for (const [name, email] of Object.entries(people)) {
    const created = await page.request.post("/api/users", { data: { name, email, password, role: "member" }, headers: { origin: appUrl } });
    expect(created.status()).toBe(201);
  }
  await setUpSimulatorConnector(page, `Permissions ${stamp}`);
  await expect(page.getByTestId("current-run-status")).toHaveText("Completed", { timeout: 240_000 });
  // The dashboard's Permissions panel counts the mirror, the team's restricted page included.
  const permissions = page.getByRole("region", { name: "Permissions" });
  await expect(permissions.getByLabel("Permissions: restricted nodes")).not.toHaveText("0");
  await expect(permissions.getByLabel("Permissions: groups")).not.toHaveText("0");
  await page.context().clearCookies();

  await signIn(page, people.uma, password);
  await searchFor(page);
  await expect(page.getByTestId("access-notice")).toContainText(`Uma ${stamp}`);
  for (const title of [`Open ${word} page`, `Team ${word} page`, `Below the team ${word} page`])
    await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  await page.context().clearCookies();

  await signIn(page, people.vic, password);
  await searchFor(page);
  await expect(page.getByRole("link", { name: `Open ${word} page`, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `Team ${word} page`, exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Below the team ${word} page`, exact: true })).toHaveCount(0);
  await page.context().clearCookies();

  await signIn(page, people.wes, password);
  await searchFor(page);
  await expect(page.getByTestId("access-notice")).toContainText("not linked to a Confluence account");
  await expect(page.getByRole("link", { name: `Open ${word} page`, exact: true })).toHaveCount(0);
});

test("an administrator views as a member, and links an unlinked member to a Confluence account with the picker", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("link", { name: `Team ${word} page`, exact: true })).toBeVisible();

  await viewAs(page, people.wes);
  await expect(page.getByTestId("viewing-as")).toContainText("wes");
  await expect(page.getByTestId("access-notice")).toContainText("not linked to a Confluence account");
  // Unlinked, wes is anonymous: spaces open to anonymous access only, not the group's space.
  await expect(page.getByText(/^\d+ results?$|^No results$/)).toBeVisible();
  await expect(page.getByRole("link", { name: `Open ${word} page`, exact: true })).toHaveCount(0);
  await viewAs(page, people.vic);
  await expect(page.getByRole("link", { name: `Open ${word} page`, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `Team ${word} page`, exact: true })).toHaveCount(0);

  await page.goto("/settings/users");
  await page.getByRole("link", { name: "Confluence accounts of wes" }).click();
  const row = page.getByTestId(`link-Permissions ${stamp}`);
  await expect(row).toContainText("Not linked");
  await row.getByRole("button", { name: "Choose account" }).click();
  await row.getByLabel("Search synced Confluence users").fill(`Uma ${stamp}`);
  await row.getByRole("button", { name: `Link Uma ${stamp}` }).click();
  await expect(row).toContainText(`Uma ${stamp} (chosen by an administrator)`);

  await page.goto(`/search?q=${word}`);
  await viewAs(page, people.wes);
  await expect(page.getByRole("link", { name: `Team ${word} page`, exact: true })).toBeVisible();
  await expect(page.getByTestId("access-notice")).toContainText(`Uma ${stamp}`);

  await page.goto("/settings/users");
  await page.getByRole("link", { name: "Confluence accounts of wes" }).click();
  await row.getByRole("button", { name: "Unlink" }).click();
  await expect(row).toContainText("Not linked");
});

test("a member links their own Atlassian account through the consent popup (Link my Atlassian account)", async ({ page, request }) => {
  test.setTimeout(120_000);
  const app = { name: `Linking ${stamp}`, clientId: `link-${stamp}`, clientSecret: `link-secret-${stamp}` };
  await request.post(`${simUrl}/__admin/oauth/apps`, { data: { ...app, callbackUrl: `${appUrl}/api/oauth/callback` } });
  await signInAsAdmin(page);
  const registered = await page.request.post("/api/oauth-apps", { data: app, headers: { origin: appUrl } });
  expect(registered.status()).toBe(201);
  await page.context().clearCookies();

  await signIn(page, people.wes, password);
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto("/settings");
  const row = page.getByTestId(`my-link-Permissions ${stamp}`);
  await expect(row).toContainText("Not linked");
  const popupOpened = page.waitForEvent("popup");
  await row.getByRole("button", { name: "Link my Atlassian account" }).click();
  const popup = await popupOpened;
  // On Atlassian's consent screen wes signs in as the Confluence account he is linking: here Vic's.
  await popup.getByLabel("Signed in as (email)").fill(people.vic);
  await popup.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText(/Linked to your Atlassian account/)).toBeVisible();
  await expect(row).toContainText(`Linked to Vic ${stamp}`);

  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("link", { name: `Open ${word} page`, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `Team ${word} page`, exact: true })).toHaveCount(0);
});
