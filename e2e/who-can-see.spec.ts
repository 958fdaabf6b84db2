import { expect, test, type APIRequestContext } from "@playwright/test";
import { appUrl, pickPerson, setUpSimulatorConnector, signIn, signInAsAdmin, simUrl } from "./support";

// Record detail under issue 12: an administrator sees who can see a restricted page and asks
// for one person (Yes for a member of the page's group, No naming the layer for another); a
// member sees the page but neither the panel nor the administrator-only index control.
test.describe.configure({ mode: "serial" });

const stamp = Date.now();
const password = "violet tractor sings loudly";
const people = { ria: `ria.${stamp}@example.com`, sol: `sol.${stamp}@example.com` };

async function sim(request: APIRequestContext, path: string, method: string, data?: unknown) {
  const response = await request.fetch(`${simUrl}/__admin${path}`, { method, data });
  expect(response.ok()).toBe(true);
  return (await response.json().catch(() => ({}))) as Record<string, string>;
}

test("an administrator sees who can see a record and asks about a person; a member sees neither the panel nor index controls", async ({ page, request }) => {
  test.setTimeout(300_000);
  const spaces = (await (await request.get(`${simUrl}/__admin/spaces`)).json()) as { key: string; type: string; permissions: { principalType: string }[] }[];
  const eng = spaces.find((s) => s.type === "global" && s.permissions.some((p) => p.principalType === "group"))!;
  const ria = await sim(request, "/users", "POST", { email: people.ria, displayName: `Ria ${stamp}`, apiToken: `ria-${stamp}`, groups: ["confluence-users"] });
  await sim(request, "/users", "POST", { email: people.sol, displayName: `Sol ${stamp}`, apiToken: `sol-${stamp}`, groups: ["confluence-users"] });
  const team = await sim(request, "/groups", "POST", { name: `crew-${stamp}` });
  await sim(request, `/groups/${team.id}/members`, "POST", { accountId: ria.accountId });
  const title = `Crew page ${stamp}`;
  const secret = (await sim(request, "/pages", "POST", { spaceKey: eng.key, title, body: "<p>For the crew.</p>" })).id;
  await sim(request, `/pages/${secret}/restrictions`, "PUT", { users: [], groups: [team.id] });

  await signInAsAdmin(page);
  for (const [name, email] of Object.entries(people)) {
    const created = await page.request.post("/api/users", { data: { name: `${name} ${stamp}`, email, password, role: "member" }, headers: { origin: appUrl } });
    expect(created.status()).toBe(201);
  }
  await setUpSimulatorConnector(page, `Who can see ${stamp}`, { manualIndexing: true });
  await expect(page.getByTestId("current-run-status")).toHaveText("Completed", { timeout: 240_000 });
  const listed = (await (await page.request.get(`/api/records?q=${encodeURIComponent(title)}`)).json()) as { records: { id: string }[] };
  const recordId = listed.records[0]!.id;

  await page.goto(`/records/${recordId}`);
  const panel = page.getByTestId("who-can-see");
  await expect(panel.getByRole("heading", { name: "Who can see this" })).toBeVisible();
  await expect(panel.getByRole("listitem", { name: `Layer ${title}` })).toContainText(`crew-${stamp} (group)`);
  await pickPerson(panel, "Can this person see it?", people.ria);
  await expect(panel.getByTestId("person-check")).toContainText(`Can ria ${stamp} see this? Yes`);
  await pickPerson(panel, "Can this person see it?", people.sol);
  await expect(panel.getByTestId("person-check")).toContainText(`Can sol ${stamp} see this? No`);
  await expect(panel.getByTestId("person-check")).toContainText(`Refused by the restriction on “${title}”`);
  await expect(page.getByRole("button", { name: /Index this record/ })).toBeVisible();
  await page.context().clearCookies();

  await signIn(page, people.ria, password);
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto(`/records/${recordId}`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Index" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Who can see this" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Index this record/ })).toHaveCount(0);
  expect((await page.request.get(`/api/records/${recordId}/access`)).status()).toBe(404);
});
