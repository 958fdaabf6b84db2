import { describe, expect, it } from "vitest";
import { renderContentBody } from "./bodies";
import { generateSite } from "./generate";

describe("deterministic site generator", () => {
  it("the same seed gives the same site and bodies; another seed differs", () => {
    const a = generateSite({ seed: 1, spaces: 4, pages: 200 });
    const b = generateSite({ seed: 1, spaces: 4, pages: 200 });
    const c = generateSite({ seed: 2, spaces: 4, pages: 200 });
    const sig = (s: typeof a) => s.contentList.map((x) => `${x.id}:${x.title}:${x.parentId}:${x.version}:${x.modifiedAt}`).join("|");
    expect(sig(a)).toBe(sig(b));
    expect(sig(a)).not.toBe(sig(c));
    const page = a.contentList.find((x) => x.type === "page" && x.version > 1)!;
    expect(renderContentBody(a, page, page.version)).toBe(renderContentBody(b, b.contents.get(page.id)!, page.version));
    expect(renderContentBody(a, page, 1)).not.toBe(renderContentBody(a, page, page.version));
  });

  it("produces everything the connector reads: global and personal spaces, deep trees, folders, blog posts, comments, attachments, labels, hidden emails, restrictions", () => {
    const s = generateSite({ seed: 42, spaces: 5, pages: 1000 });
    const spaces = [...s.spaces.values()];
    expect(spaces.some((x) => x.type === "personal")).toBe(true);
    expect(spaces.some((x) => x.type === "global")).toBe(true);
    expect(s.contentList.filter((c) => c.type === "page").length).toBeGreaterThan(900);
    expect(Math.max(...s.contentList.map((c) => s.ancestors(c).length))).toBeGreaterThanOrEqual(4);
    expect(s.contentList.some((c) => c.type === "folder")).toBe(true);
    expect(s.contentList.some((c) => c.type === "blogpost")).toBe(true);
    expect(s.commentList.some((c) => c.kind === "inline")).toBe(true);
    expect(s.commentList.some((c) => c.parentCommentId !== null)).toBe(true);
    expect(new Set(s.attachmentList.map((a) => a.kind))).toEqual(new Set(["pdf", "docx", "xlsx", "png", "txt", "csv", "md"]));
    expect(s.contentList.some((c) => c.labels.length > 0)).toBe(true);
    expect([...s.users.values()].some((u) => !u.emailVisible)).toBe(true);
    expect(s.contentList.some((c) => c.readRestriction)).toBe(true);
    const inherited = s.contentList.filter((c) => !c.readRestriction && s.ancestors(c).some((a) => a.readRestriction));
    expect(inherited.length).toBeGreaterThan(0);
    expect(new Set(s.contentList.map((c) => c.lang)).size).toBeGreaterThan(1);
    expect(spaces.some((x) => x.permissions.some((p) => p.principalType === "anonymous"))).toBe(true);
    const titles = new Set<string>();
    for (const c of s.contentList)
      if (c.type !== "folder") {
        const key = `${c.spaceId}:${c.title}`;
        expect(titles.has(key)).toBe(false);
        titles.add(key);
      }
  });

  // How fast: `npm run bench:sim` (speed targets live in benchmarks, not in tests).
  it("generates a 100,000-page site", () => {
    const s = generateSite({ seed: 42, spaces: 20, pages: 100_000 });
    expect(s.contentList.filter((c) => c.type !== "blogpost").length).toBe(100_000);
  });
});
