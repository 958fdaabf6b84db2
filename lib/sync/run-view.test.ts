import { describe, expect, it } from "vitest";
import type { SyncRun } from "../generated/prisma/client";
import { emptyCounters } from "./counters";
import { toRunView } from "./run-view";

const started = new Date("2026-01-01T10:00:00Z");

function run(overrides: Partial<SyncRun> = {}): SyncRun {
  const counters = emptyCounters();
  counters.page = { ...counters.page, expected: 1000, discovered: 250, fetched: 250 };
  return {
    id: "r1",
    connectorId: "c1",
    kind: "full",
    trigger: "manual",
    status: "running",
    phase: "fetching_content",
    counters,
    checkpoint: null,
    requestCount: 100,
    error: null,
    cancelRequested: false,
    leaseOwner: "x",
    transientFailures: 0,
    rateLimit: null,
    startedAt: started,
    finishedAt: null,
    heartbeatAt: started,
    createdAt: started,
    ...overrides,
  } as SyncRun;
}

describe("run view", () => {
  it("estimates the time left from the site's page count and the rate so far", () => {
    const view = toRunView(run(), started.getTime() + 10_000);
    expect(view.itemRate).toBe(25);
    // 750 pages to go at 25 items a second.
    expect(view.etaSeconds).toBe(30);
    expect(view.requestRate).toBe(600);
  });

  it("estimates an incremental run from the expected counts of every type, not only pages", () => {
    const counters = emptyCounters();
    counters.page = { ...counters.page, expected: 250, discovered: 250, fetched: 10, unchanged: 240 };
    counters.footer_comment = { ...counters.footer_comment, expected: 250 };
    const view = toRunView(run({ kind: "incremental", counters: counters as unknown as SyncRun["counters"] }), started.getTime() + 10_000);
    // 250 items in 10 s, 250 comments to go.
    expect(view.etaSeconds).toBe(10);
  });

  it("leaves label failures out of the item rate and the ETA, and shows them in their own row", () => {
    const counters = emptyCounters();
    counters.page = { ...counters.page, expected: 1000, discovered: 250, fetched: 250 };
    counters.label = { ...counters.label, discovered: 40, failed: 3 };
    const view = toRunView(run({ counters: counters as unknown as SyncRun["counters"] }), started.getTime() + 10_000);
    expect(view.itemRate).toBe(25);
    expect(view.etaSeconds).toBe(30);
    expect(view.counters.label.failed).toBe(3);
    expect(view.counters.page.failed).toBe(0);
  });

  it("says when the points quota, not the site, will set the pace", () => {
    const view = toRunView(
      run({ rateLimit: { limit: 1000, remaining: 50, resetAt: "2026-01-01T11:00:00.000Z", nearLimit: false } }),
      started.getTime() + 10_000,
    );
    expect(view.quota).toMatchObject({ limit: 1000, remaining: 50, usedShare: 0.95, limitsRun: true });
    const plenty = toRunView(run({ rateLimit: { limit: 100000, remaining: 99000 } }), started.getTime() + 10_000);
    expect(plenty.quota).toMatchObject({ limitsRun: false });
  });

  it("shows no quota for API-token traffic, which Atlassian exempts", () => {
    expect(toRunView(run()).quota).toBeNull();
  });
});
