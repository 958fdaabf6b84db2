import type { SimState } from "../state";
import { versionString } from "./config";
import type { DcIdentity } from "./directory";

/** What a test or the CLI needs to reach a Data Center simulator: base URL, version and two accounts. */
export interface DcAccount {
  username: string;
  /** HTTP Basic password (the user's API token in the shared store). */
  password: string;
  /** Personal access token, sent as `Authorization: Bearer`. */
  pat: string;
  userKey: string;
  displayName: string;
}

export interface DcInfo {
  /** Origin plus context path, e.g. http://127.0.0.1:4010/confluence: what a user types as the site's base URL. */
  baseUrl: string;
  contextPath: string;
  version: string;
  timeZone: string;
  anonymousAccess: boolean;
  /** A Confluence administrator (may read space permissions). */
  admin: DcAccount;
  /** An ordinary licensed user who is not an administrator (generated user 1). */
  user: DcAccount;
}

export function dcAccount(id: DcIdentity): DcAccount {
  return { username: id.username, password: id.user.apiToken ?? "", pat: id.pat, userKey: id.userKey, displayName: id.user.displayName };
}

export function dcInfo(sim: SimState): DcInfo {
  const dc = sim.dc!;
  const all = dc.directory.all();
  const admin = all.find((i) => i.user.isAdmin)!;
  const user = all.find((i) => !i.user.isAdmin)!;
  return {
    baseUrl: sim.url + dc.config.contextPath,
    contextPath: dc.config.contextPath,
    version: versionString(dc.config.version),
    timeZone: dc.config.timeZone,
    anonymousAccess: dc.config.anonymousAccess,
    admin: dcAccount(admin),
    user: dcAccount(user),
  };
}
