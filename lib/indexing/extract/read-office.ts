import { parseOffice, type OfficeParserConfig } from "officeparser";
import { MAX_XML_ELEMENTS } from "./limits";

type OfficeKind = "docx" | "pptx" | "xlsx";

type Node = { type: string; text?: string; children?: Node[]; metadata?: { sheetName?: string } };

function config(fileType: OfficeKind, warnings: string[]): OfficeParserConfig {
  return {
    fileType,
    ocr: false, // pictures inside documents are not OCRed: one OCR path, under our own limits
    extractAttachments: false,
    includeRawContent: false,
    serializeRawContent: false,
    ignorePageGeometry: true,
    ignoreNotes: false, // speaker notes, footnotes and comments are text people search for
    decompressionLimits: { maxXmlElements: MAX_XML_ELEMENTS },
    onWarning: (issue) => warnings.push(String(issue.code)),
  };
}

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Word and PowerPoint text, paragraphs and slides on their own lines (officeparser's text output). */
export async function readDocument(bytes: Uint8Array, kind: "docx" | "pptx"): Promise<string> {
  const ast = await parseOffice(asBuffer(bytes), config(kind, []));
  return (await ast.to("text")).value;
}

/**
 * Spreadsheet text: each sheet under its name, one row per line, cells tab-separated, so a
 * search hit still shows which row and sheet it came from. Empty rows are left out. A sheet
 * past officeparser's cell limit comes back cut short, and says so.
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<{ text: string; truncated: boolean }> {
  const warnings: string[] = [];
  const ast = await parseOffice(asBuffer(bytes), config("xlsx", warnings));
  const sheets = (ast.content as unknown as Node[]).filter((n) => n.type === "sheet");
  const text = sheets
    .map((sheet, i) => {
      const rows = (sheet.children ?? [])
        .filter((r) => r.type === "row")
        .map((r) =>
          (r.children ?? [])
            .map((c) =>
              cellText(c)
                .replace(/[\t\r\n]+/g, " ")
                .trim(),
            )
            .join("\t")
            .trimEnd(),
        )
        .filter((line) => line.length > 0);
      return [`Sheet: ${sheet.metadata?.sheetName ?? i + 1}`, ...rows].join("\n");
    })
    .join("\n\n");
  return { text, truncated: warnings.includes("TABLE_CELL_LIMIT_EXCEEDED") };
}

function cellText(node: Node): string {
  if (typeof node.text === "string") return node.text;
  return (node.children ?? []).map(cellText).join(" ");
}
