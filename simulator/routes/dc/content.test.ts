import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Access } from "../../store/access";
import { admin, api } from "../../test/helpers";
import { basicOf, dcGet, startDc, walkOffset } from "../../test/dc";

let sim: Awaited<ReturnType<typeof startDc>>;
beforeAll(async () => {
  sim = await startDc({}, { pages: 300 });
});
afterAll(() => sim.close());

const s = () => sim.store;

describe("Data Center content", () => {
  it("returns a page with body, version, history, ancestors, space and labels expanded, mentions by user key", async () => {
    const page = s().contentList.find((c) => c.type === "page" && c.status === "current" && c.labels.length > 0 && s().ancestors(c).length > 1)!;
    const r = await dcGet(sim, `/rest/api/content/${page.id}?expand=body.storage,version,history,ancestors,space,metadata.labels`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: String(page.id),
      type: "page",
      status: "current",
      title: page.title,
      space: { key: s().spaces.get(page.spaceId)!.key },
    });
    expect(r.body.version).toMatchObject({ number: page.version, by: { type: "known", userKey: expect.stringMatching(/^[0-9a-f]{32}$/) } });
    expect(r.body.history.createdBy.username).toBeTruthy();
    expect(r.body.metadata.labels.results.map((l: { name: string }) => l.name).sort()).toEqual(page.labels.map((id) => s().labels.get(id)!.name).sort());
    expect(r.body.body.storage.value).not.toContain("ri:account-id");
    expect(r.body.ancestors.map((a: { id: string }) => a.id)).toEqual(
      s()
        .ancestors(page)
        .filter((a) => a.type !== "folder")
        .map((a) => String(a.id)),
    );
    const view = await dcGet(sim, `/rest/api/content/${page.id}?expand=body.view`);
    expect(view.body.body.view.representation).toBe("view");
    expect(view.body.body.storage).toBeUndefined();
    const labels = await dcGet(sim, `/rest/api/content/${page.id}/label`);
    expect(labels.body.size).toBe(page.labels.length);
  });

  it("has no folders: a page below a folder lists the folder's nearest page as its last ancestor and as its parent's child", async () => {
    const folder = s().contentList.find(
      (c) => c.type === "folder" && s().contentList.some((k) => k.parentId === c.id && k.type === "page" && k.status === "current"),
    )!;
    const child = s().contentList.find((k) => k.parentId === folder.id && k.type === "page" && k.status === "current")!;
    const r = await dcGet(sim, `/rest/api/content/${child.id}?expand=ancestors`);
    const ids = r.body.ancestors.map((a: { id: string }) => a.id);
    expect(ids).not.toContain(String(folder.id));
    expect(ids[ids.length - 1]).toBe(String(folder.parentId));
    const siblings = await walkOffset(sim, `/rest/api/content/${folder.parentId}/child/page?limit=100`);
    expect(siblings.ids).toContain(String(child.id));
    expect((await dcGet(sim, `/rest/api/content/${folder.id}`)).status).toBe(404);
  });

  it("lists footer and inline comments: top level by default, replies with depth=all, inline properties and resolution when expanded", async () => {
    const page = s().contentList.find((c) => {
      const list = s().commentsByContainer.get(c.id) ?? [];
      return c.status === "current" && list.some((m) => m.parentCommentId !== null) && list.some((m) => m.kind === "inline");
    });
    const withReplies = page ?? s().contentList.find((c) => (s().commentsByContainer.get(c.id) ?? []).some((m) => m.parentCommentId !== null))!;
    const all = s().commentsByContainer.get(withReplies.id)!;
    const top = await dcGet(sim, `/rest/api/content/${withReplies.id}/child/comment?limit=100`);
    expect(top.body.size).toBe(all.filter((m) => m.parentCommentId === null).length);
    const deep = await dcGet(
      sim,
      `/rest/api/content/${withReplies.id}/child/comment?depth=all&limit=100&expand=body.storage,version,ancestors,extensions.inlineProperties,extensions.resolution`,
    );
    expect(deep.body.size).toBe(all.length);
    const reply = deep.body.results.find((x: { id: string }) => s().comments.get(Number(x.id))!.parentCommentId !== null);
    expect(reply.ancestors.length).toBeGreaterThan(0);
    expect(reply.body.storage.representation).toBe("storage");
    const inlinePage = s().contentList.find((c) => c.status === "current" && (s().commentsByContainer.get(c.id) ?? []).some((m) => m.kind === "inline"))!;
    const inline = await dcGet(
      sim,
      `/rest/api/content/${inlinePage.id}/child/comment?location=inline&expand=extensions.inlineProperties,extensions.resolution`,
    );
    expect(inline.body.size).toBeGreaterThan(0);
    expect(inline.body.results[0].extensions).toMatchObject({
      location: "inline",
      inlineProperties: { originalSelection: expect.any(String) },
      resolution: { status: expect.stringMatching(/open|resolved/) },
    });
  });

  it("lists attachments and serves their real bytes from /download/attachments with type and length, 404 to users who may not see the page", async () => {
    const a = s().attachmentList.find(
      (x) => x.kind === "pdf" && s().contents.get(x.containerId)!.readRestriction === null && s().contents.get(x.containerId)!.status === "current",
    )!;
    const list = await dcGet(sim, `/rest/api/content/${a.containerId}/child/attachment?expand=version,container`);
    const item = list.body.results.find((x: { id: string }) => x.id === `att${a.id}`);
    expect(item).toMatchObject({
      type: "attachment",
      title: a.fileName,
      metadata: { mediaType: "application/pdf" },
      extensions: { fileSize: expect.any(Number) },
    });
    const res = await fetch(`${sim.dc.baseUrl}${item._links.download}`, { headers: { authorization: basicOf(sim.dc.admin) } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    expect(Number(res.headers.get("content-length"))).toBe(item.extensions.fileSize);
    const user = s().users.get((await admin(sim, "GET", "/dc")).body.users.find((u: { username: string }) => u.username === sim.dc.user.username).accountId)!;
    const hidden = s().attachmentList.find(
      (x) => x.status === "current" && s().contents.get(x.containerId)!.status === "current" && !new Access(s(), user).canReadContainer(x.containerId),
    )!;
    const denied = await api(sim, `${sim.dc.baseUrl}/download/attachments/${hidden.containerId}/${encodeURIComponent(hidden.fileName)}`, {
      auth: basicOf(sim.dc.user),
    });
    expect(denied.status).toBe(404);
    const allowed = await api(sim, `${sim.dc.baseUrl}/download/attachments/${hidden.containerId}/${encodeURIComponent(hidden.fileName)}`, {
      auth: basicOf(sim.dc.admin),
    });
    expect(allowed.status).toBe(200);
  });

  it("shows edits, trash and purges made through the admin API", async () => {
    const space = [...s().spaces.values()][0];
    const created = await admin(sim, "POST", "/pages", { spaceKey: space.key, title: "DC edit target", body: "<p>one</p>" });
    const id = created.body.id;
    await admin(sim, "PUT", `/pages/${id}`, { body: "<p>two</p>", message: "second" });
    const r = await dcGet(sim, `/rest/api/content/${id}?expand=body.storage,version`);
    expect(r.body.version).toMatchObject({ number: 2, message: "second" });
    expect(r.body.body.storage.value).toBe("<p>two</p>");
    const old = await dcGet(sim, `/rest/api/content/${id}?status=historical&version=1&expand=body.storage`);
    expect(old.body.body.storage.value).toBe("<p>one</p>");
    await admin(sim, "POST", `/pages/${id}/trash`);
    expect((await dcGet(sim, `/rest/api/content/${id}`)).status).toBe(404);
    expect((await dcGet(sim, `/rest/api/content/${id}?status=trashed`)).body.status).toBe("trashed");
    await admin(sim, "DELETE", `/pages/${id}`);
    expect((await dcGet(sim, `/rest/api/content/${id}?status=any`)).status).toBe(404);
  });
});
