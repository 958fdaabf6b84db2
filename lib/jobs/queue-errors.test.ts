import { describe, expect, it } from "vitest";
import { queueErrorLogger, summarizeQueueError } from "./queue-errors";

describe("job queue error logs", () => {
  it("keep the name, message and code, never the client or pool an error carries", () => {
    const err = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", client: { pool: { secret: "x".repeat(10_000) } } });
    const summary = summarizeQueueError(err);
    expect(summary).toEqual({ name: "Error", message: "connect ECONNREFUSED 127.0.0.1:5432", code: "ECONNREFUSED" });
    expect(JSON.stringify(summary).length).toBeLessThan(200);
  });

  it("log a repeated error once per 30 seconds, and say how many were left out", () => {
    let t = 0;
    const lines: unknown[] = [];
    const log = queueErrorLogger(
      (s) => lines.push(s),
      () => t,
    );
    const down = Object.assign(new Error("terminating connection"), { code: "57P01" });
    for (let i = 0; i < 5; i++) log(down);
    log(new Error("another problem"));
    expect(lines).toHaveLength(2);
    t = 31_000;
    log(down);
    expect(lines[2]).toEqual({ name: "Error", message: "terminating connection", code: "57P01", repeated: 4 });
  });
});
