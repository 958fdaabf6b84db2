import { describe, expect, it } from "vitest";
import { emptyCounters } from "@/lib/sync/counters";
import { phaseProgress } from "./phase-progress";
import type { RunView } from "./types";

const PHASES: RunView["phases"] = ["discovering_spaces", "fetching_content", "listing", "reconciling", "permissions", "downloading_attachments", "indexing"];

function run(phase: RunView["phase"], status: RunView["status"], counters = emptyCounters()): RunView {
  return { phase, status, phases: PHASES, counters } as RunView;
}
const byPhase = (view: RunView) => Object.fromEntries(phaseProgress(view).map((p) => [p.phase, p]));

describe("phase bars", () => {
  it("show indexing moving beside downloads once documents are indexed, and not before", () => {
    const counters = emptyCounters();
    counters.attachment.discovered = 40;
    counters.attachment.downloaded = 10;
    expect(byPhase(run("downloading_attachments", "running", counters)).indexing).toMatchObject({ state: "pending", fraction: 0 });

    counters.page.indexed = 120;
    counters.footer_comment.indexSkipped = 3;
    const bars = byPhase(run("downloading_attachments", "running", counters));
    expect(bars.downloading_attachments).toMatchObject({ state: "current", fraction: 0.25 });
    expect(bars.indexing).toMatchObject({ state: "current", fraction: null, detail: "123 indexed so far, beside the walk" });
    expect(bars.permissions).toMatchObject({ state: "done" });
  });

  it("show downloads moving beside the restriction reads once a file is in, and not before", () => {
    const counters = emptyCounters();
    counters.attachment.discovered = 40;
    counters.permission.discovered = 100;
    counters.permission.fetched = 30;
    expect(byPhase(run("permissions", "running", counters)).downloading_attachments).toMatchObject({ state: "pending", fraction: 0, detail: "" });

    counters.attachment.downloaded = 9;
    counters.attachment.skipped = 1;
    const bars = byPhase(run("permissions", "running", counters));
    expect(bars.permissions).toMatchObject({ state: "current", fraction: 0.3 });
    expect(bars.downloading_attachments).toMatchObject({
      state: "current",
      fraction: 9 / 40,
      detail: "9 of 40 downloaded, 1 skipped (too large), beside the permission reads",
    });
    // A run that stopped there shows them as they were left: not moving.
    expect(byPhase(run("permissions", "failed", counters)).downloading_attachments).toMatchObject({ state: "pending" });
  });

  it("leave indexing pending on a run that stopped before reaching it", () => {
    const counters = emptyCounters();
    counters.page.indexed = 50;
    expect(byPhase(run("permissions", "cancelled", counters)).indexing).toMatchObject({ state: "pending", fraction: 0 });
  });

  it("give the restriction reads a share of the nodes listed for them", () => {
    const counters = emptyCounters();
    counters.permission.discovered = 200;
    counters.permission.fetched = 45;
    counters.permission.failed = 5;
    expect(byPhase(run("permissions", "running", counters)).permissions).toMatchObject({ state: "current", fraction: 0.25 });
  });
});
