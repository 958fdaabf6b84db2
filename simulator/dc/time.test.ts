import { describe, expect, it } from "vitest";
import { isoInZone, localDate, localToUtc, offsetMinutes } from "./time";

describe("server time zone", () => {
  it("knows Berlin's offset in winter and summer", () => {
    expect(offsetMinutes(Date.UTC(2024, 0, 15, 12), "Europe/Berlin")).toBe(60);
    expect(offsetMinutes(Date.UTC(2024, 6, 15, 12), "Europe/Berlin")).toBe(120);
    expect(offsetMinutes(Date.UTC(2024, 6, 15, 12), "America/New_York")).toBe(-240);
    expect(offsetMinutes(Date.UTC(2024, 6, 15, 12), "Asia/Kolkata")).toBe(330);
  });

  it("reads local wall-clock times as the right UTC instants, across daylight saving", () => {
    expect(localToUtc("Europe/Berlin", 2024, 7, 1, 10, 0)).toBe(Date.UTC(2024, 6, 1, 8, 0));
    expect(localToUtc("Europe/Berlin", 2024, 1, 1, 10, 0)).toBe(Date.UTC(2024, 0, 1, 9, 0));
    expect(localToUtc("UTC", 2024, 1, 1, 10, 0)).toBe(Date.UTC(2024, 0, 1, 10, 0));
    // 31 March 2024: Berlin jumps from 02:00 to 03:00; 04:00 local is 02:00 UTC.
    expect(localToUtc("Europe/Berlin", 2024, 3, 31, 4, 0)).toBe(Date.UTC(2024, 2, 31, 2, 0));
    // 27 October 2024: 02:30 happens twice; the earlier (summer time) instant is taken.
    expect(localToUtc("Europe/Berlin", 2024, 10, 27, 2, 30)).toBe(Date.UTC(2024, 9, 27, 0, 30));
  });

  it("writes ISO dates with the zone's offset, as Data Center does", () => {
    expect(isoInZone(Date.UTC(2024, 6, 1, 8, 0, 0, 5), "Europe/Berlin")).toBe("2024-07-01T10:00:00.005+02:00");
    expect(isoInZone(Date.UTC(2024, 0, 1, 2, 0), "America/New_York")).toBe("2023-12-31T21:00:00.000-05:00");
    expect(Date.parse(isoInZone(1_700_000_000_123, "Asia/Kolkata"))).toBe(1_700_000_000_123);
    expect(localDate(Date.UTC(2024, 0, 1, 2, 0), "America/New_York")).toEqual([2023, 12, 31]);
  });
});
