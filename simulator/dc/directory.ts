import { createHash } from "node:crypto";
import type { Store } from "../store/store";
import type { User } from "../store/types";

/**
 * Data Center names people by user key (32 hex digits, stable) and username (what they sign in
 * with). Both are derived from the store's users, so the two flavours serve the same people:
 * username = the local part of the email ("admin" for the site admin), password = the user's API
 * token, and a personal access token derived from the account (or set through the admin API).
 */
export interface DcIdentity {
  user: User;
  userKey: string;
  username: string;
  pat: string;
}

const hash = (s: string) => createHash("sha256").update(s).digest();

export class DcDirectory {
  private byAccount = new Map<string, DcIdentity>();
  private byUsername = new Map<string, DcIdentity>();
  private byKey = new Map<string, DcIdentity>();
  private byPat = new Map<string, DcIdentity>();
  private patOverrides = new Map<string, string>();
  private seenUsers = -1;

  constructor(private store: Store) {}

  /** Picks up users added since the last call (admin API); cheap when nothing changed. */
  private sync(): void {
    if (this.seenUsers === this.store.users.size) return;
    this.seenUsers = this.store.users.size;
    for (const u of this.store.users.values()) {
      if (this.byAccount.has(u.accountId)) continue;
      const base = u.isAdmin && !this.byUsername.has("admin") ? "admin" : (u.email.split("@")[0] || "user").toLowerCase().replace(/[^a-z0-9._-]/g, "");
      let username = base;
      for (let n = 2; this.byUsername.has(username); n++) username = `${base}${n}`;
      const id: DcIdentity = {
        user: u,
        userKey: hash(`userkey:${u.accountId}`).toString("hex").slice(0, 32),
        username,
        pat: this.patOverrides.get(u.accountId) ?? hash(`pat:${this.store.seed}:${u.accountId}`).toString("base64url").slice(0, 44),
      };
      this.byAccount.set(u.accountId, id);
      this.byUsername.set(username, id);
      this.byKey.set(id.userKey, id);
      this.byPat.set(id.pat, id);
    }
  }

  all(): DcIdentity[] {
    this.sync();
    return [...this.byAccount.values()];
  }

  of(user: User): DcIdentity {
    this.sync();
    return this.byAccount.get(user.accountId)!;
  }

  byAccountId(accountId: string): DcIdentity | undefined {
    this.sync();
    return this.byAccount.get(accountId);
  }

  findUsername(username: string): DcIdentity | undefined {
    this.sync();
    return this.byUsername.get(username.toLowerCase());
  }

  findKey(userKey: string): DcIdentity | undefined {
    this.sync();
    return this.byKey.get(userKey);
  }

  findPat(token: string): DcIdentity | undefined {
    this.sync();
    return this.byPat.get(token);
  }

  setPat(id: DcIdentity, pat: string): void {
    this.byPat.delete(id.pat);
    id.pat = pat;
    this.patOverrides.set(id.user.accountId, pat);
    this.byPat.set(pat, id);
  }
}
