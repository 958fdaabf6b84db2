import { describe, expect, it } from "vitest";
import { modifiedSinceDc } from "./cql";

describe("modifiedSinceDc", () => {
  it("writes the instant ten minutes before `since` as wall-clock time in the server's zone", () => {
    expect(modifiedSinceDc("2026-07-01T12:30:00.000Z", "America/Los_Angeles")).toBe('lastmodified >= "2026-07-01 05:20"');
    expect(modifiedSinceDc("2026-01-15T00:05:00.000Z", "Europe/Berlin")).toBe('lastmodified >= "2026-01-15 00:55"');
    expect(modifiedSinceDc("2026-01-15T00:05:00.000Z", "Asia/Kolkata")).toBe('lastmodified >= "2026-01-15 05:25"');
  });

  it("without a known zone, widens the window by the largest offset rather than miss an edit", () => {
    expect(modifiedSinceDc("2026-07-01T12:30:00.000Z", null)).toBe('lastmodified >= "2026-06-30 22:20"');
  });
});
