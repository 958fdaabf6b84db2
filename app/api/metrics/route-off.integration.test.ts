import { describe, expect, it } from "vitest";
import { GET } from "./route";

// A file of its own: serverEnv() is read once per test file, and here METRICS_TOKEN is unset.
delete process.env.METRICS_TOKEN;

describe("GET /api/metrics without METRICS_TOKEN", () => {
  it("is a 404 that says metrics are off and how to turn them on, whatever token is sent", async () => {
    for (const authorization of [null, "Bearer anything-at-all-long-enough"]) {
      const response = await GET(new Request("http://localhost:3000/api/metrics", { headers: authorization ? { authorization } : {} }));
      expect(response.status).toBe(404);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe("NOT_FOUND");
      expect(body.message).toMatch(/^Metrics are off\. Set METRICS_TOKEN .*Authorization: Bearer/);
    }
  });
});
