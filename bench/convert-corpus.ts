import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chunkDocument, renderDocument, storageToMarkdown, type ConvertContext } from "../lib/indexing/markdown";

/** The golden corpus (lib/indexing/markdown/golden/*.xhtml): the storage documents bench:convert and bench:sync convert. */
export function goldenCorpus(): { name: string; storage: string }[] {
  const goldenDir = fileURLToPath(new URL("../lib/indexing/markdown/golden/", import.meta.url));
  return fs
    .readdirSync(goldenDir)
    .filter((f) => f.endsWith(".xhtml"))
    .sort()
    .map((f) => ({ name: path.basename(f, ".xhtml"), storage: fs.readFileSync(path.join(goldenDir, f), "utf8") }));
}

const users = new Map([["557058:ed411968-2fa7-4d57-09f7-ed608f0f53eb", "Jonas Kowalski"]]);
const ctx: ConvertContext = { siteUrl: "https://acme.atlassian.net", spaceKey: "ENG", contentId: "1001", userName: (id) => users.get(id) };
const breadcrumb = ["Engineering", "Runbooks"];

/** What indexing does per document: convert, render, chunk. Returns the number of chunks. */
export function processDocument(name: string, storage: string): number {
  const body = storageToMarkdown(storage, ctx);
  const markdown = renderDocument({ title: name, type: "page", breadcrumb }, body);
  return chunkDocument({ title: name, breadcrumb, markdown }).length;
}

/** CPU seconds a function used in this process (all its threads). */
export async function cpuSecondsOf(work: () => unknown): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}
