import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("over https add HSTS and upgrade insecure requests; over http they do not", () => {
    expect(securityHeaders("n", true)["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(contentSecurityPolicy("n", true)).toContain("upgrade-insecure-requests");
    expect(securityHeaders("n", false)["Strict-Transport-Security"]).toBeUndefined();
    expect(contentSecurityPolicy("n", false)).not.toContain("upgrade-insecure-requests");
  });

  it("allow scripts only with the response's nonce, and no framing", () => {
    const csp = contentSecurityPolicy("abc123", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(newNonce()).not.toBe(newNonce());
  });
});
