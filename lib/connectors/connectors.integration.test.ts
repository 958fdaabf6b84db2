import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { resetDatabase } from "../../test/db";
import { startSimulatorForApp } from "../../test/simulator";
import { createFirstAdmin } from "../auth";
import { db, disconnectDb } from "../db";
import { findFreePort } from "../platform";
import { AppError } from "../errors";
import { createConnector, createConnectorSchema, deleteConnector, getConnectorConfig, listConnectorSpaces, updateConnector, DEFAULT_CONNECTOR_CONFIG } from ".";

let sim: Simulator;
let adminId: string;
let closed: string;

beforeAll(async () => {
  sim = await startSimulatorForApp();
  // A listed origin where nothing listens (an unlisted one is refused before connecting).
  closed = `http://127.0.0.1:${await findFreePort()}`;
  process.env.CONFLUENCE_EXTRA_SITE_ORIGINS = `${sim.url},${closed}`;
});
afterAll(async () => {
  await sim.close();
  await disconnectDb();
});
beforeEach(async () => {
  await resetDatabase();
  adminId = (await createFirstAdmin({ name: "Ada", email: "ada@example.com", password: "correct horse battery" })).id;
});

const rawApiTokenInput = () => ({
  authMethod: "api_token",
  name: " Sim ",
  baseUrl: ` ${sim.url} `,
  email: sim.admin.email,
  apiToken: sim.admin.apiToken,
});
const apiTokenInput = (overrides: Record<string, string> = {}, origins = [sim.url]) =>
  createConnectorSchema(origins).parse({ ...rawApiTokenInput(), ...overrides });

async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("API-token connectors", () => {
  it("are created once the site accepts the credentials, with the token encrypted at rest", async () => {
    const view = await createConnector(apiTokenInput(), adminId);
    expect(view).toMatchObject({ name: "Sim", siteUrl: sim.url, authMethod: "api_token", badge: "authenticated", hasApiToken: true });
    expect(JSON.stringify(view)).not.toContain(sim.admin.apiToken);
    const row = await db().connector.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.apiToken).toMatch(/^v1:/);
    expect(row.apiToken).not.toContain(sim.admin.apiToken);
    expect(JSON.stringify(await getConnectorConfig(view.id))).not.toContain(sim.admin.apiToken);
  });

  it("refuse a rejected token on the token field and leave nothing behind", async () => {
    const error = await failureOf(createConnector(apiTokenInput({ apiToken: "wrong-token" }), adminId));
    expect(error.status).toBe(422);
    expect(error.detail?.[0]).toMatchObject({ loc: ["body", "apiToken"], msg: expect.stringContaining("rejected the email or API token") });
    expect(await db().connector.count()).toBe(0);
  });

  it("say when the host does not answer, on the URL field", async () => {
    const error = await failureOf(createConnector(apiTokenInput({ baseUrl: closed }, [closed]), adminId));
    expect(error.detail?.[0]).toMatchObject({ loc: ["body", "baseUrl"], msg: expect.stringContaining("did not answer") });
    expect(await db().connector.count()).toBe(0);
  });

  it("refuse a site on a loopback address no operator listed, on the URL field", async () => {
    // The simulator itself, by a name that resolves to 127.0.0.1 but is not the listed origin.
    const unlisted = `http://localhost:${new URL(sim.url).port}`;
    const error = await failureOf(createConnector(apiTokenInput({ baseUrl: unlisted }, [unlisted]), adminId));
    expect(error.detail?.[0]).toMatchObject({ loc: ["body", "baseUrl"], msg: expect.stringMatching(/Refused to connect to localhost.*loopback/) });
    expect(await db().connector.count()).toBe(0);
  });

  it("list the site's live spaces for the space filter", async () => {
    const view = await createConnector(apiTokenInput(), adminId);
    const spaces = await listConnectorSpaces(view.id);
    const expected = [...sim.store.spaces.values()].map((s) => s.key).sort();
    expect(spaces.map((s) => s.key).sort()).toEqual(expected);
  });

  it("save Configure Records and become Active; a blank token on edit keeps the stored one", async () => {
    const view = await createConnector(apiTokenInput(), adminId);
    const config = { ...DEFAULT_CONNECTOR_CONFIG, filters: { ...DEFAULT_CONNECTOR_CONFIG.filters, pageIds: ["123"] } };
    const saved = await updateConnector(view.id, { config, name: "Renamed" });
    expect(saved).toMatchObject({ badge: "active", configured: true, name: "Renamed" });
    expect(saved.config?.filters.pageIds).toEqual(["123"]);
    const before = await db().connector.findUniqueOrThrow({ where: { id: view.id } });
    await updateConnector(view.id, { email: sim.admin.email, apiToken: undefined });
    const after = await db().connector.findUniqueOrThrow({ where: { id: view.id } });
    expect(after.status).toBe("active");
    expect(after.apiToken).not.toBeNull();
    expect(before.apiToken).not.toBeNull();
  });

  it("are deleted with their credentials", async () => {
    const view = await createConnector(apiTokenInput(), adminId);
    await deleteConnector(view.id);
    expect(await db().connector.count()).toBe(0);
    await expect(deleteConnector(view.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
