import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, toResponse } from "./errors";

describe("error responses", () => {
  it("turns a zod error into a 422 with one entry per field", async () => {
    const result = z.object({ baseUrl: z.string().min(1, "Enter the site URL.") }).safeParse({ baseUrl: "" });
    const response = toResponse(result.error);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      detail: [{ loc: ["body", "baseUrl"], msg: "Enter the site URL.", type: "too_small" }],
    });
  });

  it("maps an AppError code to its status and message", async () => {
    const response = toResponse(new AppError("NOT_FOUND", "No such connector."));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "NOT_FOUND", message: "No such connector." });
  });

  it("hides the details of an unexpected error behind a request id", async () => {
    const response = toResponse(new Error("connection string postgres://secret@db"), "req-1");
    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: "INTERNAL", message: "Something went wrong on our side.", requestId: "req-1" });
  });
});
