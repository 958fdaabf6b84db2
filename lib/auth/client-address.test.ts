import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("the client address the sign-in throttle counts", () => {
  it("is the last X-Forwarded-For entry, the one the nearest hop (our proxy, or Next.js itself) wrote", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": "::ffff:127.0.0.1" })).toBe("127.0.0.1");
    expect(clientAddress({})).toBe("unknown");
  });
});
