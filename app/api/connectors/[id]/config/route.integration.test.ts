import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminAndMember } from "@/test/api-actors";
import { DEFAULT_CONNECTOR_CONFIG, updateConnector } from "@/lib/connectors";
import { db, disconnectDb } from "@/lib/db";
import { stopJobSender } from "@/lib/jobs";
import { POST as startSync } from "../sync/route";
import { GET } from "./route";

// The two answers automations rely on, through their handlers: each is checked against the schema
// the API description shows, so a field added or missing would be a 500 here, not silent drift.
let key: string;
let connectorId: string;

beforeAll(async () => {
  ({ adminKey: key } = await adminAndMember());
  connectorId = (
    await db().connector.create({
      data: { name: "Site", siteUrl: "https://t.atlassian.net", authMethod: "api_token", email: "a@t.io", status: "authenticated" },
    })
  ).id;
  await updateConnector(connectorId, {
    config: { ...DEFAULT_CONNECTOR_CONFIG, filters: { ...DEFAULT_CONNECTOR_CONFIG.filters, spaces: { operator: "in", keys: ["ENG"] } } },
  });
});
afterAll(async () => {
  await stopJobSender();
  await disconnectDb();
});

const context = { params: Promise.resolve({ id: "" }) };
const request = (method: string, body?: unknown) =>
  new Request(`http://localhost:3000/api/connectors/${connectorId}/x`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("the connector's config and sync answers", () => {
  it("GET config answers the site URL and the space filter, and no secret", async () => {
    context.params = Promise.resolve({ id: connectorId });
    const response = await GET(request("GET"), context);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ siteUrl: "https://t.atlassian.net", config: { filters: { spaces: { operator: "in", keys: ["ENG"] } } } });
    expect(Object.keys(body).sort()).toEqual([
      "authMethod",
      "config",
      "configured",
      "deployment",
      "email",
      "id",
      "name",
      "oauthAppId",
      "oauthClientId",
      "serverVersion",
      "siteUrl",
      "username",
    ]);
  });

  it("POST sync answers 202 sync_started with the counts", async () => {
    const response = await startSync(request("POST", { kind: "full" }), { params: Promise.resolve({ id: connectorId }) });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({
      type: "sync_started",
      run_id: expect.any(String),
      kind: "full",
      current_artifact_count: 0,
      integration_item_count: 0,
    });
  });
});
