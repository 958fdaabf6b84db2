import { expect, type Page } from "@playwright/test";

export const simUrl = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 4799}`;
export const appUrl = `http://localhost:${process.env.E2E_PORT ?? 3199}`;
export const admin = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery staple" };
export const simAdmin = { email: "admin@example.com", apiToken: "sim-admin-token" };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in as the administrator, creating it first when the install is fresh (specs run alone too). */
export async function signInAsAdmin(page: Page) {
  await page.goto("/");
  if (page.url().endsWith("/setup")) {
    await page.getByLabel("Name").fill(admin.name);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Create administrator" }).click();
  } else {
    await signIn(page, admin.email, admin.password);
  }
  await expect(page).toHaveURL(/\/connectors$/);
}
