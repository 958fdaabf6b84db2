import { describe, expect, it } from "vitest";
import { cqlDate, parseCql } from "./cql";

describe("CQL parser", () => {
  it("parses fields, IN lists, AND/OR/NOT, parentheses and ORDER BY", () => {
    const q = parseCql('type = page AND space in ("ENG", DOC) AND (lastModified > "2024-01-01" OR NOT ancestor = 123) order by lastmodified desc');
    expect(q.orderBy).toEqual([{ field: "lastmodified", desc: true }]);
    expect(JSON.stringify(q.where)).toContain('"op":"in"');
    expect(JSON.stringify(q.where)).toContain('"kind":"not"');
  });

  it("rejects malformed queries with a 400", () => {
    expect(() => parseCql("type = ")).toThrowError(/Could not parse cql/);
    expect(() => parseCql('space in ("A"')).toThrowError();
  });

  it("understands date literals and now() offsets", () => {
    expect(cqlDate("2024-03-05")).toBe(Date.UTC(2024, 2, 5));
    expect(cqlDate("2024/03/05 10:30")).toBe(Date.UTC(2024, 2, 5, 10, 30));
    expect(cqlDate({ fn: "now", args: ["-1d"] }, 86_400_000 * 10)).toBe(86_400_000 * 9);
  });
});
