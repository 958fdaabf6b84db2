/**
 * The peer in `npm run bench:peers`: LangChain.js's ConfluencePagesLoader against a Data Center
 * simulator. The loader reads one space per instance (`/rest/api/content?spaceKey=..&limit=..
 * &start=..&expand=body.storage,version`, sequential, no concurrency of its own), so it runs
 * once per space in turn, as a user would, and the counts are summed.
 */
import { ConfluencePagesLoader } from "@langchain/community/document_loaders/web/confluence";
import type { Simulator } from "../simulator";
import { readSimStats, resetSimStats, type SimStats } from "./harness";

/** The most Data Center returns per request with a body expanded (it caps `limit` silently); the loader's default is 25. */
export const LANGCHAIN_PAGE_LIMIT = 50;

export interface LangChainResult {
  stats: SimStats;
  seconds: number;
  spaces: number;
  documents: number;
  /** Ids of the pages whose document has text. */
  pagesWithBodies: Set<string>;
  /** Display names of last editors (metadata.updated_by): the only people the loader learns of. */
  editorNames: Set<string>;
}

async function currentSpaceKeys(sim: Simulator): Promise<string[]> {
  const dc = sim.dc!;
  const keys: string[] = [];
  for (let start = 0; ;) {
    const res = await fetch(`${dc.baseUrl}/rest/api/space?status=current&limit=500&start=${start}`, {
      headers: { authorization: `Bearer ${dc.admin.pat}`, accept: "application/json" },
    });
    if (!res.ok) throw new Error(`listing spaces for the loader failed: ${res.status}`);
    const page = (await res.json()) as { size: number; results: { key: string }[] };
    keys.push(...page.results.map((s) => s.key));
    if (page.size === 0) return keys;
    start += page.size;
  }
}

/** Runs the loader over every current space, with the admin's personal access token (sent as Bearer). */
export async function runLangChain(sim: Simulator): Promise<LangChainResult> {
  if (!sim.dc) throw new Error("LangChain's loader needs the Data Center flavour of the simulator");
  // The space keys are what a user would type into each loader; listing them is not the loader's work.
  const keys = await currentSpaceKeys(sim);
  const currentPages = (key: string) => {
    const space = sim.store.spaceByKey.get(key);
    return sim.store.contentList.filter((c) => c.type === "page" && c.status === "current" && c.spaceId === space?.id).length;
  };
  await resetSimStats(sim);
  const pagesWithBodies = new Set<string>();
  const editorNames = new Set<string>();
  let documents = 0;
  const started = performance.now();
  for (const spaceKey of keys) {
    const loader = new ConfluencePagesLoader({ baseUrl: sim.dc.baseUrl, spaceKey, personalAccessToken: sim.dc.admin.pat, limit: LANGCHAIN_PAGE_LIMIT });
    const docs = await loader.load();
    // load() logs an error and returns [] when a request fails five times: do not count that as an empty space.
    if (docs.length === 0 && currentPages(spaceKey) > 0) throw new Error(`LangChain's loader returned nothing for space ${spaceKey}; see the error above`);
    documents += docs.length;
    for (const doc of docs) {
      if (doc.pageContent.trim() !== "") pagesWithBodies.add(String(doc.metadata.id));
      if (doc.metadata.updated_by) editorNames.add(String(doc.metadata.updated_by));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { stats: await readSimStats(sim), seconds, spaces: keys.length, documents, pagesWithBodies, editorNames };
}
