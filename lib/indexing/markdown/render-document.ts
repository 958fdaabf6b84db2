/** What the caller knows about a document; it stores these in columns, not in the text. */
export type DocumentMeta = {
  title: string;
  webUrl?: string | null;
  spaceKey?: string | null;
  type: string;
  version?: number | null;
  createdAt?: Date | null;
  modifiedAt?: Date | null;
  author?: string | null;
  labels?: string[];
  breadcrumb?: string[];
};

/**
 * The stored document: the title as a level-1 heading, then the body. Only the title goes
 * into the text (so search and chunks see it); everything else in `meta` lives in columns.
 */
export function renderDocument(meta: DocumentMeta, bodyMarkdown: string): string {
  const title = meta.title.replace(/\s+/g, " ").trim() || "Untitled";
  const body = bodyMarkdown.replace(/^\s*\n/, "").trimEnd();
  return body ? `# ${title}\n\n${body}\n` : `# ${title}\n`;
}
