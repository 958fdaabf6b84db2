import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, api, basic } from "../../test/helpers";
import { basicOf, dcGet, patOf, startDc } from "../../test/dc";

let sim: Awaited<ReturnType<typeof startDc>>;
beforeAll(async () => {
  sim = await startDc({}, { pages: 120 });
});
afterAll(() => sim.close());

const anonymousSpaces = () =>
  [...sim.store.spaces.values()].filter((s) => s.permissions.some((p) => p.principalType === "anonymous" && p.operation === "read"));

describe("Data Center sign-in", () => {
  it("accepts a personal access token as Bearer and a username and password as Basic, naming the caller in X-AUSERNAME", async () => {
    const byPat = await dcGet(sim, "/rest/api/user/current", patOf(sim.dc.user));
    expect(byPat.status).toBe(200);
    expect(byPat.body).toMatchObject({ type: "known", username: sim.dc.user.username, userKey: sim.dc.user.userKey, displayName: sim.dc.user.displayName });
    expect(byPat.body.accountId).toBeUndefined();
    expect(byPat.headers.get("x-ausername")).toBe(sim.dc.user.username);
    const byBasic = await dcGet(sim, "/rest/api/user/current", basicOf(sim.dc.admin));
    expect(byBasic.body).toMatchObject({ type: "known", username: "admin" });
    expect(sim.dc.admin).toMatchObject({ username: "admin", password: "sim-admin-token" });
  });

  it("answers 401 to wrong, unknown or missing credentials while anonymous access is off", async () => {
    for (const auth of [basic("admin", "wrong"), basic("nobody", "x"), "Bearer not-a-token", basic(sim.admin.email, sim.admin.apiToken), null]) {
      const r = await dcGet(sim, "/rest/api/space", auth);
      expect(r.status, String(auth)).toBe(401);
      expect(r.body.statusCode).toBe(401);
    }
    expect((await dcGet(sim, "/rest/api/space", basic("admin", "wrong"))).headers.get("x-seraph-loginreason")).toBe("AUTHENTICATED_FAILED");
  });

  it("with anonymous access on, serves bad or missing credentials as the anonymous user with 200, showing only anonymous spaces", async () => {
    await admin(sim, "PUT", "/dc/config", { anonymousAccess: true });
    try {
      for (const auth of [basic("admin", "wrong"), "Bearer not-a-token", null]) {
        const me = await dcGet(sim, "/rest/api/user/current", auth);
        expect(me.status).toBe(200);
        expect(me.body.type).toBe("anonymous");
        const spaces = await dcGet(sim, "/rest/api/space?limit=100", auth);
        expect(spaces.status).toBe(200);
        expect(spaces.body.results.map((s: { key: string }) => s.key).sort()).toEqual(
          anonymousSpaces()
            .map((s) => s.key)
            .sort(),
        );
      }
      expect((await dcGet(sim, "/rest/api/space", basic("admin", "wrong"))).headers.get("x-seraph-loginreason")).toBe("AUTHENTICATED_FAILED");
      expect((await dcGet(sim, "/rest/api/group", null)).status).toBe(403);
      const real = await dcGet(sim, "/rest/api/space?limit=100", patOf(sim.dc.admin));
      expect(real.body.size).toBe(sim.store.spaces.size);
    } finally {
      await admin(sim, "PUT", "/dc/config", { anonymousAccess: false });
    }
  });

  it("follows password and token changes made through the admin API", async () => {
    await admin(sim, "PUT", `/dc/users/${sim.dc.user.username}`, { pat: "fresh-pat", password: "fresh-pw" });
    expect((await dcGet(sim, "/rest/api/user/current", "Bearer fresh-pat")).body.username).toBe(sim.dc.user.username);
    expect((await dcGet(sim, "/rest/api/user/current", patOf(sim.dc.user))).status).toBe(401);
    expect((await dcGet(sim, "/rest/api/user/current", basic(sim.dc.user.username, "fresh-pw"))).status).toBe(200);
    const info = await admin(sim, "GET", "/dc");
    expect(info.body.users.find((u: { username: string }) => u.username === sim.dc.user.username)).toMatchObject({
      pat: "fresh-pat",
      password: "fresh-pw",
      isAdmin: false,
    });
  });
});

describe("context path", () => {
  it("serves the API under /confluence by default and nowhere else", async () => {
    expect(sim.dc.baseUrl).toBe(`${sim.url}/confluence`);
    expect((await api(sim, "/confluence/rest/api/space", { auth: basicOf(sim.dc.admin) })).status).toBe(200);
    expect((await api(sim, "/rest/api/space", { auth: basicOf(sim.dc.admin) })).status).toBe(404);
    expect((await api(sim, "/wiki/api/v2/spaces", { auth: basicOf(sim.dc.admin) })).status).toBe(404);
    const page = sim.store.contentList.find((c) => c.type === "page")!;
    const r = await dcGet(sim, `/rest/api/content/${page.id}`);
    expect(r.body._links).toMatchObject({ base: `${sim.url}/confluence`, context: "/confluence", self: `${sim.url}/confluence/rest/api/content/${page.id}` });
  });

  it.each([
    ["/wiki", "/wiki"],
    ["", ""],
  ])("serves it under %j when configured so", async (contextPath, expected) => {
    const other = await startDc({ contextPath }, { pages: 30 });
    try {
      expect(other.dc.baseUrl).toBe(other.url + expected);
      const r = await api(other, `${expected}/rest/api/space?limit=1`, { auth: basicOf(other.dc.admin) });
      expect(r.status).toBe(200);
      expect(r.body._links).toMatchObject({ base: other.url + expected, context: expected, next: "/rest/api/space?limit=1&start=1" });
      if (expected) expect((await api(other, "/confluence/rest/api/space", { auth: basicOf(other.dc.admin) })).status).toBe(404);
    } finally {
      await other.close();
    }
  });
});
