import type { IncomingMessage } from "node:http";
import type { Access } from "../store/access";
import type { User } from "../store/types";
import type { SimState } from "../state";
import type { ApiFlavor } from "./errors";

export interface ScopeReq {
  classic: string[];
  granular: string[];
}

export interface AuthInfo {
  kind: "basic" | "bearer" | "anonymous";
  user: User | null;
  scopes: Set<string> | null;
}

export interface Ctx {
  sim: SimState;
  req: IncomingMessage;
  method: string;
  /** Path relative to the site root, e.g. /wiki/api/v2/pages. */
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  access: Access;
  auth: AuthInfo;
  body: unknown;
}

export interface Reply {
  status?: number;
  json?: unknown;
  bytes?: Uint8Array;
  html?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Quota points beyond the 1 per request. */
  points?: number;
}

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface RouteDef {
  method: string;
  pattern: string;
  flavor: ApiFlavor;
  scopes?: ScopeReq;
  handler: Handler;
}

interface Compiled extends RouteDef {
  re: RegExp;
  names: string[];
}

export class Router {
  private routes: Compiled[] = [];

  add(def: RouteDef): void {
    const names: string[] = [];
    const re = new RegExp(
      "^" +
        def.pattern.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{([^}]+)\}/g, (_m, n: string) => {
          names.push(n);
          return "([^/]+)";
        }) +
        "/?$",
    );
    this.routes.push({ ...def, re, names });
  }

  addAll(defs: RouteDef[]): void {
    for (const d of defs) this.add(d);
  }

  match(method: string, path: string): { route: Compiled; params: Record<string, string> } | { allowed: string[] } | null {
    const allowed: string[] = [];
    for (const r of this.routes) {
      const m = r.re.exec(path);
      if (!m) continue;
      if (r.method !== method) {
        allowed.push(r.method);
        continue;
      }
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      return { route: r, params };
    }
    return allowed.length ? { allowed } : null;
  }

  list(): RouteDef[] {
    return this.routes;
  }
}

export function hasScopes(granted: Set<string> | null, req: ScopeReq | undefined): boolean {
  if (!req || granted === null) return true;
  const all = (list: string[]) => list.length > 0 && list.every((s) => granted.has(s));
  return all(req.classic) || all(req.granular);
}
