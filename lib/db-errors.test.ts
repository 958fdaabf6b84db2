import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./db-errors";

describe("a database blip is told apart from a real failure", () => {
  it("recognises a restart, a reset and an exhausted pool, however deeply wrapped", () => {
    const terminated = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    expect(isDatabaseUnavailable(terminated)).toBe(true);
    expect(isDatabaseUnavailable(new Error("query failed", { cause: new Error("Connection terminated unexpectedly") }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "P2024" }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })]))).toBe(true);
  });

  it("does not excuse errors in the work itself", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('invalid byte sequence for encoding "UTF8": 0x00'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
