/**
 * The floors bench:sync compares a run's wall time with (issue 15): the network floor (list
 * calls one after another, the parallel reads in waves of the client's concurrency) and the CPU
 * floor (converting the run's documents at this machine's measured rate, plus extracting its
 * attachments' text), and the wall time's ratio to the larger of the two.
 */
import { cpuSecondsOf, goldenCorpus, processDocument } from "./convert-corpus";

/** Requests the sync runs concurrently (downloads, restriction reads); every other request waits for the one before. */
const PARALLEL_ROUTE = /\/download\/|\/restriction\//;

export function networkFloorSeconds(
  routes: Record<string, number>,
  latencyMs: number,
  concurrency = 8,
): { seconds: number; sequential: number; parallel: number; concurrency: number } {
  let sequential = 0;
  let parallel = 0;
  for (const [route, count] of Object.entries(routes)) {
    if (PARALLEL_ROUTE.test(route)) parallel += count;
    else sequential += count;
  }
  return { seconds: ((sequential + Math.ceil(parallel / concurrency)) * latencyMs) / 1000, sequential, parallel, concurrency };
}

/** Documents per CPU-second for convert + render + chunk over the golden corpus, on this machine now. */
export async function measuredConversionRate(docs = 3000): Promise<number> {
  const corpus = goldenCorpus();
  for (let i = 0; i < 300; i++) processDocument(corpus[i % corpus.length]!.name, corpus[i % corpus.length]!.storage); // warm-up (JIT)
  const cpu = await cpuSecondsOf(() => {
    for (let i = 0; i < docs; i++) processDocument(corpus[i % corpus.length]!.name, corpus[i % corpus.length]!.storage);
  });
  return docs / cpu;
}

/** CPU seconds to extract the text of every stored attachment file of the connector, as indexing does. */
export async function attachmentTextCpuSeconds(connectorId: string): Promise<{ seconds: number; files: number }> {
  const { db } = await import("../lib/db");
  const { readStoredFile } = await import("../lib/files");
  const { extractAttachmentText } = await import("../lib/indexing/extract");
  const files = await db().contentItem.findMany({
    where: { connectorId, type: "attachment", fileSetId: { not: null } },
    select: { id: true, fileSetId: true, fileBytes: true, mediaType: true, title: true },
  });
  let seconds = 0;
  for (const f of files) {
    const file = await readStoredFile({ contentItemId: f.id, setId: f.fileSetId!, bytes: f.fileBytes ?? 0 });
    if (!file) continue;
    seconds += await cpuSecondsOf(() =>
      extractAttachmentText({ size: file.byteLength, load: async () => file, mediaType: f.mediaType, fileName: f.title }, { ocr: false }),
    );
  }
  return { seconds, files: files.length };
}
