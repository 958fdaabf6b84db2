import { describe, expect, it } from "vitest";
import { isAtlassianMediaOrigin, nonPublicKind } from "./egress";

describe("which addresses the connector may reach", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["10.1.2.3", "private"],
    ["172.20.0.1", "private"],
    ["192.168.1.1", "private"],
    ["fd12:3456::1", "private"],
    ["100.100.100.200", "shared (carrier-grade NAT)"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["224.0.0.1", "multicast"],
  ])("refuses %s (%s)", (address, kind) => {
    expect(nonPublicKind(address)).toBe(kind);
  });

  it.each(["104.192.142.1", "8.8.8.8", "172.32.0.1", "2606:4700::1111"])("allows the public address %s", (address) => {
    expect(nonPublicKind(address)).toBeUndefined();
  });

  it("follows downloads only to Atlassian's media hosts over https", () => {
    expect(isAtlassianMediaOrigin(new URL("https://api.media.atlassian.com/file/1/binary"))).toBe(true);
    expect(isAtlassianMediaOrigin(new URL("http://api.media.atlassian.com/file/1/binary"))).toBe(false);
    expect(isAtlassianMediaOrigin(new URL("https://media.atlassian.com.evil.com/"))).toBe(false);
  });
});
