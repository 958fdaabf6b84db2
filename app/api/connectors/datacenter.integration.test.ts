import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "@/simulator";
import { adminAndMember } from "@/test/api-actors";
import { simAdmin, startSimulatorForApp } from "@/test/simulator";
import { db, disconnectDb } from "@/lib/db";
import { POST } from "./route";

// Data Center setup through the API: each way the check at Next can fail names its own field,
// and nothing is saved until the site has taken the credentials.
let sim: Simulator;
let key: string;

beforeAll(async () => {
  sim = await startSimulatorForApp({ flavor: "datacenter", datacenter: { rateLimit: { enabled: false } } });
  ({ adminKey: key } = await adminAndMember());
});
afterAll(async () => {
  await sim.close();
  await disconnectDb();
});

const create = (body: Record<string, unknown>) =>
  POST(
    new Request("http://localhost:3000/api/connectors", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ deployment: "datacenter", name: "Wiki", baseUrl: sim.dc!.baseUrl, ...body }),
    }),
    { params: Promise.resolve({}) },
  );
const detailOf = async (response: Response) => ((await response.json()) as { detail: { loc: string[]; msg: string }[] }).detail;

describe("POST /api/connectors for Data Center", () => {
  it("creates a connector with a personal access token: no Authorize step, the version read, the token never returned", async () => {
    const response = await create({ authMethod: "personal_access_token", token: sim.dc!.admin.pat, baseUrl: `${sim.dc!.baseUrl}/` });
    expect(response.status).toBe(201);
    const { connector } = (await response.json()) as { connector: Record<string, unknown> };
    expect(connector).toMatchObject({
      deployment: "datacenter",
      authMethod: "personal_access_token",
      siteUrl: sim.dc!.baseUrl,
      authenticated: true,
      serverVersion: sim.dc!.version,
    });
    expect(JSON.stringify(connector)).not.toContain(sim.dc!.admin.pat);
    const row = await db().connector.findUniqueOrThrow({ where: { id: connector.id as string } });
    expect(row.apiToken).not.toContain(sim.dc!.admin.pat);
  });

  it("creates one with a username and password", async () => {
    const response = await create({ authMethod: "password", username: sim.dc!.admin.username, password: sim.dc!.admin.password });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { connector: { username: string } }).connector.username).toBe(sim.dc!.admin.username);
  });

  it("answers 422 with detail[] for missing fields, on their own fields", async () => {
    const response = await create({ authMethod: "password", username: "", baseUrl: "ftp://wiki" });
    expect(response.status).toBe(422);
    const detail = await detailOf(response);
    expect(detail.map((d) => d.loc.join("."))).toEqual(expect.arrayContaining(["body.baseUrl", "body.username", "body.password"]));
    expect(detail.find((d) => d.loc.join(".") === "body.baseUrl")!.msg).toMatch(/http:\/\/ or https:\/\//);
  });

  it("names the password when the site rejects it, and saves nothing", async () => {
    const before = await db().connector.count();
    const response = await create({ authMethod: "password", username: sim.dc!.admin.username, password: "wrong" });
    expect(response.status).toBe(422);
    const [problem] = await detailOf(response);
    expect(problem).toMatchObject({ loc: ["body", "password"], msg: expect.stringMatching(/rejected the username or password \(HTTP 401\)/) });
    expect(await db().connector.count()).toBe(before);
  });

  it("on a site with anonymous access, a wrong token that got in as the anonymous user is refused on the token field", async () => {
    await simAdmin(sim, "/dc/config", "PUT", { anonymousAccess: true });
    try {
      const response = await create({ authMethod: "personal_access_token", token: "not-a-real-token" });
      expect(response.status).toBe(422);
      const [problem] = await detailOf(response);
      expect(problem).toMatchObject({ loc: ["body", "token"], msg: expect.stringMatching(/as the anonymous user/) });
    } finally {
      await simAdmin(sim, "/dc/config", "PUT", { anonymousAccess: false });
    }
  });

  it("says so on the base URL when no Data Center site answers there (a wrong context path)", async () => {
    const response = await create({ authMethod: "personal_access_token", token: sim.dc!.admin.pat, baseUrl: `${sim.url}/not-confluence` });
    expect(response.status).toBe(422);
    const [problem] = await detailOf(response);
    expect(problem).toMatchObject({ loc: ["body", "baseUrl"], msg: expect.stringMatching(/No Confluence Data Center site answers/) });
  });

  it("refuses Cloud's sign-in methods for a Data Center site", async () => {
    const response = await create({ authMethod: "api_token", email: "a@b.c", apiToken: "x" });
    expect(response.status).toBe(422);
    expect((await detailOf(response))[0]!.msg).toMatch(/Data Center site takes a personal access token/);
  });
});
