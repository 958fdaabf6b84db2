import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "../../index";
import { api, startSmall } from "../../test/helpers";
import { validateResponse } from "../../test/openapi";
import { v2Routes } from "./index";

/** Every v2 route the simulator serves answers per Atlassian's OpenAPI file (status, schema, Link header). */
let sim: Simulator;
const exercised = new Set<string>();

beforeAll(async () => {
  sim = await startSmall();
});
afterAll(() => sim.close());

function ids() {
  const s = sim.store;
  const page = s.contentList.find(
    (c) => c.type === "page" && c.status === "current" && (s.commentsByContainer.get(c.id) ?? []).some((x) => x.kind === "inline") && c.parentId !== null,
  )!;
  const withAtt = s.contentList.find((c) => c.type === "page" && c.status === "current" && (s.attachmentsByContainer.get(c.id)?.length ?? 0) > 0)!;
  const blog = s.contentList.find((c) => c.type === "blogpost" && c.status === "current" && (s.commentsByContainer.get(c.id)?.length ?? 0) > 0)!;
  const folder = s.contentList.find((c) => c.type === "folder")!;
  const footer = s.commentList.find((c) => c.kind === "footer" && c.parentCommentId === null)!;
  const inline = s.commentList.find((c) => c.kind === "inline")!;
  const space = [...s.spaces.values()][0];
  const att = s.attachmentList[0];
  const labelled = s.contentList.find((c) => c.type === "page" && c.labels.length > 0)!;
  const labelledBlog = s.contentList.find((c) => c.type === "blogpost" && c.status === "current" && c.labels.length > 0);
  return {
    page,
    withAtt,
    blog,
    folder,
    footer,
    inline,
    space,
    att,
    labelled,
    pageLabel: labelled.labels[0]!,
    blogLabel: labelledBlog?.labels[0] ?? labelled.labels[0]!,
  };
}

async function check(method: string, path: string, init: RequestInit = {}, expectStatus = 200) {
  const r = await api(sim, path, { method, ...init });
  const v = validateResponse(method, path, r.status, r.body, r.headers.get("link"));
  expect(v.errors, `${method} ${path}`).toEqual([]);
  expect(r.status, `${method} ${path}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(expectStatus);
  return r;
}

describe("REST API v2 contract", () => {
  it("every served v2 route validates against the OpenAPI description", async () => {
    const i = ids();
    const V = "/wiki/api/v2";
    const requests: [string, string, RequestInit?][] = [
      ["GET", `${V}/spaces?limit=2`],
      ["GET", `${V}/spaces?keys=${i.space.key}&sort=-name&description-format=plain`],
      ["GET", `${V}/spaces/${i.space.id}`],
      ["GET", `${V}/spaces/${i.space.id}/permissions?limit=3`],
      ["GET", `${V}/spaces/${i.space.id}/role-assignments`],
      ["GET", `${V}/space-roles?limit=2`],
      ["GET", `${V}/pages?limit=3&body-format=storage&sort=-modified-date`],
      ["GET", `${V}/pages/${i.page.id}?body-format=storage`],
      ["GET", `${V}/pages/${i.page.id}?version=1&body-format=atlas_doc_format`],
      ["GET", `${V}/pages/${i.labelled.id}?include-labels=true&body-format=view`],
      ["GET", `${V}/spaces/${i.space.id}/pages?limit=5&depth=root`],
      ["GET", `${V}/blogposts?limit=2&body-format=storage`],
      ["GET", `${V}/blogposts/${i.blog.id}`],
      ["GET", `${V}/spaces/${i.blog.spaceId}/blogposts?limit=2`],
      ["GET", `${V}/pages/${i.page.id}/ancestors`],
      ["GET", `${V}/folders/${i.folder.id}/ancestors`],
      ["GET", `${V}/folders/${i.folder.id}`],
      ["GET", `${V}/pages/${i.page.id}/versions`],
      ["GET", `${V}/blogposts/${i.blog.id}/versions`],
      ["GET", `${V}/pages/${i.space.homepageId}/children?limit=3`],
      ["GET", `${V}/footer-comments?limit=3&body-format=storage`],
      ["GET", `${V}/inline-comments?limit=3&body-format=storage`],
      ["GET", `${V}/pages/${i.page.id}/footer-comments?body-format=storage`],
      ["GET", `${V}/pages/${i.page.id}/inline-comments?body-format=storage`],
      ["GET", `${V}/blogposts/${i.blog.id}/footer-comments`],
      ["GET", `${V}/blogposts/${i.blog.id}/inline-comments`],
      ["GET", `${V}/footer-comments/${i.footer.id}?body-format=storage`],
      ["GET", `${V}/inline-comments/${i.inline.id}?body-format=storage`],
      ["GET", `${V}/footer-comments/${i.footer.id}/children`],
      ["GET", `${V}/inline-comments/${i.inline.id}/children`],
      ["GET", `${V}/attachments?limit=2`],
      ["GET", `${V}/attachments/att${i.att.id}`],
      ["GET", `${V}/pages/${i.withAtt.id}/attachments`],
      ["GET", `${V}/blogposts/${i.blog.id}/attachments`],
      ["GET", `${V}/pages/${i.labelled.id}/labels`],
      ["GET", `${V}/blogposts/${i.blog.id}/labels`],
      ["GET", `${V}/labels?limit=5`],
      ["GET", `${V}/labels/${i.pageLabel}/pages?limit=2&body-format=storage&sort=-modified-date`],
      ["GET", `${V}/labels/${i.blogLabel}/blogposts?limit=2&space-id=${i.space.id},${i.blog.spaceId}`],
      ["POST", `${V}/users-bulk`, { body: JSON.stringify({ accountIds: [sim.admin.accountId, [...sim.store.users.keys()][3]] }) }],
    ];
    for (const [method, path, init] of requests) {
      const r = await check(method, path, init);
      const route = v2Routes.find((d) => d.method === method && new RegExp("^" + d.pattern.replace(/\{[^}]+\}/g, "[^/]+") + "$").test(path.split("?")[0]));
      if (route) exercised.add(`${route.method} ${route.pattern}`);
      if (r.headers.get("link")) expect(r.body._links.next).toBeTruthy();
    }
    const missing = v2Routes.map((d) => `${d.method} ${d.pattern}`).filter((k) => !exercised.has(k));
    expect(missing).toEqual([]);
  });

  it("limit outside 1..250 is a documented 400 with an errors body", async () => {
    for (const limit of ["0", "251", "abc"]) {
      const r = await check("GET", `/wiki/api/v2/pages?limit=${limit}`, {}, 400);
      expect(r.body.errors[0].status).toBe(400);
    }
    await check("GET", "/wiki/api/v2/pages?limit=250", {}, 200);
  });

  it("an unknown id is a documented 404 and a bad sort a 400", async () => {
    await check("GET", "/wiki/api/v2/pages/999999999", {}, 404);
    await check("GET", "/wiki/api/v2/spaces/999999999", {}, 404);
    await check("GET", "/wiki/api/v2/pages?sort=banana", {}, 400);
    await check("GET", "/wiki/api/v2/attachments/att999999999", {}, 404);
    await check("GET", "/wiki/api/v2/labels/999999999/pages", {}, 404);
  });

  it("a wrong email:token pair is a documented 401", async () => {
    const r = await api(sim, "/wiki/api/v2/pages", { auth: "Basic " + Buffer.from(`${sim.admin.email}:nope`).toString("base64") });
    expect(r.status).toBe(401);
    expect(validateResponse("GET", "/wiki/api/v2/pages", r.status, r.body, null).errors).toEqual([]);
  });

  it("the storage body uses the macros real sites use", async () => {
    const i = ids();
    const r = await api(sim, `/wiki/api/v2/pages/${i.withAtt.id}?body-format=storage`);
    const v: string = r.body.body.storage.value;
    for (const needle of [
      'ac:name="code"',
      "<![CDATA[",
      'ac:name="expand"',
      'ac:name="status"',
      "<ac:task-list>",
      "<table>",
      "<ri:user ri:account-id=",
      "<ri:page ri:content-title=",
      'ac:name="jira"',
      'ac:name="excerpt"',
      'ac:name="anchor"',
      "<ac:emoticon",
      "<ri:attachment ri:filename=",
    ])
      expect(v, needle).toContain(needle);
    expect(v).toMatch(/ac:name="(info|note|tip|warning)"/);
  });

  it("responses through the OAuth gateway validate too, with the same relative Link header", async () => {
    const scopes = ["read:page:confluence", "read:space:confluence", "read:attachment:confluence", "read:comment:confluence", "read:blogpost:confluence"];
    const t = sim.issueTokens({ scopes });
    for (const p of [
      "/wiki/api/v2/pages?limit=5",
      "/wiki/api/v2/spaces?limit=1",
      "/wiki/api/v2/attachments?limit=2",
      "/wiki/api/v2/footer-comments?limit=2",
      "/wiki/api/v2/blogposts?limit=2",
    ]) {
      const r = await api(sim, `${sim.apiUrl}/ex/confluence/${sim.cloudId}${p}`, { auth: `Bearer ${t.access_token}` });
      expect(r.status, p).toBe(200);
      expect(validateResponse("GET", p, r.status, r.body, r.headers.get("link")).errors, p).toEqual([]);
      expect(r.headers.get("link")).toMatch(/^<\/wiki\/api\/v2\//);
    }
  });
});
