import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

export const simUrl = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 4799}`;
/** The Data Center simulator (playwright.config.ts lists it in CONFLUENCE_DC_ORIGINS). */
export const dcSimUrl = `http://127.0.0.1:${process.env.E2E_DC_SIM_PORT ?? 4798}`;
export const appUrl = `http://localhost:${process.env.E2E_PORT ?? 3199}`;
export const admin = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery staple" };
export const simAdmin = { email: "admin@example.com", apiToken: "sim-admin-token" };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * The one-time setup code, read where an operator finds it: `npm start` saves the code it
 * prints in the data folder (playwright.config.ts starts the app with DATA_DIR there).
 */
export function readSetupCode(): string {
  return fs.readFileSync(path.join(process.env.E2E_DATA_DIR!, "data", "setup-code.txt"), "utf8").trim();
}

/** Signs in as the administrator, creating it first when the install is fresh (specs run alone too). */
export async function signInAsAdmin(page: Page) {
  await page.goto("/");
  if (page.url().endsWith("/setup")) {
    await page.getByLabel("Setup code (printed by npm start)").fill(readSetupCode());
    await page.getByLabel("Name").fill(admin.name);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Create administrator" }).click();
  } else {
    await signIn(page, admin.email, admin.password);
  }
  await expect(page).toHaveURL(/\/connectors$/);
}

/** HTTP Basic for the simulator's site administrator (REST calls made by the specs themselves). */
export const simBasic = `Basic ${Buffer.from(`${simAdmin.email}:${simAdmin.apiToken}`).toString("base64")}`;

/** Every item of a simulator v2 list, following `_links.next`. */
export async function listAllFromSim<T = Record<string, unknown>>(request: APIRequestContext, path: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = path;
  while (next) {
    const response = await request.get(`${simUrl}${next}`, { headers: { authorization: simBasic } });
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { results: T[]; _links?: { next?: string } };
    items.push(...body.results);
    next = body._links?.next;
  }
  return items;
}

/**
 * Creates an API-token connector for the simulator through + Setup with default settings
 * (or Manual indexing), presses "Start syncing now" and returns its id once its dashboard is open.
 */
export async function setUpSimulatorConnector(page: Page, name: string, options: { manualIndexing?: boolean } = {}): Promise<string> {
  await page.goto("/connectors");
  await page.getByRole("button", { name: "+ Setup" }).click();
  await page.getByLabel("Authentication method").selectOption({ label: "API Token" });
  await page.getByLabel("Connector name").fill(name);
  await page.getByLabel("Base URL").fill(simUrl);
  await page.getByLabel("Email").fill(simAdmin.email);
  await page.getByLabel("API Token").fill(simAdmin.apiToken);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("group", { name: "Spaces" }).getByRole("checkbox").first()).toBeVisible();
  if (options.manualIndexing) await page.getByRole("checkbox", { name: /Manual indexing/ }).check();
  await page.getByRole("button", { name: "Save" }).click();
  const ready = page.getByRole("dialog", { name: "Instance is configured and ready to sync" });
  await ready.getByRole("button", { name: "Start syncing now" }).click();
  await expect(page).toHaveURL(/\/connectors\/[^/]+$/);
  return page.url().split("/").pop()!;
}

/** Chooses a person in a people picker (View as, Can this person see it?) by searching their email. */
export async function pickPerson(scope: Page | Locator, label: string, email: string) {
  await scope.getByLabel(label).fill(email);
  await scope
    .getByRole("list", { name: "People found" })
    .getByRole("button", { name: new RegExp(email.replace(/[.+]/g, "\\$&")) })
    .click();
}
