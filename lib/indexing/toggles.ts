import type { ConnectorConfig } from "../connectors/config-schema";
import { containerTypeOf } from "../content";

type Indexing = ConnectorConfig["indexing"];

const TOGGLE: Record<string, Record<string, [keyof Indexing, string]>> = {
  page: { self: ["pages", "pages"] },
  blogpost: { self: ["blogPosts", "blog posts"] },
  footer_comment: { page: ["pageComments", "page comments"], blogpost: ["blogPostComments", "blog post comments"] },
  inline_comment: { page: ["pageComments", "page comments"], blogpost: ["blogPostComments", "blog post comments"] },
  attachment: { page: ["pageAttachments", "page attachments"], blogpost: ["blogPostAttachments", "blog post attachments"] },
};

/** Why an item is not indexed under the connector's toggles, or null when it is. */
export function indexingToggleOf(item: { type: string; parentType: string | null; extra: unknown }, config: ConnectorConfig): string | null {
  if (item.type === "folder") return "Folders have no content of their own.";
  const byContainer = TOGGLE[item.type];
  if (!byContainer) return `Items of type ${item.type} are not indexed.`;
  const toggle = byContainer.self ?? byContainer[containerTypeOf(item) ?? ""];
  if (!toggle) return "Its page or blog post is unknown.";
  return config.indexing[toggle[0]] ? null : `Indexing of ${toggle[1]} is off for this connector.`;
}
