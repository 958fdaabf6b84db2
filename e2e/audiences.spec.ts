import { expect, test, type APIRequestContext } from "@playwright/test";
import { appUrl, pickPerson, signIn, signInAsAdmin, simAdmin, simUrl } from "./support";

// Audience rules (issue 12): an administrator makes a group with a member under Settings → Groups,
// sets up a connector whose Configure Records gives that group one space only, and the member's
// search shows that space's page and not the other's, although the word is in both.
test.describe.configure({ mode: "serial" });

const stamp = Date.now();
const word = `quillwort${stamp}`;
const password = "amber kettle hums softly";
const member = { name: `Kai ${stamp}`, email: `kai.${stamp}@example.com` };

async function sim(request: APIRequestContext, path: string, method: string, data?: unknown) {
  const response = await request.fetch(`${simUrl}/__admin${path}`, { method, data });
  expect(response.ok()).toBe(true);
  return (await response.json().catch(() => ({}))) as Record<string, string>;
}

test("a group given one space by audience rules lets its member search that space only", async ({ page, request }) => {
  test.setTimeout(360_000);
  const spaces = (await (await request.get(`${simUrl}/__admin/spaces`)).json()) as { id: number; key: string; type: string; status?: string }[];
  const [allowed, other] = spaces.filter((s) => s.type === "global" && (s.status ?? "current") === "current");
  await sim(request, "/pages", "POST", { spaceKey: allowed!.key, title: `Allowed ${word}`, body: `<p>The ${word} notes.</p>` });
  await sim(request, "/pages", "POST", { spaceKey: other!.key, title: `Other ${word}`, body: `<p>The ${word} notes.</p>` });

  await signInAsAdmin(page);
  const created = await page.request.post("/api/users", { data: { ...member, password, role: "member" }, headers: { origin: appUrl } });
  expect(created.status()).toBe(201);

  // Settings → Groups: an empty list, then a group with the member in it.
  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage groups" }).click();
  await expect(page.getByRole("heading", { name: "Groups", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No groups yet" })).toBeVisible();
  const groupName = `Crew ${stamp}`;
  await page.getByRole("textbox", { name: "New group" }).fill(groupName);
  await page.getByRole("button", { name: "Create group" }).click();
  const card = page.getByRole("region", { name: `Group ${groupName}` });
  await card.getByLabel(`Add a person to ${groupName}`).selectOption({ label: `${member.name} (${member.email})` });
  await card.getByRole("button", { name: "Add", exact: true }).click();
  await expect(card.getByRole("list", { name: `Members of ${groupName}` })).toContainText(member.name);
  // A second group with the same name in another case is refused.
  await page.getByRole("textbox", { name: "New group" }).fill(groupName.toUpperCase());
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already exists" })).toBeVisible();

  // The setup drawer: credentials, then Configure Records with Audience rules for one space.
  await page.goto("/connectors");
  await page.getByRole("button", { name: "+ Setup" }).click();
  await page.getByLabel("Authentication method").selectOption({ label: "API Token" });
  await page.getByLabel("Connector name").fill(`Audience ${stamp}`);
  await page.getByLabel("Base URL").fill(simUrl);
  await page.getByLabel("Email").fill(simAdmin.email);
  await page.getByLabel("API Token").fill(simAdmin.apiToken);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("group", { name: "Spaces" }).getByRole("checkbox").first()).toBeVisible();
  await page.getByRole("radio", { name: /Audience rules/ }).check();
  const rules = page.getByRole("group", { name: "Audience rules" });
  await rules.getByLabel(new RegExp(`^Add to ${allowed!.key} — `)).selectOption({ label: groupName });
  await expect(rules.getByRole("listitem", { name: new RegExp(`^Audience of ${allowed!.key} — `) })).toContainText(`${groupName} (group)`);
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("dialog", { name: "Instance is configured and ready to sync" }).getByRole("button", { name: "Start syncing now" }).click();
  await expect(page).toHaveURL(/\/connectors\/[^/]+$/);
  await expect(page.getByTestId("current-run-status")).toHaveText("Completed", { timeout: 300_000 });
  await expect(page.getByTestId("permissions-audience")).toContainText("Audience rules");
  // Record detail says the audience rules decided, and which rule admits the member.
  const found = (await (await page.request.get(`/api/records?q=${encodeURIComponent(`Allowed ${word}`)}`)).json()) as { records: { id: string }[] };
  await page.goto(`/records/${found.records[0]!.id}`);
  const panel = page.getByTestId("who-can-see");
  await expect(panel).toContainText("Decided by: Audience rules");
  await expect(panel.getByRole("list", { name: "Audience" })).toContainText(`${groupName} (group) — this space`);
  await pickPerson(panel, "Can this person see it?", member.email);
  await expect(panel.getByTestId("person-check")).toContainText(`Can ${member.name} see this? Yes`);
  await expect(panel.getByTestId("person-check")).toContainText(`group ${groupName} on this space`);
  await page.context().clearCookies();

  await signIn(page, member.email, password);
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto(`/search?q=${word}`);
  await expect(page.getByTestId("access-notice")).toContainText("audience rules");
  await expect(page.getByRole("link", { name: `Allowed ${word}`, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `Other ${word}`, exact: true })).toHaveCount(0);
});
