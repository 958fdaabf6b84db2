import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startSimulator, type Simulator } from "../../simulator";
import { createConfluenceClient, type ConfluenceClient } from "./client";
import type { ListPage } from "./parse-response";
import { NotFoundError, SiteUnreachableError, UnauthorizedError } from "./errors";
import { listAllSpaces } from "./list-spaces";
import { ZAttachment, ZBlogPost, ZFolder, ZFooterComment, ZInlineComment, ZLabel, ZPage, ZSpace, ZSpacePermission, ZUsersBulk, type Page } from "./schemas";
import { ZContentRestrictionRead, ZCqlSearchResult, ZGroup } from "./schemas-v1";
import { verifyCredentials } from "./verify-credentials";

// The simulator over real HTTP, with HTTP Basic (email + API token).
let sim: Simulator;
const FAST = { maxRetries: 6, retryBaseMs: 5, maxRetryDelayMs: 50 };

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7, spaces: 5, pages: 300 });
});
afterAll(() => sim.close());
afterEach(async () => {
  await fetch(`${sim.url}/__admin/faults`, { method: "DELETE" });
});

function adminClient(extra: Partial<Parameters<typeof createConfluenceClient>[0]> = {}): ConfluenceClient {
  return createConfluenceClient({
    siteUrl: sim.url,
    trustedOrigins: [sim.url],
    auth: { kind: "basic", email: sim.admin.email, apiToken: sim.admin.apiToken },
    ...FAST,
    ...extra,
  });
}

async function setFaults(faults: Record<string, number>) {
  await fetch(`${sim.url}/__admin/faults`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(faults) });
}

async function allIds(client: ConfluenceClient, path: string, limit: number, cursor?: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of client.paginate(path, { query: { limit }, itemSchema: ZPage, cursor })) ids.push(...page.results.map((p) => p.id));
  return ids;
}

describe("pagination against the simulator", () => {
  it("follows cursors across many pages and yields every page once, in order", async () => {
    const client = adminClient();
    const small = await allIds(client, "/wiki/api/v2/pages", 20);
    const large = await allIds(client, "/wiki/api/v2/pages", 250);
    expect(small.length).toBeGreaterThan(100);
    expect(new Set(small).size).toBe(small.length);
    expect(small).toEqual(large);
    expect(small.map(Number)).toEqual([...small.map(Number)].sort((a, b) => a - b));
    expect(client.stats().byRoute["GET /wiki/api/v2/pages"]).toBe(Math.ceil(small.length / 20) + Math.ceil(small.length / 250));
  });

  it("resumes from a stored cursor without repeating or skipping", async () => {
    const client = adminClient();
    const pages = client.paginate("/wiki/api/v2/pages", { query: { limit: 30 }, itemSchema: ZPage });
    const first = (await pages.next()).value as ListPage<Page>;
    await pages.return(undefined);
    const rest = await allIds(client, "/wiki/api/v2/pages", 30, first.nextCursor!);
    expect([...first.results.map((p) => p.id), ...rest]).toEqual(await allIds(client, "/wiki/api/v2/pages", 250));
  });

  it("follows v1 next links (relative to /wiki) through CQL search", async () => {
    const client = adminClient();
    const ids: string[] = [];
    let pages = 0;
    for await (const page of client.paginate("/wiki/rest/api/search", { query: { cql: "type = page order by id", limit: 50 }, itemSchema: ZCqlSearchResult })) {
      pages++;
      ids.push(...page.results.map((r) => r.content!.id));
    }
    expect(pages).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("lists every space for the setup form", async () => {
    const spaces = await listAllSpaces(adminClient());
    expect(spaces.length).toBe(sim.store.spaces.size);
    expect(spaces[0]).toEqual({ id: expect.any(String), key: expect.any(String), name: expect.any(String), type: expect.any(String) });
  });
});

describe("our schemas parse real simulator responses", () => {
  it("parses every resource the sync reads", async () => {
    const c = adminClient();
    const first = async <S extends z.ZodType>(path: string, itemSchema: S, query: Record<string, string | number> = {}) => {
      const page = (await c.paginate(path, { query: { limit: 5, ...query }, itemSchema }).next()).value!;
      expect(page.results.length, path).toBeGreaterThan(0);
      return page.results;
    };
    const [space] = await first("/wiki/api/v2/spaces", ZSpace);
    const [page] = await first("/wiki/api/v2/pages", ZPage, { "body-format": "storage" });
    expect(page.body?.storage?.value).toContain("<");
    await first("/wiki/api/v2/blogposts", ZBlogPost, { "body-format": "storage" });
    await first(`/wiki/api/v2/spaces/${space.id}/permissions`, ZSpacePermission);
    await first("/wiki/api/v2/footer-comments", ZFooterComment, { "body-format": "storage" });
    const inline = await first("/wiki/api/v2/inline-comments", ZInlineComment, { "body-format": "storage" });
    expect(inline[0].resolutionStatus).toBeTruthy();
    const [attachment] = await first("/wiki/api/v2/attachments", ZAttachment);
    await first("/wiki/api/v2/labels", ZLabel);
    const folder = sim.store.contentList.find((x) => x.type === "folder");
    if (folder) await c.getJson(`/wiki/api/v2/folders/${folder.id}`, { schema: ZFolder });
    const users = await c.postJson("/wiki/api/v2/users-bulk", { body: { accountIds: [sim.admin.accountId] }, schema: ZUsersBulk });
    expect(users.results[0].accountId).toBe(sim.admin.accountId);
    await c.getJson(`/wiki/rest/api/content/${page.id}/restriction/byOperation/read`, { schema: ZContentRestrictionRead });
    await first("/wiki/rest/api/group", ZGroup);
    await first("/wiki/rest/api/search", ZCqlSearchResult, { cql: "type = page", expand: "content.version,content.space" });

    const response = await c.download(attachment.downloadLink!);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(bytes.length).toBe(attachment.fileSize);
    expect(response.headers.get("content-type")).toContain(attachment.mediaType);
  });
});

describe("errors from the simulator", () => {
  it("a wrong API token is UnauthorizedError, and verifyCredentials says so plainly", async () => {
    const client = createConfluenceClient({
      siteUrl: sim.url,
      trustedOrigins: [sim.url],
      auth: { kind: "basic", email: sim.admin.email, apiToken: "wrong" },
      ...FAST,
    });
    const error = await verifyCredentials(client).catch((e) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(error.message).toBe("Confluence rejected the email or API token.");
    expect(client.stats().requests).toBe(1);
  });

  it("verifyCredentials resolves for good credentials", async () => {
    await expect(verifyCredentials(adminClient())).resolves.toBeUndefined();
  });

  it("verifyCredentials reports a host that does not answer", async () => {
    const closed = await startSimulator({ port: 0, pages: 10, spaces: 1 });
    await closed.close();
    const client = createConfluenceClient({
      siteUrl: closed.url,
      trustedOrigins: [closed.url],
      auth: { kind: "basic", email: "a@b.c", apiToken: "t" },
      retryBaseMs: 5,
    });
    const error = await verifyCredentials(client).catch((e) => e);
    expect(error).toBeInstanceOf(SiteUnreachableError);
    expect(error.message).toBe(`The site did not answer: ${new URL(closed.url).host}`);
  });

  it("a missing page is NotFoundError", async () => {
    await expect(adminClient().getJson("/wiki/api/v2/pages/999999999", { schema: ZPage })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("simulated faults", () => {
  it("retries injected 5xx and still returns every page", async () => {
    const client = adminClient();
    const expected = await allIds(client, "/wiki/api/v2/pages", 25);
    await setFaults({ rate5xx: 0.3 });
    const got = await allIds(client, "/wiki/api/v2/pages", 25);
    expect(got).toEqual(expected);
    expect(client.stats().retries).toBeGreaterThan(0);
  });

  it("survives injected 429s with Retry-After by pausing the connector", async () => {
    await setFaults({ rate429: 0.1, retryAfterSeconds: 1 });
    const client = adminClient();
    const results = await Promise.all(
      Array.from({ length: 16 }, () => client.getJson("/wiki/api/v2/spaces", { query: { limit: 1 }, schema: z.object({ results: z.array(ZSpace) }) })),
    );
    expect(results).toHaveLength(16);
    const stats = client.stats();
    expect(stats.rateLimited).toBeGreaterThan(0);
    expect(stats.throttledMs).toBeGreaterThanOrEqual(900);
    expect(stats.concurrency).toBeLessThan(8);
  });
});
