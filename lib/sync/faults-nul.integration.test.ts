import { describe, expect, it } from "vitest";
import type { Simulator } from "../../simulator";
import { simAdmin, useSyncTestSite } from "../../test/simulator";
import { configuredConnector, driveRun } from "../../test/sync-fixtures";
import { db } from "../db";
import { requestSync } from ".";

// Issue 13 item 6: one U+0000 in a body, a title or a file's text once failed every indexing
// batch of its connector, because PostgreSQL refuses NUL in text.
let sim: Simulator;
useSyncTestSite({ seed: 41, spaces: 1, pages: 6 }, (started) => (sim = started));
const admin = (path: string, method: string, body?: unknown) => simAdmin(sim, path, method, body);

describe("NUL characters in what Confluence sends", () => {
  it("are dropped from bodies, titles and file text; every record is stored and indexed", async () => {
    const spaceKey = [...sim.store.spaces.values()][0]!.key;
    const created = await (await admin("/pages", "POST", { spaceKey, title: "Null\u0000title", body: "<p>zebra\u0000crossing quietly</p>" })).json();
    const pageId = String(created.id);
    const utf8Tail = Buffer.concat([Buffer.from("a".repeat(70 * 1024) + " "), Buffer.from("walrus\u0000tusk", "utf8")]);
    await admin(`/pages/${pageId}/attachments`, "POST", { fileName: "late-nul.txt", mediaType: "text/plain", contentBase64: utf8Tail.toString("base64") });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("narwhal\u0000horn", "utf16le")]);
    await admin(`/pages/${pageId}/attachments`, "POST", { fileName: "wide.txt", mediaType: "text/plain", contentBase64: utf16.toString("base64") });

    const connectorId = await configuredConnector(sim);
    const { run } = await requestSync(connectorId, { kind: "full", trigger: "test" });
    await driveRun(run.id);
    const finished = await db().syncRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(finished.error).toBeNull();
    expect(finished.status).toBe("completed");

    const page = await db().contentItem.findFirstOrThrow({ where: { connectorId, confluenceId: pageId } });
    expect(page.title).toBe("Nulltitle");
    expect(page.indexStatus).toBe("indexed");
    expect(page.markdown).toContain("zebracrossing quietly");
    const files = await db().contentItem.findMany({ where: { connectorId, type: "attachment", parentId: pageId }, orderBy: { title: "asc" } });
    expect(files.map((f) => [f.title, f.indexStatus])).toEqual([
      ["late-nul.txt", "indexed"],
      ["wide.txt", "indexed"],
    ]);
    expect(files[0]!.markdown).toContain("walrustusk");
    expect(files[1]!.markdown).toContain("narwhalhorn");
    // Nothing of the site was held back by the bad record.
    expect(await db().contentItem.count({ where: { connectorId, indexStatus: { not: "indexed" }, type: { in: ["page", "blogpost"] } } })).toBe(0);
  });
});
