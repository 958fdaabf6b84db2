import type { IncomingMessage } from "node:http";
import type { SimState } from "../state";
import type { User } from "../store/types";
import { HttpError } from "./errors";
import type { AuthInfo } from "./router";

/** Deactivated and closed accounts cannot sign in. */
const isActive = (u: User) => (u.accountStatus ?? "active") === "active";

/** Site auth: HTTP Basic email:api_token, or anonymous. Bearer tokens only work through the gateway. */
export function siteAuth(sim: SimState, req: IncomingMessage): AuthInfo {
  const header = req.headers.authorization;
  if (!header) return { kind: "anonymous", user: null, scopes: null };
  const [scheme, value] = header.split(" ", 2);
  if (scheme?.toLowerCase() !== "basic" || !value) throw new HttpError(401, "Unauthorized");
  const decoded = Buffer.from(value, "base64").toString("utf8");
  const i = decoded.indexOf(":");
  const email = decoded.slice(0, i).toLowerCase();
  const token = decoded.slice(i + 1);
  const user = sim.store.userByEmail.get(email);
  if (i < 0 || !user || !user.apiToken || user.apiToken !== token || !isActive(user)) throw new HttpError(401, "Unauthorized");
  return { kind: "basic", user, scopes: null };
}

/** Gateway auth: a Bearer access token granted for this cloud id. */
export function gatewayAuth(sim: SimState, req: IncomingMessage, cloudId: string): AuthInfo {
  const header = req.headers.authorization ?? "";
  const m = /^Bearer (.+)$/i.exec(header);
  if (!m) throw new HttpError(401, "Unauthorized");
  const t = sim.oauth.lookup(m[1]);
  if (!t || t.cloudId !== cloudId) throw new HttpError(401, "Unauthorized");
  const user = sim.store.users.get(t.accountId);
  if (!user || !isActive(user)) throw new HttpError(401, "Unauthorized");
  return { kind: "bearer", user, scopes: new Set(t.scopes) };
}
