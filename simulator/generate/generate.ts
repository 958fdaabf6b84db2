import { chance, hashSeed, hex, int, mulberry32, pick, type Rng } from "../rand";
import { Store } from "../store/store";
import type { Attachment, Content, FileKind, Group, Space, User } from "../store/types";
import { MEDIA_TYPES } from "./files";
import { VIEWER_ROLE_ID } from "../store/roles";
import { SPACE_OPS, grantSpace, makeGroups, makeUsers } from "./people";
import { LABEL_NAMES, LANG_WEIGHTS, SPACE_NAMES, langOf } from "./words";

export interface GenerateOptions {
  seed: number;
  spaces: number;
  pages: number;
  blogPosts?: number;
  users?: number;
  adminEmail?: string;
  adminToken?: string;
}

const START = Date.UTC(2022, 0, 1);
const END = Date.UTC(2026, 5, 1);
const DAY = 86_400_000;

function newContent(
  store: Store,
  rng: Rng,
  type: Content["type"],
  space: Space,
  parentId: number | null,
  title: string,
  users: User[],
  position: number,
): Content {
  const createdAt = START + Math.floor(rng() * (END - START - 60 * DAY));
  const version = type === "folder" ? 1 : int(rng, 1, 5);
  const modifiedAt = version === 1 ? createdAt : Math.min(END, createdAt + Math.floor(rng() * 365 * DAY) + 1000);
  const author = pick(rng, users);
  return {
    id: store.nextId(),
    type,
    spaceId: space.id,
    parentId,
    title: type === "folder" ? title : store.uniqueTitle(space.id, title),
    status: "current",
    authorId: author.accountId,
    createdAt,
    version,
    modifiedAt,
    versionAuthorId: version === 1 ? author.accountId : pick(rng, users).accountId,
    versionMessage: "",
    position,
    labels: [],
    readRestriction: null,
    lang: space.lang,
    bodies: null,
    versionTimes: null,
  };
}

function makeTitle(rng: Rng, lang: string, n: number): string {
  const l = langOf(lang);
  return `${pick(rng, l.topics)} ${pick(rng, l.titleWords)} ${n}`;
}

const FILE_KINDS: FileKind[] = ["pdf", "docx", "xlsx", "png", "txt", "csv", "md"];

function addAttachments(store: Store, rng: Rng, c: Content, users: User[]): void {
  const n = int(rng, 1, 3);
  for (let i = 0; i < n; i++) {
    const kind = pick(rng, FILE_KINDS);
    const createdAt = c.createdAt + int(rng, 0, 30) * 3600_000;
    const a: Attachment = {
      id: store.nextId(),
      containerId: c.id,
      fileName: `${pick(rng, ["report", "diagram", "budget", "notes", "spec", "screenshot", "export"])}-${c.id}-${i + 1}.${kind}`,
      mediaType: MEDIA_TYPES[kind],
      kind,
      createdAt,
      modifiedAt: createdAt,
      version: 1,
      status: "current",
      fileId: `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`,
      comment: "",
      authorId: pick(rng, users).accountId,
      bytes: null,
      size: -1,
    };
    store.addAttachment(a);
  }
}

function addComments(store: Store, rng: Rng, c: Content, users: User[]): void {
  const footer = chance(rng, 0.35) ? int(rng, 1, 3) : 0;
  const inline = c.type === "page" && chance(rng, 0.12) ? int(rng, 1, 2) : 0;
  let lastFooter: number | null = null;
  for (let i = 0; i < footer + inline; i++) {
    const kind = i < footer ? "footer" : "inline";
    const createdAt = Math.min(END, c.createdAt + int(rng, 1, 200) * 3600_000);
    const reply = kind === "footer" && lastFooter !== null && chance(rng, 0.3);
    const id = store.nextId();
    store.addComment({
      id,
      kind,
      containerId: c.id,
      parentCommentId: reply ? lastFooter : null,
      authorId: pick(rng, users).accountId,
      createdAt,
      modifiedAt: createdAt,
      version: 1,
      status: "current",
      body: null,
      resolutionStatus: kind === "inline" ? pick(rng, ["open", "resolved"] as const) : "open",
      selection: kind === "inline" ? "release process" : "",
    });
    if (kind === "footer" && !reply) lastFooter = id;
  }
}

export function generateSite(opts: GenerateOptions): Store {
  const store = new Store(opts.seed);
  const rng = mulberry32(hashSeed(opts.seed, "site"));
  const userCount = opts.users ?? Math.min(200, Math.max(12, Math.ceil(opts.pages / 100)));
  const users = makeUsers(store, rng, userCount, opts);
  const regular = users.slice(1);
  const groups = makeGroups(store, rng, users);
  const labels = LABEL_NAMES.map((n) => store.labelFor(n));
  store.labelFor("personal-notes", "my");

  const spaceCount = Math.max(1, opts.spaces);
  const personalCount = spaceCount >= 2 ? Math.max(1, Math.floor(spaceCount / 5)) : 0;
  const spaces: Space[] = [];
  for (let i = 0; i < spaceCount; i++) {
    const personal = i >= spaceCount - personalCount;
    const owner = personal ? regular[(i * 7) % regular.length] : pick(rng, regular);
    const baseName = SPACE_NAMES[i % SPACE_NAMES.length] + (i >= SPACE_NAMES.length ? ` ${Math.floor(i / SPACE_NAMES.length) + 1}` : "");
    const key = personal
      ? `~${owner.accountId.replace(/[^a-z0-9]/gi, "").slice(0, 24)}`
      : baseName
          .replace(/[^A-Za-z]/g, "")
          .slice(0, 3)
          .toUpperCase() + (i >= SPACE_NAMES.length ? String(i) : "");
    const space: Space = {
      id: store.nextSpaceId(),
      key,
      name: personal ? owner.displayName : baseName,
      type: personal ? "personal" : "global",
      status: "current",
      authorId: owner.accountId,
      createdAt: START - int(rng, 1, 300) * DAY,
      homepageId: null,
      description: personal ? "" : `Space for the ${baseName} team.`,
      permissions: [],
      lang: i === 0 ? "en" : pick(rng, LANG_WEIGHTS),
    };
    store.addSpace(space);
    if (personal) {
      owner.personalSpaceId = String(space.id);
      grantSpace(store, space, "user", owner.accountId, [...SPACE_OPS, ["administer", "space"]]);
    } else if (i === 3) {
      grantSpace(store, space, "group", groups[3].id); // HR only
    } else {
      grantSpace(store, space, "group", groups[0].id);
      grantSpace(store, space, "user", owner.accountId, [["administer", "space"]]);
      if (i === 1) grantSpace(store, space, "anonymous", null, [["read", "space"]]);
      if (i % 3 === 2) grantSpace(store, space, "group", groups[5].id, [["read", "space"]]);
    }
    spaces.push(space);
  }

  // Homepages, then pages spread across spaces; personal spaces get a small share.
  const recent = new Map<number, Content[]>();
  const depth = new Map<number, number>();
  let counter = 0;
  for (const space of spaces) {
    const home = newContent(store, rng, "page", space, null, `${space.name} Home`, regular, 0);
    home.version = 1;
    home.modifiedAt = home.createdAt;
    store.addContent(home);
    space.homepageId = home.id;
    recent.set(space.id, [home]);
    depth.set(home.id, 0);
    counter++;
  }
  const weights = spaces.map((s) => (s.type === "personal" ? 0.2 : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const folderEvery = 30;
  while (counter < opts.pages) {
    let r = rng() * total;
    let si = 0;
    while (si < spaces.length - 1 && (r -= weights[si]) > 0) si++;
    const space = spaces[si];
    const pool = recent.get(space.id)!;
    let parent = pick(rng, pool);
    if ((depth.get(parent.id) ?? 0) >= 6) parent = pool[0];
    const isFolder = counter % folderEvery === folderEvery - 1;
    const title = isFolder ? `${pick(rng, langOf(space.lang).headings)} folder` : makeTitle(rng, space.lang, counter);
    const siblings = (depth.get(parent.id) ?? 0) + counter;
    const c = newContent(store, rng, isFolder ? "folder" : "page", space, parent.id, title, regular, siblings);
    if (c.createdAt < parent.createdAt) c.createdAt = parent.createdAt + 1000;
    if (c.modifiedAt < c.createdAt) c.modifiedAt = c.createdAt;
    depth.set(c.id, (depth.get(parent.id) ?? 0) + 1);
    if (!isFolder) {
      const roll = rng();
      if (roll < 0.03) c.status = "archived";
      else if (roll < 0.05) c.status = "trashed";
      if (chance(rng, 0.04)) {
        c.readRestriction = chance(rng, 0.5)
          ? { users: [pick(rng, regular).accountId, pick(rng, regular).accountId], groups: [] }
          : { users: [], groups: [pick(rng, groups.slice(1, 5)).id] };
      }
      for (const l of labels) if (chance(rng, 0.08)) c.labels.push(l.id);
    }
    store.addContent(c);
    if (!isFolder) {
      if (chance(rng, 0.15)) addAttachments(store, rng, c, regular);
      addComments(store, rng, c, regular);
    }
    pool.push(c);
    if (pool.length > 25) pool.splice(1, 1);
    counter++;
  }

  const blogCount = opts.blogPosts ?? Math.ceil(opts.pages / 10);
  for (let i = 0; i < blogCount; i++) {
    const space = spaces[i % spaces.length];
    const b = newContent(store, rng, "blogpost", space, null, `${pick(rng, langOf(space.lang).topics)} update ${i + 1}`, regular, 0);
    if (chance(rng, 0.04)) b.status = "trashed";
    for (const l of labels) if (chance(rng, 0.05)) b.labels.push(l.id);
    store.addContent(b);
    if (chance(rng, 0.1)) addAttachments(store, rng, b, regular);
    addComments(store, rng, b, regular);
  }
  addPermissionVariety(store, spaces, groups, regular);
  return store;
}

/**
 * Deterministic extras (no random draws, so the rest of the site stays as the seed made it): the
 * last generated user is a closed account ("Former user"), the one before is deactivated, and
 * the third space (when global) is also readable through the Viewer role held by a group.
 */
function addPermissionVariety(store: Store, spaces: Space[], groups: Group[], regular: User[]): void {
  if (regular.length >= 4) {
    regular[regular.length - 1].accountStatus = "closed";
    regular[regular.length - 2].accountStatus = "inactive";
  }
  const space = spaces[2];
  if (space && space.type === "global") {
    grantSpace(store, space, "role", VIEWER_ROLE_ID, [["read", "space"]]);
    space.roleAssignments = [{ principalType: "group", principalId: groups[2].id, roleId: VIEWER_ROLE_ID }];
  }
}
