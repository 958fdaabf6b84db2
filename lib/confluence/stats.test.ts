import { describe, expect, it } from "vitest";
import { ResponseTooLargeError } from "./errors";
import { StatsRecorder } from "./stats";

const answer = (status: number) => async () => ({ response: new Response(null, { status }) });

describe("request stats by route and status", () => {
  it("counts each attempt under the status it ended with, and 'none' when nothing answered", async () => {
    const stats = new StatsRecorder();
    await stats.attempt("GET /wiki/api/v2/pages", answer(200));
    await stats.attempt("GET /wiki/api/v2/pages", answer(429));
    await stats.attempt("GET /wiki/api/v2/pages", answer(200));
    await expect(stats.attempt("GET /wiki/api/v2/spaces", () => Promise.reject(new Error("ECONNRESET")))).rejects.toThrow("ECONNRESET");
    const tooLarge = new ResponseTooLargeError(10, { route: "GET /wiki/download/attachments/{id}/{fileName}", status: 200 });
    await expect(stats.attempt("GET /wiki/download/attachments/{id}/{fileName}", () => Promise.reject(tooLarge))).rejects.toBe(tooLarge);
    const snapshot = stats.snapshot({ throttledMs: 0, concurrency: 8 });
    expect(snapshot.byRouteStatus).toEqual({
      "GET /wiki/api/v2/pages": { "200": 2, "429": 1 },
      "GET /wiki/api/v2/spaces": { none: 1 },
      "GET /wiki/download/attachments/{id}/{fileName}": { "200": 1 },
    });
    expect(snapshot.requests).toBe(5);
    expect(snapshot.byRoute["GET /wiki/api/v2/pages"]).toBe(3);
  });
});
