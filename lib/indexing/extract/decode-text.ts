/** Thrown for bytes that claim to be text but are not; the message is shown to users. */
export class NotTextError extends Error {}

const SAMPLE_BYTES = 64 * 1024;

/**
 * Bytes of a text file → string. UTF-8 with its BOM stripped; UTF-16 when a BOM says so
 * (Windows editors still write it); and, when the bytes are not valid UTF-8, Windows-1252,
 * which is what older text from Windows almost always is. Binary data is refused, because
 * indexing it would fill search with noise.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (looksBinary(bytes.subarray(0, SAMPLE_BYTES))) {
    throw new NotTextError("The file looks like binary data, not text");
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// 0x80-0x9F in Windows-1252 (€, curly quotes, dashes…). Node 20's TextDecoder("windows-1252")
// decodes these as Latin-1 control characters instead, so we map them ourselves.
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** NUL bytes never occur in real UTF-8/8-bit text; lots of other control bytes hardly do. */
function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > sample.length * 0.1;
}
