import { expect, test, type APIRequestContext } from "@playwright/test";
import { setUpSimulatorConnector, signInAsAdmin, simUrl } from "./support";

// A full resync that would delete most of the store (here: the connector's account lost most
// spaces, which archiving stands for) stops and asks on the dashboard; Keep them deletes nothing.
test.describe.configure({ mode: "serial" });

type SimSpace = { id: number; key: string; status: string };
const archived: number[] = [];

async function simPost(request: APIRequestContext, path: string) {
  const response = await request.post(`${simUrl}/__admin${path}`);
  expect(response.ok()).toBe(true);
}

test.afterAll(async ({ request }) => {
  for (const id of archived.splice(0)) await simPost(request, `/spaces/${id}/restore`);
});

test("a full resync that would delete most records waits for an administrator, and Keep them deletes nothing", async ({ page, request }) => {
  test.setTimeout(240_000);
  await signInAsAdmin(page);
  await setUpSimulatorConnector(page, `Deletion review ${Date.now()}`);
  const status = page.getByTestId("current-run-status");
  await expect(status).toHaveText(/^Completed/, { timeout: 90_000 });
  // The stored counts refresh on their own poll, a moment after the run's status.
  await expect.poll(async () => Number(await page.getByLabel("Stored pages").textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
  const storedPages = await page.getByLabel("Stored pages").textContent();

  const spaces = ((await (await request.get(`${simUrl}/__admin/spaces`)).json()) as SimSpace[]).filter((s) => s.status === "current");
  for (const space of spaces.slice(1)) {
    await simPost(request, `/spaces/${space.id}/archive`);
    archived.push(space.id);
  }

  await page.getByRole("button", { name: "Full resync" }).click();
  await expect(status).toHaveText("Waiting for confirmation", { timeout: 90_000 });
  const review = page.getByRole("region", { name: "Confirm deletions" });
  await expect(review).toContainText(/This run would delete \d+ of \d+ stored records/);
  await expect(page.getByLabel("Stored pages")).toHaveText(storedPages!);

  await review.getByRole("button", { name: "Keep them" }).click();
  await expect(status).toHaveText("Completed with errors", { timeout: 90_000 });
  await expect(page.getByTestId("run-error")).toContainText(/kept \d+ records Confluence no longer lists/);
  await expect(page.getByLabel("Stored pages")).toHaveText(storedPages!);
});
