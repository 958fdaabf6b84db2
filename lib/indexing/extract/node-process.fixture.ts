/**
 * Test fixture, run as its own process: `node --max-old-space-size=256 --import tsx
 * node-process.fixture.ts [--no-close]`, as the sync worker runs. Prints one JSON line of
 * results. With --no-close it leaves the extractors open, to show an idle extractor thread
 * does not keep the process alive.
 */
import { makeDocx, makeTextPng } from "../../../simulator/generate/files";
import { closeExtractors, extractAttachmentText } from "./index";

const docx = await extractAttachmentText(
  { bytes: makeDocx(["Sync worker paragraph"]), mediaType: "application/octet-stream", fileName: "a.docx" },
  { ocr: false },
);
const ocr = await extractAttachmentText({ bytes: makeTextPng(["OFFLINE CHECK"]), mediaType: "image/png", fileName: "a.png" }, { ocr: true });
console.log(JSON.stringify({ docx, ocr }));
if (!process.argv.includes("--no-close")) await closeExtractors();
