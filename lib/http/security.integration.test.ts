import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { POST as signInPost } from "../../app/api/auth/[...nextauth]/route";
import { GET as healthGet } from "../../app/api/health/route";
import { GET as spacesGet } from "../../app/api/connectors/[id]/spaces/route";
import { POST as setupPost } from "../../app/api/setup/route";
import { resetDatabase } from "../../test/db";
import { createApiKey, createFirstAdmin } from "../auth";
import { prepareSetupCode } from "../auth/setup-code";
import { sealSecret } from "../crypto";
import { db, disconnectDb } from "../db";
import { serverEnv } from "../env";
import { PrismaClient } from "../generated/prisma/client";

const appOrigin = new URL(serverEnv().NEXTAUTH_URL).origin;
const admin = { name: "Ada", email: "ada@example.com", password: "correct horse battery staple" };

function post(url: string, body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request(new URL(url, appOrigin), { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body that is never-ending unless read no further; counts how much of it was pulled. */
function endlessBody(chunk = 16 * 1024, max = 64 * 1024 * 1024) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= max) return controller.close();
      pulled.bytes += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
  });
  return { stream, pulled };
}

describe("hostile requests", () => {
  beforeEach(resetDatabase);
  afterAll(disconnectDb);

  it("a public route refuses a body over 64 KB from its Content-Length, before reading it (413)", async () => {
    const { stream, pulled } = endlessBody();
    const response = await setupPost(post("/api/setup", stream, { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "PAYLOAD_TOO_LARGE", message: "The request body is larger than 64 KB." });
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("a body with no length (chunked) is cut off once it passes the limit, not read to the end", async () => {
    const { stream, pulled } = endlessBody();
    const response = await setupPost(post("/api/setup", stream, { "content-type": "application/json" }));
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(256 * 1024);
  });

  it("the sign-in endpoint refuses an oversized form too", async () => {
    const { stream, pulled } = endlessBody();
    const response = await signInPost(
      new (await import("next/server")).NextRequest(new URL("/api/auth/callback/credentials", appOrigin), {
        method: "POST",
        body: stream,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        duplex: "half",
      } as never),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(256 * 1024);
  });

  describe("the first-administrator route of a fresh install", () => {
    let code: string;
    beforeEach(async () => {
      code = (await prepareSetupCode(serverEnv().DATABASE_URL, fs.mkdtempSync(path.join(os.tmpdir(), "setup-"))))!;
    });
    const claim = (headers: Record<string, string>, setupCode = code) => setupPost(post("/api/setup", JSON.stringify({ ...admin, setupCode }), headers));

    it("refuses text/plain, which any web page can send across sites without asking (415)", async () => {
      const response = await claim({ "content-type": "text/plain", origin: appOrigin });
      expect(response.status).toBe(415);
      expect(await db().user.count()).toBe(0);
    });

    it("refuses another site's Origin even with JSON (403)", async () => {
      const response = await claim({ "content-type": "application/json", origin: "https://evil.example" });
      expect(response.status).toBe(403);
      expect(await db().user.count()).toBe(0);
    });

    it("refuses a wrong setup code next to its field (422), and accepts the printed one", async () => {
      const wrong = await claim({ "content-type": "application/json", origin: appOrigin }, "0000-0000-0000");
      expect(wrong.status).toBe(422);
      expect((await wrong.json()).detail[0]).toMatchObject({ loc: ["body", "setupCode"] });
      const right = await claim({ "content-type": "application/json", origin: appOrigin });
      expect(right.status).toBe(201);
    });
  });

  it("/api/health says only that the database is unreachable; the reason goes to the log", async () => {
    const holder = globalThis as unknown as { prisma?: PrismaClient };
    const real = holder.prisma;
    const password = randomBytes(9).toString("hex");
    holder.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://dbadmin:${password}@127.0.0.1:1/private_db` }) });
    try {
      const response = await healthGet();
      expect(response.status).toBe(503);
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ status: "error", database: "unreachable" });
      for (const detail of ["127.0.0.1", "ECONNREFUSED", "dbadmin", "private_db", password]) expect(body).not.toContain(detail);
    } finally {
      await holder.prisma.$disconnect();
      holder.prisma = real;
    }
    expect((await healthGet()).status).toBe(200);
  });

  it("credentials sealed with a key that is no longer configured give a clear 409 in the API, not a 500", async () => {
    const user = await createFirstAdmin(admin);
    const { key } = await createApiKey(user.id, "script");
    const gone = { activeKeyId: "gone", keys: new Map([["gone", randomBytes(32)]]) };
    const connector = await db().connector.create({
      data: {
        id: "c-old-key",
        name: "Old",
        siteUrl: "https://old.atlassian.net",
        authMethod: "api_token",
        email: "a@b.c",
        apiToken: sealSecret("tok", gone, "apiToken:c-old-key"),
      },
    });
    const response = await spacesGet(
      new Request(new URL(`/api/connectors/${connector.id}/spaces`, appOrigin), { headers: { authorization: `Bearer ${key}` } }),
      {
        params: Promise.resolve({ id: connector.id }),
      },
    );
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: "CREDENTIALS_UNREADABLE",
      message:
        'This connector\'s stored credentials cannot be decrypted with the configured keys: the secret was encrypted with key "gone", which is not configured. Add the missing key to ENCRYPTION_KEYS, or enter the credentials again.',
    });
  });
});
