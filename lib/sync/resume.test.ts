import { describe, expect, it } from "vitest";
import { END_STEP } from "./checkpoint";
import { planSteps } from "./plan";
import { resumeCheckpoint } from "./resume";
import { planDataCenterSteps } from "./dc/plan";

const base = { spaceIndex: 0, cursor: "c1", spaceIds: ["1", "2"], since: null, labels: null };
const plan = [
  "spaces",
  "estimate",
  "folders",
  "pages",
  "blogposts",
  "ancestors",
  "labels",
  "footer_comments",
  "inline_comments",
  "attachments",
  "downloads",
  "reconcile",
  "indexing",
];

describe("resuming a checkpoint under the current plan", () => {
  it("finds a named step wherever the current plan has it", () => {
    expect(resumeCheckpoint({ ...base, step: "labels", stepIndex: 4 }, plan, "full")).toMatchObject({ step: "labels", stepIndex: 6, cursor: "c1" });
  });

  it("maps an old numeric checkpoint to the step it meant, dropping a per-space cursor that fits no batch", () => {
    expect(resumeCheckpoint({ ...base, stepIndex: 3 }, plan, "full")).toMatchObject({ step: "blogposts", stepIndex: 4, cursor: null, spaceIds: ["1", "2"] });
    expect(resumeCheckpoint({ ...base, stepIndex: 5 }, plan, "full")).toMatchObject({ step: "footer_comments", stepIndex: 7, cursor: "c1" });
    expect(
      resumeCheckpoint({ ...base, stepIndex: 3 }, ["spaces", "folders", "pages", "blogposts", "ancestors", "footer_comments"], "incremental"),
    ).toMatchObject({ step: "footer_comments", stepIndex: 5 });
  });

  it("goes on after the old plan's last step when an old checkpoint had finished it", () => {
    expect(resumeCheckpoint({ ...base, stepIndex: 10 }, plan, "full")).toMatchObject({ stepIndex: 12, cursor: null });
  });

  it("restarts from the first step when the plan no longer has the named step, keeping the incremental window", () => {
    const since = "2026-01-01T00:00:00.000Z";
    expect(resumeCheckpoint({ ...base, since, step: "gone", stepIndex: 2 }, plan, "incremental")).toMatchObject({
      stepIndex: 0,
      cursor: null,
      spaceIds: [],
      since,
    });
  });

  it("treats the end marker as past the last step", () => {
    expect(resumeCheckpoint({ ...base, step: END_STEP, stepIndex: 11 }, plan, "full").stepIndex).toBe(plan.length);
  });

  it("carries a walk kept under the step's own name (before step state) into the step's state", () => {
    const walk = { types: ["page"], itemTypes: [], afterId: null, queue: [{ id: "7", name: "ops" }], typeIndex: 0, itemCursor: null };
    const resumed = resumeCheckpoint({ ...base, step: "labels", stepIndex: 6, labels: walk }, plan, "full");
    expect(resumed.state).toEqual(walk);
    expect(resumed).not.toHaveProperty("labels");
    expect(resumeCheckpoint({ ...base, step: "labels", stepIndex: 6 }, plan, "full").state).toBeNull();
  });

  it("restarts a run stopped in the downloads that came before reconciliation and permissions, instead of skipping them", () => {
    for (const steps of [planSteps("full"), planSteps("incremental"), planDataCenterSteps("full"), planDataCenterSteps("incremental")]) {
      const names = steps.map((s) => s.name);
      const resumed = resumeCheckpoint({ ...base, step: "downloads", stepIndex: 10 }, names, "full");
      expect(resumed.stepIndex).toBe(0);
      // Files now download beside the restriction reads, and their own step comes after those.
      expect(names.indexOf("remaining_downloads")).toBeGreaterThan(names.indexOf("permissions"));
    }
  });
});
