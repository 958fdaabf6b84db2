import type { Element } from "domhandler";
import { el, isBlankText, isBlockElement, LiteElement } from "./lite-dom";
import { attr, isElement, tagName } from "./parse-storage";
import { appendText, type ElementHandler, type Walker } from "./walker";

/**
 * Tables. A table whose cells hold only inline content (at most one paragraph) and no
 * merged cells becomes a GFM table; its first row is the header row even when written with
 * `<td>`, since GFM needs one. Any other table becomes a list, one item per row, each cell
 * as "**Header:** value" (a cell spanning rows repeats in each row it spans), so block
 * content keeps its structure and no text is lost. See README.md.
 */
type Cell = { header: boolean; rowSpan: number; colSpan: number; content: LiteElement };

function span(node: Element, name: string): number {
  const n = Number.parseInt(attr(node, name) ?? "1", 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

function readRows(node: Element, w: Walker, rows: Cell[][], captions: LiteElement[]): void {
  for (const c of node.children) {
    if (!isElement(c)) continue;
    const name = tagName(c);
    if (name === "thead" || name === "tbody" || name === "tfoot") readRows(c, w, rows, captions);
    else if (name === "caption") w.append(c.children, captions[captions.push(el("P")) - 1]);
    else if (name === "tr") {
      const row: Cell[] = [];
      for (const cell of c.children) {
        const cellName = isElement(cell) ? tagName(cell) : "";
        if (!isElement(cell) || (cellName !== "td" && cellName !== "th")) continue;
        const content = el("TD"); // a holder only: its children move into the GFM cell or list item
        w.append(cell.children, content);
        row.push({ header: cellName === "th", rowSpan: span(cell, "rowspan"), colSpan: span(cell, "colspan"), content });
      }
      if (row.length) rows.push(row);
    }
  }
}

/** Children of a cell that fits a GFM cell (inline content, or one paragraph of it), else undefined. */
function inlineContent(cell: Cell): LiteElement | undefined {
  const blocks = cell.content.childNodes.filter(isBlockElement);
  if (blocks.length === 0) return cell.content;
  const only = blocks[0];
  if (blocks.length > 1 || only.nodeName !== "P") return undefined;
  if (!cell.content.childNodes.every((c) => c === only || isBlankText(c))) return undefined;
  return only;
}

function gfmTable(rows: Cell[][]): LiteElement {
  const width = Math.max(...rows.map((r) => r.length));
  const table = el("TABLE", { "data-gfm": "" });
  rows.forEach((row, i) => {
    const tr = table.appendChild(el("TR"));
    for (let col = 0; col < width; col++) {
      const cell = tr.appendChild(el(i === 0 ? "TH" : "TD"));
      const content = row[col] && inlineContent(row[col]);
      while (content?.firstChild) cell.appendChild(content.firstChild);
    }
  });
  return table;
}

/** Lays cells out on the grid they cover, so merged cells land in every row and column they span. */
function toGrid(rows: Cell[][]): Cell[][] {
  const grid: Cell[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (grid[r][col]) col++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr][col + dc] = cell;
      }
      col += cell.colSpan;
    }
  });
  return grid;
}

const labelText = (cell: Cell | undefined) => (cell ? cell.content.textContent.replace(/\s+/g, " ").trim().replace(/:$/, "") : "");

/** One list item: the bold label, the cell's first paragraph inline after it, then the rest. */
function fillItem(li: LiteElement, label: string, content: LiteElement): void {
  if (label) {
    li.appendChild(el("STRONG", {}, [`${label}:`]));
    appendText(li, " ");
  }
  const first = content.childNodes.find((c) => !isBlankText(c));
  if (first instanceof LiteElement && first.nodeName === "P") {
    while (first.firstChild) li.appendChild(first.firstChild);
    content.removeChild(first);
  }
  while (content.firstChild) li.appendChild(content.firstChild);
}

const hasText = (cell: Cell) => cell.content.textContent.trim() !== "" || cell.content.getElementsByTagName("IMG").length > 0;

/** The distinct cells of a grid row with text, left to right. */
function distinctCells(row: Cell[]): Cell[] {
  return row.filter((cell, col) => cell && row[col - 1] !== cell && hasText(cell));
}

// A cell spanning rows is used once per row; copies leave the original intact.
const contentOf = (cell: Cell) => (cell.rowSpan > 1 ? cell.content.deepCopy() : cell.content);

/**
 * Key–value tables (a header cell starting every row, no header row) read best as
 * "**Key:** value"; other tables label each cell with its column header, if any.
 */
function rowEntries(row: Cell[], labels: string[], keyed: boolean): { label: string; content: LiteElement }[] {
  const cells = distinctCells(row);
  if (keyed && cells[0] === row[0] && cells.length > 1) {
    return cells.slice(1).map((cell, i) => ({ label: i === 0 ? labelText(row[0]) : "", content: contentOf(cell) }));
  }
  return cells.map((cell) => ({
    label: keyed ? "" : [...new Set(row.map((c, i) => (c === cell ? labels[i] : undefined)).filter(Boolean))].join(" / "),
    content: contentOf(cell),
  }));
}

function rowList(rows: Cell[][], keyed: boolean): LiteElement {
  const grid = toGrid(rows);
  const hasHeader = !keyed && rows.length > 1 && rows[0].every((c) => c.header);
  const labels = hasHeader ? grid[0].map(labelText) : [];
  const list = el("UL");
  for (let r = hasHeader ? 1 : 0; r < grid.length; r++) {
    const entries = rowEntries(grid[r], labels, keyed);
    if (!entries.length) continue;
    const item = list.appendChild(el("LI"));
    fillItem(item, entries[0].label, entries[0].content);
    if (entries.length === 1) continue;
    const sub = item.appendChild(el("UL"));
    for (const e of entries.slice(1)) fillItem(sub.appendChild(el("LI")), e.label, e.content);
  }
  return list;
}

export const table: ElementHandler = (node, dst, w) => {
  const rows: Cell[][] = [];
  const captions: LiteElement[] = [];
  readRows(node, w, rows, captions);
  for (const caption of captions) dst.appendChild(caption);
  if (!rows.length) return;
  const keyed = rows.every((row) => row.length >= 2 && row[0].header && !row.every((c) => c.header));
  const simple = rows.every((row) => row.every((c) => c.rowSpan === 1 && c.colSpan === 1 && inlineContent(c)));
  dst.appendChild(simple && !keyed ? gfmTable(rows) : rowList(rows, keyed));
};
