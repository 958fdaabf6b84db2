import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";

describe("embedded PostgreSQL", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "embedded-pg-"));
  fs.chmodSync(root, 0o755);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  async function query(url: string, sql: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it("keeps data across a restart of the same data folder", { timeout: 90_000 }, async () => {
    const dataDir = path.join(root, "postgres");
    const first = await startEmbeddedPostgres({ dataDir, password: "restart-test-password" });
    await query(first.url, "CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')");
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, password: "restart-test-password" });
    try {
      expect(await query(second.url, "SELECT body FROM notes")).toEqual([{ body: "kept" }]);
    } finally {
      await second.stop();
    }
  });

  it("recovers from a failed first run that left an empty data folder", { timeout: 90_000 }, async () => {
    const dataDir = path.join(root, "half-made");
    fs.mkdirSync(dataDir, { recursive: true });
    const server = await startEmbeddedPostgres({ dataDir, password: "half-made-password", throwaway: true });
    try {
      expect(await query(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
    } finally {
      await server.stop();
    }
  });
});
