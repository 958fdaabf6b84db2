import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "./support";

// The API description served by the running app, and its page.
test("the app serves its OpenAPI 3.1 description and renders it as the API reference", async ({ page }) => {
  await signInAsAdmin(page);
  const doc = (await (await page.request.get("/api/openapi.json")).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/feed", "/api/mcp", "/api/connectors/{id}/sync"]));

  await page.goto("/settings");
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  const feed = page.getByRole("listitem").filter({ has: page.getByText("/api/feed", { exact: true }) });
  await feed.getByText("/api/feed", { exact: true }).click();
  await expect(feed.getByRole("cell", { name: "limit" })).toBeVisible();
  await expect(feed.getByText("administrators")).toBeVisible();
});
