/**
 * Comments and attachments belong to a page or blog post (their "container"). A comment's
 * parent may be another comment (a reply), so its container is recorded apart, in `extra`.
 */
type Item = { type: string; parentId: string | null; parentType: string | null; extra: unknown };

const containerOfComment = (extra: unknown) => (extra ?? {}) as { containerId?: string | null; containerType?: string | null };
const isComment = (type: string) => type === "footer_comment" || type === "inline_comment";

export function containerIdOf(item: Pick<Item, "type" | "parentId" | "extra">): string | null {
  if (isComment(item.type)) return containerOfComment(item.extra).containerId ?? item.parentId;
  return item.type === "attachment" ? item.parentId : null;
}

export function containerTypeOf(item: Pick<Item, "type" | "parentType" | "extra">): string | null {
  if (isComment(item.type)) return containerOfComment(item.extra).containerType ?? item.parentType;
  return item.type === "attachment" ? item.parentType : null;
}
