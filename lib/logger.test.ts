import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

describe("logger", () => {
  it("never writes secrets, wherever they sit in the logged object", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger({ level: "info" }, sink);
    log.info(
      {
        apiToken: "ATATT-token-1",
        connector: { clientSecret: "client-secret-2", refreshToken: "refresh-3", name: "Acme" },
        request: { headers: { authorization: "Bearer cck_abc-4" } },
        password: "hunter2hunter2",
      },
      "connecting",
    );
    const output = lines.join("");
    for (const secret of ["ATATT-token-1", "client-secret-2", "refresh-3", "cck_abc-4", "hunter2hunter2"]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain("Acme");
    expect(output).toContain("[redacted]");
  });
});
