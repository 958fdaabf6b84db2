import { expect, test, type Page } from "@playwright/test";
import { admin, signIn } from "./support";

// One fresh install, walked through in order: the first admin, sign-out and sign-in, a
// member who is refused an admin page, and personal API keys.
test.describe.configure({ mode: "serial" });

const member = { name: "Bob Member", email: "bob@example.com", password: "member password 1234" };

/** Signs in and waits until the app has taken the user in. */
async function signInAs(page: Page, user: { email: string; password: string }) {
  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/(connectors|settings)$/);
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: /Ada Admin|Bob Member/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}

test("a fresh install asks for the first administrator and rejects a weak password", async ({ page }) => {
  await page.goto("/connectors");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the first administrator" })).toBeVisible();

  await page.getByLabel("Name").fill(admin.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText("Enter a valid email address, such as ada@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();

  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page).toHaveURL(/\/connectors$/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Connectors", exact: true })).toBeVisible();
});

test("the first-administrator page is gone once an account exists", async ({ page }) => {
  await page.goto("/setup");
  await expect(page).not.toHaveURL(/\/setup$/);
});

test("signing out, a wrong password is refused and the right one shows the app", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/connectors$/);
  await signOut(page);

  await page.goto("/records");
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, admin.email, "wrong password entirely");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/connectors");
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, admin.email, admin.password);
  await expect(page).toHaveURL(/\/connectors$/);
  for (const link of ["Connectors", "Records", "Search", "Settings"]) {
    await expect(page.getByRole("link", { name: link, exact: true })).toBeVisible();
  }
});

test("an administrator adds a member, who is refused the admin page with 403", async ({ page }) => {
  await signInAs(page, admin);
  await page.goto("/settings/users");
  await page.getByLabel("Name").fill(member.name);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Initial password").fill(member.password);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();

  await page.getByLabel("Email").fill(member.email);
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText(`Created ${member.email}.`)).toBeVisible();
  await expect(page.getByRole("cell", { name: member.email })).toBeVisible();
  await signOut(page);

  await signInAs(page, member);
  const response = await page.goto("/settings/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Administrators only" })).toBeVisible();
  const api = await page.request.get("/api/users");
  expect(api.status()).toBe(403);
});

test("a personal API key authenticates API calls until it is revoked", async ({ page, playwright }) => {
  await signInAs(page, member);
  await page.goto("/settings");
  await page.getByLabel("Key name").fill("CI script");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^cck_/);

  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const me = await anonymous.get("/api/me", { headers: { authorization: `Bearer ${key}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).user.email).toBe(member.email);
  expect((await anonymous.get("/api/me")).status()).toBe(401);

  await page.getByRole("button", { name: "Revoke CI script" }).click();
  await expect(page.getByText("You have no API keys.")).toBeVisible();
  const after = await anonymous.get("/api/me", { headers: { authorization: `Bearer ${key}` } });
  expect(after.status()).toBe(401);
  expect(await after.json()).toMatchObject({ error: "UNAUTHENTICATED" });
  await anonymous.dispose();
});

test("a cookie-authenticated write from another site is refused", async ({ page }) => {
  await signInAs(page, member);
  const response = await page.request.post("/api/api-keys", {
    data: { name: "forged" },
    headers: { origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
});
