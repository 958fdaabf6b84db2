import type { Attachment, AuditRecord, Comment, Content, Group, Label, Space, User } from "./types";

/** All site data plus indexes. Mutations live in mutations.ts, access rules in access.ts. */
export class Store {
  readonly seed: number;
  private counter = 100_000;
  private spaceCounter = 32_768;
  spaces = new Map<number, Space>();
  spaceByKey = new Map<string, Space>();
  /** Pages, blog posts and folders in ascending id order. */
  contentList: Content[] = [];
  contents = new Map<number, Content>();
  comments = new Map<number, Comment>();
  commentList: Comment[] = [];
  commentsByContainer = new Map<number, Comment[]>();
  attachments = new Map<number, Attachment>();
  attachmentList: Attachment[] = [];
  attachmentsByContainer = new Map<number, Attachment[]>();
  labels = new Map<number, Label>();
  labelByName = new Map<string, Label>();
  users = new Map<string, User>();
  userByEmail = new Map<string, User>();
  groups = new Map<string, Group>();
  audit: AuditRecord[] = [];
  /** Titles used per space, to keep page titles unique as Confluence requires. */
  titles = new Map<number, Set<string>>();

  constructor(seed: number) {
    this.seed = seed;
  }

  nextId(): number {
    return ++this.counter;
  }

  nextSpaceId(): number {
    return ++this.spaceCounter;
  }

  addSpace(space: Space): void {
    this.spaces.set(space.id, space);
    this.spaceByKey.set(space.key, space);
    this.titles.set(space.id, new Set());
  }

  addContent(c: Content): void {
    this.contents.set(c.id, c);
    const list = this.contentList;
    if (list.length === 0 || list[list.length - 1].id < c.id) list.push(c);
    else {
      list.push(c);
      list.sort((a, b) => a.id - b.id);
    }
    if (c.type !== "folder") this.titles.get(c.spaceId)?.add(c.title);
  }

  removeContent(id: number): void {
    const c = this.contents.get(id);
    if (!c) return;
    this.contents.delete(id);
    this.contentList = this.contentList.filter((x) => x.id !== id);
    this.titles.get(c.spaceId)?.delete(c.title);
    for (const com of this.commentsByContainer.get(id) ?? []) this.comments.delete(com.id);
    this.commentList = this.commentList.filter((x) => x.containerId !== id);
    this.commentsByContainer.delete(id);
    for (const a of this.attachmentsByContainer.get(id) ?? []) this.attachments.delete(a.id);
    this.attachmentList = this.attachmentList.filter((x) => x.containerId !== id);
    this.attachmentsByContainer.delete(id);
  }

  addComment(c: Comment): void {
    this.comments.set(c.id, c);
    this.commentList.push(c);
    const list = this.commentsByContainer.get(c.containerId) ?? [];
    list.push(c);
    this.commentsByContainer.set(c.containerId, list);
  }

  addAttachment(a: Attachment): void {
    this.attachments.set(a.id, a);
    this.attachmentList.push(a);
    const list = this.attachmentsByContainer.get(a.containerId) ?? [];
    list.push(a);
    this.attachmentsByContainer.set(a.containerId, list);
  }

  addUser(u: User): void {
    this.users.set(u.accountId, u);
    this.userByEmail.set(u.email.toLowerCase(), u);
  }

  labelFor(name: string, prefix: Label["prefix"] = "global"): Label {
    const existing = this.labelByName.get(name);
    if (existing) return existing;
    const label: Label = { id: this.nextId(), name, prefix };
    this.labels.set(label.id, label);
    this.labelByName.set(name, label);
    return label;
  }

  uniqueTitle(spaceId: number, title: string): string {
    const used = this.titles.get(spaceId) ?? new Set<string>();
    if (!used.has(title)) return title;
    for (let n = 2; ; n++) if (!used.has(`${title} (${n})`)) return `${title} (${n})`;
  }

  /** Ancestor chain from the root down to the direct parent. */
  ancestors(c: Content): Content[] {
    const out: Content[] = [];
    let p = c.parentId != null ? this.contents.get(c.parentId) : undefined;
    while (p && out.length < 100) {
      out.unshift(p);
      p = p.parentId != null ? this.contents.get(p.parentId) : undefined;
    }
    return out;
  }

  groupsOf(accountId: string): Group[] {
    const out: Group[] = [];
    for (const g of this.groups.values()) if (g.members.has(accountId)) out.push(g);
    return out;
  }

  adminUser(): User {
    for (const u of this.users.values()) if (u.isAdmin) return u;
    throw new Error("no admin user");
  }

  record(rec: Omit<AuditRecord, "creationDate">): void {
    this.audit.push({ creationDate: Date.now(), ...rec });
  }
}
