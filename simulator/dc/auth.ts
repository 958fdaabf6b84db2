import type { IncomingMessage } from "node:http";
import { HttpError } from "../http/errors";
import type { AuthInfo } from "../http/router";
import type { SimState } from "../state";
import type { DcIdentity } from "./directory";

/**
 * Data Center sign-in on every request: a personal access token (`Authorization: Bearer`) or HTTP
 * Basic `username:password`. Wrong or unknown credentials are a 401, except on a site with
 * anonymous access on: there the request carries on as the anonymous user (200 with whatever
 * anonymous may see, `X-Seraph-LoginReason: AUTHENTICATED_FAILED`), which is why a client must
 * check `/rest/api/user/current` rather than trust a 200. `X-AUSERNAME` names who the server
 * thinks is calling, as Confluence does.
 */
export interface DcAuth {
  auth: AuthInfo;
  headers: Record<string, string>;
}

function who(sim: SimState, header: string): { kind: "basic" | "bearer"; id: DcIdentity } | null {
  const dir = sim.dc!.directory;
  const [scheme, value] = header.split(" ", 2);
  if (!value) return null;
  if (scheme.toLowerCase() === "bearer") {
    const id = dir.findPat(value.trim());
    return id ? { kind: "bearer", id } : null;
  }
  if (scheme.toLowerCase() !== "basic") return null;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const i = decoded.indexOf(":");
  if (i < 0) return null;
  const id = dir.findUsername(decoded.slice(0, i));
  return id && id.user.apiToken !== undefined && id.user.apiToken === decoded.slice(i + 1) ? { kind: "basic", id } : null;
}

/** Deactivated (and closed) accounts cannot sign in, with a password or a token. */
const active = (id: DcIdentity) => ((id.user as { accountStatus?: string }).accountStatus ?? "active") === "active";

export function dcAuth(sim: SimState, req: IncomingMessage, isPublic: boolean): DcAuth {
  const anonymousAccess = sim.dc!.config.anonymousAccess;
  const header = req.headers.authorization;
  const anonymous: AuthInfo = { kind: "anonymous", user: null, scopes: null };
  if (!header) {
    if (!anonymousAccess && !isPublic) throw new HttpError(401, "Authentication is required to use this resource", { "X-AUSERNAME": "anonymous" });
    return { auth: anonymous, headers: { "X-AUSERNAME": "anonymous" } };
  }
  const found = who(sim, header);
  if (found && active(found.id)) return { auth: { kind: found.kind, user: found.id.user, scopes: null }, headers: { "X-AUSERNAME": found.id.username } };
  const failed = { "X-AUSERNAME": "anonymous", "X-Seraph-LoginReason": "AUTHENTICATED_FAILED" };
  if (!anonymousAccess)
    throw new HttpError(401, "Basic authentication or personal access token failed", { ...failed, "WWW-Authenticate": 'Basic realm="Protected"' });
  return { auth: anonymous, headers: failed };
}
