import { describe, expect, it } from "vitest";
import { applyShapeFaults, createShapeFaults } from "./shape-faults";

describe("shape faults", () => {
  it("drop the named fields at any depth inside results, keeping the list envelope", () => {
    const faults = createShapeFaults();
    faults.dropFields = new Set(["_links", "createdAt"]);
    const body = { results: [{ id: "1", _links: { webui: "/x" }, version: { number: 2, createdAt: "t" } }], _links: { next: "/wiki/api/v2/pages?cursor=a" } };
    expect(applyShapeFaults(body, faults)).toEqual({ results: [{ id: "1", version: { number: 2 } }], _links: { next: "/wiki/api/v2/pages?cursor=a" } });
  });

  it("drop top-level-only fields from each result but not deeper", () => {
    const faults = createShapeFaults();
    faults.dropTopLevelFields = new Set(["key"]);
    expect(applyShapeFaults({ results: [{ id: "1", key: "ENG", operation: { key: "read" } }] }, faults)).toEqual({
      results: [{ id: "1", operation: { key: "read" } }],
    });
  });

  it("leave responses alone when no field is dropped", () => {
    const body = { id: "1", _links: { webui: "/x" } };
    expect(applyShapeFaults(body, createShapeFaults())).toBe(body);
  });
});
