/** Fixed limits inside the extractor thread (per-call limits are in ExtractOptions). */

/** Heap of the extractor thread; the sync worker process itself runs with 256 MB. */
export const THREAD_HEAP_MB = 256;

/**
 * officeparser reads Word and PowerPoint XML into a DOM (@xmldom/xmldom) that costs roughly
 * 1.3 KB per element: about 150,000 elements fit in a 256 MB heap, and 200,000 do not. Past
 * this cap the parse stops at once with a clear reason, rather than running out of memory
 * 20 seconds later.
 */
export const MAX_XML_ELEMENTS = 160_000;

/**
 * Pictures larger than this (in pixels) are not OCRed, nor decoded out of PDFs: decoded
 * pixels live outside the thread's heap limit. 600 dpi A4 is about 35 million.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;
