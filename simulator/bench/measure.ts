import { startSimulator } from "../index";

/** `node --expose-gc --import tsx simulator/bench/measure.ts [pages] [requests] [cloud|datacenter]`: generation time and RSS and heap before/after 1,000 and 2,000 requests (run with `node --expose-gc --import tsx simulator/bench/measure.ts` for exact heap numbers). */
const CLOUD_PATHS = (ids: number[]) => (i: number) =>
  [
    `/wiki/api/v2/pages?limit=250&body-format=storage`,
    `/wiki/api/v2/pages/${ids[(i * 7919) % ids.length]}?body-format=storage`,
    `/wiki/api/v2/pages?limit=100&sort=-modified-date`,
    `/wiki/api/v2/attachments?limit=50`,
    `/wiki/rest/api/search?cql=${encodeURIComponent("type = page and lastModified > '2025-01-01'")}&limit=50`,
  ][i % 5];

const DC_PATHS = (ids: number[]) => (i: number) =>
  [
    `/confluence/rest/api/content/scan?limit=50&expand=body.storage,version,ancestors`,
    `/confluence/rest/api/content/${ids[(i * 7919) % ids.length]}?expand=body.storage,version,history,ancestors,space`,
    `/confluence/rest/api/content?type=page&limit=100&start=${(i * 97) % 5000}&expand=version`,
    `/confluence/rest/api/content/${ids[(i * 31) % ids.length]}/child/attachment?limit=50`,
    `/confluence/rest/api/content/search?cql=${encodeURIComponent('type = page and lastmodified >= "2025-01-01 00:00"')}&limit=50`,
  ][i % 5];

async function main(): Promise<void> {
  const pages = Number(process.argv[2] ?? 100_000);
  const flavor = process.argv[4] === "datacenter" ? "datacenter" : "cloud";
  const mb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);
  const rss0 = mb();
  const sim = await startSimulator({ seed: 42, spaces: 20, pages, flavor, datacenter: { rateLimit: { enabled: false } } });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rssBefore = mb();
  const auth = sim.dc ? `Bearer ${sim.dc.admin.pat}` : "Basic " + Buffer.from(`${sim.admin.email}:${sim.admin.apiToken}`).toString("base64");
  const ids = sim.store.contentList.filter((c) => c.type === "page").map((c) => c.id);
  const paths = (sim.dc ? DC_PATHS : CLOUD_PATHS)(ids);
  const heap = () => Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
  const heapBefore = heap();
  const t0 = performance.now();
  let cursor: string | undefined;
  let heapAfterFirst1000 = 0;
  const total = Number(process.argv[3] ?? 2000);
  const rssPer1000: number[] = [];
  for (let i = 0; i < total; i++) {
    if (i > 0 && i % 1000 === 0) {
      gc?.();
      if (i === 1000) heapAfterFirst1000 = heap();
      rssPer1000.push(mb());
    }
    let p = paths(i);
    if (i % 5 === 0 && cursor) p = cursor;
    const res = await fetch(sim.url + p, { headers: { authorization: auth } });
    const body = (await res.json()) as { _links?: { next?: string } };
    if (i % 5 === 0) cursor = body._links?.next && sim.dc ? sim.dc.contextPath + body._links.next : body._links?.next;
  }
  const reqMs = performance.now() - t0;
  gc?.();
  const rssAfter = mb();
  console.log(
    JSON.stringify({
      flavor,
      gcExposed: !!gc,
      pages,
      generationMs: Math.round(sim.generationMs),
      rssStartMb: rss0,
      rssAfterGenerateMb: rssBefore,
      requests: total,
      rssPer1000Mb: [...rssPer1000, rssAfter],
      heapBeforeMb: heapBefore,
      heapAfter1000Mb: heapAfterFirst1000,
      heapAtEndMb: heap(),
      msPerRequest: Math.round(reqMs / total),
      contents: sim.store.contents.size,
      attachments: sim.store.attachments.size,
      comments: sim.store.comments.size,
    }),
  );
  await sim.close();
}

void main();
