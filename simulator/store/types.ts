/** Compact in-memory data model of a simulated Confluence site. Times are epoch milliseconds. */
export type ContentType = "page" | "blogpost" | "folder";
export type ContentStatus = "current" | "archived" | "trashed" | "deleted" | "draft";

export interface User {
  accountId: string;
  displayName: string;
  email: string;
  emailVisible: boolean;
  apiToken?: string;
  isAdmin: boolean;
  timeZone: string;
  personalSpaceId?: string;
  accountType: "atlassian" | "app";
  /** Deactivated ("inactive") and deleted ("closed", shown as "Former user") accounts cannot sign in. */
  accountStatus?: "active" | "inactive" | "closed";
}

export interface Group {
  id: string;
  name: string;
  members: Set<string>;
}

/** "role": the grant goes to every holder of the role (principalId) in the space (`Space.roleAssignments`). */
export type PrincipalType = "user" | "group" | "anonymous" | "role";

/**
 * Who holds a space role: a user, a group, or an access class (`anonymous-users` or `ANONYMOUS_ACCESS`:
 * everyone, signed in or not; `authenticated-users`, `all-licensed-users`: every Atlassian account).
 */
export interface RoleAssignment {
  principalType: "user" | "group" | "access_class";
  principalId: string;
  roleId: string;
}

export interface SpacePermission {
  id: string;
  principalType: PrincipalType;
  principalId: string | null;
  operation: string;
  targetType: string;
}

export interface Space {
  id: number;
  key: string;
  name: string;
  type: "global" | "personal";
  status: "current" | "archived";
  authorId: string;
  createdAt: number;
  homepageId: number | null;
  description: string;
  permissions: SpacePermission[];
  /** Role-based sites: who holds which role here; grants to a role apply to its holders. */
  roleAssignments?: RoleAssignment[];
  lang: string;
}

export interface Restriction {
  users: string[];
  groups: string[];
}

export interface Content {
  id: number;
  type: ContentType;
  spaceId: number;
  parentId: number | null;
  title: string;
  status: ContentStatus;
  authorId: string;
  createdAt: number;
  version: number;
  modifiedAt: number;
  versionAuthorId: string;
  versionMessage: string;
  position: number;
  labels: number[];
  readRestriction: Restriction | null;
  lang: string;
  /** Explicit bodies keyed by version; versions absent here are generated from (seed, id, version). */
  bodies: Map<number, string> | null;
  /** Version timestamps for explicitly created versions (number -> time). */
  versionTimes: Map<number, number> | null;
}

export interface Comment {
  id: number;
  kind: "footer" | "inline";
  containerId: number;
  parentCommentId: number | null;
  authorId: string;
  createdAt: number;
  modifiedAt: number;
  version: number;
  status: "current" | "trashed" | "deleted";
  body: string | null;
  resolutionStatus: "open" | "resolved" | "reopened" | "dangling";
  selection: string;
}

export type FileKind = "pdf" | "docx" | "xlsx" | "png" | "txt" | "csv" | "md";

export interface Attachment {
  id: number;
  containerId: number;
  fileName: string;
  mediaType: string;
  kind: FileKind | "upload";
  createdAt: number;
  modifiedAt: number;
  version: number;
  status: "current" | "trashed" | "archived";
  fileId: string;
  comment: string;
  authorId: string;
  /** Bytes for uploads; generated files are rendered on demand. */
  bytes: Uint8Array | null;
  size: number;
}

export interface Label {
  id: number;
  name: string;
  prefix: "global" | "my" | "team";
}

export interface AuditRecord {
  creationDate: number;
  summary: string;
  category: string;
  objectName: string;
  objectType: string;
  authorId: string;
  description: string;
}
