import { expect, test } from "@playwright/test";
import { signInAsAdmin } from "./support";

// Security headers as a browser receives them, on pages and on API routes, and pages that
// still run their scripts under a nonce-based Content-Security-Policy.

function expectSecurityHeaders(headers: Record<string, string>) {
  const csp = headers["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  // The app is served over http here, so no HSTS (it would lock browsers out of http://localhost).
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("a page carries the security headers, a fresh nonce each time, and its scripts run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInAsAdmin(page);
  const first = await page.goto("/settings");
  expectSecurityHeaders(first!.headers());
  const nonce = /'nonce-([^']+)'/.exec(first!.headers()["content-security-policy"]!)![1]!;
  // Next.js put this response's nonce on its own inline scripts.
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  const second = await page.goto("/settings");
  expect(second!.headers()["content-security-policy"]).not.toContain(nonce);

  // Scripts ran: the form checks its field in the browser, and the key list was fetched.
  await expect(page.getByText(/You have no API keys\.|Revoke/).first()).toBeVisible();
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Give the key a name, such as “CI script”.")).toBeVisible();
  expect(violations).toEqual([]);
});

test("an API route and an error page carry them too", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expectSecurityHeaders(health.headers());
  const unauthenticated = await request.get("/api/me");
  expect(unauthenticated.status()).toBe(401);
  expectSecurityHeaders(unauthenticated.headers());
  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing.headers());
});
