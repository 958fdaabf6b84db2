import type { Store } from "./store";
import type { Content, Space, User } from "./types";

/**
 * Permission checks: a space is readable through a "read space" permission granted to the user,
 * one of their groups or anonymous; a piece of content additionally needs every read restriction
 * on itself and its ancestors to name the user or one of their groups. Admins see everything.
 */
export class Access {
  private groupIds: Set<string>;
  private spaceCache = new Map<number, boolean>();
  private contentCache = new Map<number, boolean>();

  constructor(
    private store: Store,
    readonly user: User | null,
  ) {
    this.groupIds = new Set(user ? store.groupsOf(user.accountId).map((g) => g.id) : []);
  }

  get isAdmin(): boolean {
    return !!this.user?.isAdmin;
  }

  inGroup(groupId: string): boolean {
    return this.groupIds.has(groupId);
  }

  canReadSpace(space: Space | undefined): boolean {
    if (!space) return false;
    if (this.isAdmin) return true;
    const cached = this.spaceCache.get(space.id);
    if (cached !== undefined) return cached;
    const holds = (principalType: string, principalId: string | null) =>
      principalType === "anonymous" ||
      (principalType === "user" && principalId === this.user?.accountId) ||
      (principalType === "group" && principalId != null && this.groupIds.has(principalId));
    const ok = space.permissions.some(
      (p) =>
        p.operation === "read" &&
        p.targetType === "space" &&
        (holds(p.principalType, p.principalId) ||
          (p.principalType === "role" &&
            (space.roleAssignments ?? []).some(
              (a) =>
                a.roleId === p.principalId && (a.principalType === "access_class" ? this.inAccessClass(a.principalId) : holds(a.principalType, a.principalId)),
            ))),
    );
    this.spaceCache.set(space.id, ok);
    return ok;
  }

  /**
   * Cloud's access classes: everyone (`anonymous-users`, also written `ANONYMOUS_ACCESS`), any
   * signed-in Atlassian account (`authenticated-users`) or licensed user (`all-licensed-users`; here
   * every Atlassian account, apps are not); product and JSM admins are site admins only.
   */
  private inAccessClass(id: string): boolean {
    if (id === "ANONYMOUS_ACCESS" || id === "anonymous-users") return true;
    if (id === "authenticated-users" || id === "all-licensed-users") return this.user?.accountType === "atlassian";
    return false;
  }

  private passesRestriction(c: Content): boolean {
    const r = c.readRestriction;
    if (!r || (r.users.length === 0 && r.groups.length === 0)) return true;
    if (!this.user) return false;
    return r.users.includes(this.user.accountId) || r.groups.some((g) => this.groupIds.has(g));
  }

  canReadContent(c: Content | undefined): boolean {
    if (!c) return false;
    if (this.isAdmin) return true;
    const cached = this.contentCache.get(c.id);
    if (cached !== undefined) return cached;
    let ok = this.canReadSpace(this.store.spaces.get(c.spaceId)) && this.passesRestriction(c);
    if (ok && c.parentId != null) ok = this.canReadContent(this.store.contents.get(c.parentId));
    this.contentCache.set(c.id, ok);
    return ok;
  }

  canReadContainer(containerId: number): boolean {
    return this.canReadContent(this.store.contents.get(containerId));
  }
}
