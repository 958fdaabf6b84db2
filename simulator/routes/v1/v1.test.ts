import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../index";
import { api, basic } from "../../test/helpers";
import { startSmall } from "../../test/helpers";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSmall({ pages: 400 });
});
afterAll(() => sim.close());

const q = (cql: string, extra = "") => `/wiki/rest/api/search?cql=${encodeURIComponent(cql)}${extra}`;
const visiblePages = () => sim.store.contentList.filter((c) => c.type === "page" && c.status === "current");

describe("CQL search", () => {
  it("filters by type and space, and by space in (...)", async () => {
    const [a, b] = [...sim.store.spaces.values()];
    const r = await api(sim, q(`type = page and space = "${a.key}"`, "&limit=250"));
    expect(r.status).toBe(200);
    expect(r.body.totalSize).toBe(visiblePages().filter((c) => c.spaceId === a.id).length);
    const both = await api(sim, q(`type = page and space in ("${a.key}", "${b.key}")`, "&limit=1"));
    expect(both.body.totalSize).toBe(visiblePages().filter((c) => c.spaceId === a.id || c.spaceId === b.id).length);
    expect(both.body._links.next).toMatch(/^\/rest\/api\/search\?/);
  });

  it("filters by lastModified and created ranges and orders by lastmodified", async () => {
    const pivot = "2024-06-01";
    const t = Date.UTC(2024, 5, 1);
    const r = await api(sim, q(`type = page and lastModified > "${pivot}" order by lastmodified desc`, "&limit=250"));
    expect(r.body.totalSize).toBe(visiblePages().filter((c) => c.modifiedAt > t).length);
    const times = r.body.results.map((x: { lastModified: string }) => Date.parse(x.lastModified));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const c = await api(sim, q(`type = page and created < "${pivot}"`, "&limit=1"));
    expect(c.body.totalSize).toBe(visiblePages().filter((x) => x.createdAt < t).length);
  });

  it("searches the content statuses named in cqlcontext (current only by default)", async () => {
    const archived = sim.store.contentList.filter((c) => c.type === "page" && c.status === "archived");
    expect(archived.length).toBeGreaterThan(0);
    const plain = await api(sim, q("type = page", "&limit=1"));
    expect(plain.body.totalSize).toBe(visiblePages().length);
    const context = encodeURIComponent(JSON.stringify({ contentStatuses: ["current", "archived"] }));
    const both = await api(sim, q("type = page", `&limit=1&cqlcontext=${context}`));
    expect(both.body.totalSize).toBe(visiblePages().length + archived.length);
    expect((await api(sim, q("type = page", "&cqlcontext=nope"))).status).toBe(400);
  });

  it("does not find content changed within the search lag, as Confluence's index catches up later", async () => {
    const page = visiblePages()[7]!;
    const cql = q(`id = ${page.id}`);
    expect((await api(sim, cql)).body.totalSize).toBe(1);
    sim.state.limits.faults.searchLagMs = 60_000;
    try {
      page.modifiedAt = Date.now();
      expect((await api(sim, cql)).body.totalSize).toBe(0);
      expect((await api(sim, `/wiki/api/v2/pages?id=${page.id}`)).body.results).toHaveLength(1);
    } finally {
      sim.state.limits.faults.searchLagMs = 0;
    }
    expect((await api(sim, cql)).body.totalSize).toBe(1);
  });

  it("gives a version's own time as version.when, not the time of a later move", async () => {
    const page = visiblePages()[5]!;
    const before = await api(sim, `/wiki/rest/api/content/${page.id}?expand=version`);
    page.modifiedAt += 60_000;
    page.versionTimes = new Map([[page.version, page.modifiedAt - 60_000]]);
    const after = await api(sim, `/wiki/rest/api/content/${page.id}?expand=version`);
    expect(after.body.version.when).toBe(before.body.version.when);
  });

  it("filters by ancestor and id in (...), and follows next links to the end", async () => {
    const home = [...sim.store.spaces.values()][0].homepageId!;
    const r = await api(sim, q(`ancestor = ${home} and type = page`, "&limit=250"));
    const expected = visiblePages().filter((c) => sim.store.ancestors(c).some((a) => a.id === home));
    expect(r.body.totalSize).toBe(expected.length);
    const ids = expected.slice(0, 3).map((c) => c.id);
    const byId = await api(
      sim,
      `/wiki/rest/api/content/search?cql=${encodeURIComponent(`id in (${ids.join(",")})`)}&expand=space,version,ancestors,body.storage`,
    );
    expect(byId.body.results.map((x: { id: string }) => Number(x.id)).sort()).toEqual(ids.sort());
    expect(byId.body.results[0].space.key).toBeTruthy();
    expect(byId.body.results[0].body.storage.value).toContain("<");
    let next: string | undefined = q("type = page order by lastmodified", "&limit=50");
    const seen: string[] = [];
    while (next) {
      const page = await api(sim, next.startsWith("/rest") ? `/wiki${next}` : next);
      seen.push(...page.body.results.map((x: { content: { id: string } }) => x.content.id));
      next = page.body._links.next;
    }
    expect(new Set(seen).size).toBe(visiblePages().length);
  });

  it("finds attachments and comments by type, ancestor and lastModified, with their container", async () => {
    const s = sim.store;
    const readable = (id: number) => s.contents.get(id)!.status === "current";
    const atts = await api(sim, q("type = attachment", "&limit=250"));
    expect(atts.body.totalSize).toBe(s.attachmentList.filter((a) => a.status === "current" && readable(a.containerId)).length);
    expect(atts.body.results[0].content.id).toMatch(/^att\d+$/);
    expect(atts.body.results[0].content.container.id).toBeTruthy();
    const page = s.contentList.find((c) => c.status === "current" && (s.commentsByContainer.get(c.id)?.length ?? 0) > 0)!;
    const comments = await api(sim, q(`type = comment and ancestor = ${page.id}`, "&limit=250"));
    const under = s.commentList.filter((m) => {
      const c = s.contents.get(m.containerId)!;
      return c.status === "current" && (c.id === page.id || s.ancestors(c).some((a) => a.id === page.id));
    });
    expect(comments.body.results.map((r: { content: { id: string } }) => r.content.id).sort()).toEqual(under.map((c) => String(c.id)).sort());
    const mixed = await api(
      sim,
      `/wiki/rest/api/content/search?cql=${encodeURIComponent('type in (page, blogpost, attachment, comment) and lastModified >= "2020-01-01"')}&limit=250`,
    );
    expect(new Set(mixed.body.results.map((r: { type: string }) => r.type)).size).toBeGreaterThanOrEqual(3);
  });

  it("rejects unparseable CQL with 400", async () => {
    expect((await api(sim, q("type = = page"))).status).toBe(400);
  });
});

describe("groups, users and email", () => {
  it("lists groups and their members", async () => {
    const groups = await api(sim, "/wiki/rest/api/group");
    expect(groups.body.results.length).toBe(sim.store.groups.size);
    const g = [...sim.store.groups.values()][0];
    const members = await api(sim, `/wiki/rest/api/group/${g.id}/membersByGroupId`);
    expect(members.body.results.map((u: { accountId: string }) => u.accountId).sort()).toEqual([...g.members].sort());
    const byName = await api(sim, `/wiki/rest/api/group/member?name=${g.name}`);
    expect(byName.body.size).toBe(Math.min(200, g.members.size));
  });

  it("user email lookup honours users who hide their email", async () => {
    const users = [...sim.store.users.values()];
    const visible = users.find((u) => u.emailVisible && !u.isAdmin)!;
    const hidden = users.find((u) => !u.emailVisible)!;
    const ok = await api(sim, `/wiki/rest/api/user/email?accountId=${encodeURIComponent(visible.accountId)}`);
    expect(ok.body).toEqual({ accountId: visible.accountId, email: visible.email });
    const no = await api(sim, `/wiki/rest/api/user/email?accountId=${encodeURIComponent(hidden.accountId)}`);
    expect(no.status).toBe(404);
    const bulk = await api(sim, "/wiki/api/v2/users-bulk", { method: "POST", body: JSON.stringify({ accountIds: [hidden.accountId] }) });
    expect(bulk.body.results[0].email).toBe("");
  });
});

describe("attachment download", () => {
  it("serves real bytes with the right content type and length, and 404 to users who cannot see the page", async () => {
    const docx = sim.store.attachmentList.find((a) => a.kind === "docx")!;
    const meta = await api(sim, `/wiki/api/v2/attachments/att${docx.id}`);
    const res = await fetch(`${sim.url}/wiki${meta.body.downloadLink}`, { headers: { authorization: basic(sim.admin.email, sim.admin.apiToken) } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(docx.mediaType);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(meta.body.fileSize);
    expect(strFromU8(unzipSync(bytes)["word/document.xml"])).toContain(docx.fileName);
    const pdf = sim.store.attachmentList.find((a) => a.kind === "pdf")!;
    const pdfRes = await fetch(`${sim.url}/wiki/download/attachments/${pdf.containerId}/${pdf.fileName}`, {
      headers: { authorization: basic(sim.admin.email, sim.admin.apiToken) },
    });
    expect(
      Buffer.from(await pdfRes.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const anon = await fetch(`${sim.url}/wiki${meta.body.downloadLink}`);
    const space = sim.store.spaces.get(sim.store.contents.get(docx.containerId)!.spaceId)!;
    const anonAllowed = space.permissions.some((p) => p.principalType === "anonymous");
    expect(anon.status).toBe(anonAllowed ? 200 : 404);
  });
});
