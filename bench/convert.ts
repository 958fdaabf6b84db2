/**
 * `npm run bench:convert [-- --docs 20000]`: converts the golden corpus
 * (lib/indexing/markdown/golden/*.xhtml) repeated to N documents on one core, renders and
 * chunks each as indexing will, and prints documents per second, MB of storage input and
 * peak RSS; then the rate per corpus file, since pages differ in size and content.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { goldenCorpus, processDocument } from "./convert-corpus";

const { values } = parseArgs({ options: { docs: { type: "string", default: "20000" } } });
const docs = z.coerce.number().int().positive().parse(values.docs);
const corpus = goldenCorpus();

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

for (let i = 0; i < 500; i++) processDocument(corpus[i % corpus.length].name, corpus[i % corpus.length].storage); // warm-up (JIT)
globalThis.gc?.();
sampleRss();

let bytes = 0;
let chunks = 0;
const cpuStart = process.cpuUsage();
const start = performance.now();
for (let i = 0; i < docs; i++) {
  const { name, storage } = corpus[i % corpus.length];
  bytes += Buffer.byteLength(storage);
  chunks += processDocument(name, storage);
  if (i % 100 === 0) sampleRss();
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
sampleRss();

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
console.log(`corpus: ${corpus.length} storage documents, ${(bytes / docs / 1024).toFixed(1)} KB on average`);
console.log(`converted + chunked ${docs} documents (${mb(bytes)} MB of storage input, ${chunks} chunks) in ${seconds.toFixed(2)} s`);
console.log(`${Math.round(docs / seconds)} documents/s, ${(bytes / 1024 / 1024 / seconds).toFixed(1)} MB/s, peak RSS ${mb(peakRss)} MB`);
// On a busy machine wall time includes waiting for a core; CPU time shows the work itself.
console.log(`CPU time ${cpuSeconds.toFixed(2)} s: ${Math.round(docs / cpuSeconds)} documents per CPU-second`);

console.log("\nper file (convert + render + chunk), per wall-clock second and per CPU-second:");
// A larger page too: the two richest corpus files as one ~11 KB document.
const combined = ["full-page-runbook-en", "links-and-media-es"].map((n) => corpus.find((c) => c.name === n)?.storage ?? "").join("\n");
for (const { name, storage } of [...corpus, { name: "runbook+links (combined)", storage: combined }]) {
  const n = Math.max(200, Math.round(docs / corpus.length / 4));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) processDocument(name, storage);
  const wall = n / ((performance.now() - t0) / 1000);
  const used = process.cpuUsage(cpu0);
  const perCpu = n / ((used.user + used.system) / 1e6);
  console.log(
    `  ${name.padEnd(28)} ${(storage.length / 1024).toFixed(1).padStart(5)} KB ${Math.round(wall).toString().padStart(6)} /s ${Math.round(perCpu).toString().padStart(6)} /CPU-s`,
  );
}
