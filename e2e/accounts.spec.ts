import { expect, test, type Browser, type Page } from "@playwright/test";
import { admin, readSetupCode, signIn } from "./support";

// One fresh install, walked through in order: the first admin (with the setup code), sign-out
// and sign-in, a member who is refused an admin page, personal API keys, the sign-in throttle,
// and an administrator taking access away.
test.describe.configure({ mode: "serial" });

const member = { name: "Bob Member", email: "bob@example.com", password: "member password 1234" };

/** Signs in and waits until the app has taken the user in. */
async function signInAs(page: Page, user: { email: string; password: string }) {
  await signIn(page, user.email, user.password);
  await expect(page).toHaveURL(/\/(connectors|settings)$/);
}

async function signOut(page: Page) {
  // The user menu (the users table has buttons naming people too).
  await page
    .getByRole("button", { name: /Ada Admin|Bob Member/ })
    .and(page.locator('[aria-haspopup="menu"]'))
    .click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}

test("a fresh install asks for the first administrator, the setup code npm start printed, and a strong password", async ({ page }) => {
  await page.goto("/connectors");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the first administrator" })).toBeVisible();

  await page.getByLabel("Name").fill(admin.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText("Enter the setup code that npm start printed.", { exact: true })).toBeVisible();
  await expect(page.getByText("Enter a valid email address, such as ada@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();

  // Long enough, but one of the most common passwords: refused next to the field, with advice.
  await page.getByLabel("Setup code (printed by npm start)").fill("0000-0000-0000");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("qwertyuiop12");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText(/^This password is too easy to guess\. .+/)).toBeVisible();

  // A strong password, but not the code the start command printed.
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText(/^That setup code is not right/)).toBeVisible();
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByLabel("Setup code (printed by npm start)").fill(readSetupCode());
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

test("after five wrong passwords the sign-in page says to wait, even for the right password", async ({ page, browser }) => {
  const carol = { name: "Carol Tester", email: "carol@example.com", password: "violet harbor kettle" };
  await withAdmin(browser, async (adminPage) => {
    await adminPage.goto("/settings/users");
    await adminPage.getByLabel("Name").fill(carol.name);
    await adminPage.getByLabel("Email").fill(carol.email);
    await adminPage.getByLabel("Initial password").fill(carol.password);
    await adminPage.getByRole("button", { name: "Add user" }).click();
    await expect(adminPage.getByText(`Created ${carol.email}.`)).toBeVisible();
  });
  for (let i = 0; i < 5; i++) {
    await signIn(page, carol.email, `wrong password ${i}`);
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  }
  await signIn(page, carol.email, "wrong password 6");
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts; try again in 1 minute." })).toBeVisible();
  await signIn(page, carol.email, carol.password);
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts; try again in 1 minute." })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("the last administrator cannot be made a member", async ({ page }) => {
  await signInAs(page, admin);
  await page.goto("/settings/users");
  await page.getByRole("button", { name: `Make member: ${admin.name}` }).click();
  await expect(page.getByRole("alert").filter({ hasText: `${admin.name} is the last active administrator and cannot be made a member.` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("row", { name: new RegExp(admin.email) }).getByRole("cell", { name: "Administrator" })).toBeVisible();
});

test("a disabled member's open session is signed out at the next navigation, and they cannot sign in", async ({ page, browser }) => {
  await signInAs(page, member);
  await page.goto("/settings");
  await expect(page.getByText(`Signed in as ${member.name}`)).toBeVisible();

  await withAdmin(browser, async (adminPage) => {
    await adminPage.goto("/settings/users");
    await adminPage.getByRole("button", { name: `Disable ${member.name}` }).click();
    await expect(adminPage.getByText(`${member.name} is disabled and signed out.`)).toBeVisible();
    await expect(adminPage.getByRole("row", { name: new RegExp(member.email) }).getByRole("cell", { name: "Disabled" })).toBeVisible();
  });

  // The member's next navigation (the page still open in their browser) finds them signed out.
  await page.reload();
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/me")).status()).toBe(401);
  await signIn(page, member.email, member.password);
  await expect(page.getByRole("alert").filter({ hasText: "This account has been disabled. Ask an administrator to enable it." })).toBeVisible();

  // Enabled again, with a password reset: the new password works, the old one does not.
  await withAdmin(browser, async (adminPage) => {
    await adminPage.goto("/settings/users");
    await adminPage.getByRole("button", { name: `Enable ${member.name}` }).click();
    await expect(adminPage.getByText(`${member.name} is enabled again.`)).toBeVisible();
    await adminPage.getByRole("button", { name: `Reset password of ${member.name}` }).click();
    await adminPage.getByLabel(`New password for ${member.name}`).fill("password1234");
    await adminPage.getByRole("button", { name: "Set password", exact: true }).click();
    await expect(adminPage.getByText(/^This password is too easy to guess\./)).toBeVisible();
    await adminPage.getByLabel(`New password for ${member.name}`).fill("marble canyon whistle");
    await adminPage.getByRole("button", { name: "Set password", exact: true }).click();
    await expect(adminPage.getByText(`${member.name}'s password is reset; they are signed out everywhere.`)).toBeVisible();
  });
  await signIn(page, member.email, member.password);
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await signInAs(page, { email: member.email, password: "marble canyon whistle" });
});

/** Runs `work` in a second browser, signed in as the administrator (another person at another desk). */
async function withAdmin(browser: Browser, work: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const adminPage = await context.newPage();
  try {
    await signInAs(adminPage, admin);
    await work(adminPage);
  } finally {
    await context.close();
  }
}
