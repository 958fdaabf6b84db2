import { randomBytes } from "node:crypto";

/** OAuth 2.0 (3LO) apps, authorization codes, access and rotating refresh tokens. */
export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  callbackUrl: string;
  name: string;
}

export interface Grant {
  clientId: string;
  accountId: string;
  cloudId: string;
  scopes: string[];
}

interface Code extends Grant {
  redirectUri: string;
  expiresAt: number;
}

interface AccessToken extends Grant {
  expiresAt: number;
}

export interface Site {
  id: string;
  url: string;
  name: string;
}

const token = (prefix: string) => `${prefix}${randomBytes(24).toString("base64url")}`;

export class OAuthState {
  apps = new Map<string, OAuthApp>();
  codes = new Map<string, Code>();
  access = new Map<string, AccessToken>();
  refresh = new Map<string, Grant>();
  /** Refresh tokens already rotated away; presenting one again is `invalid_grant`. */
  usedRefresh = new Set<string>();
  /** Sites granted per client+account, for accessible-resources. */
  tokenTtlSeconds: number;
  decoy: Site | null = null;

  constructor(ttl: number) {
    this.tokenTtlSeconds = ttl;
  }

  registerApp(input: Partial<OAuthApp> & { callbackUrl: string }): OAuthApp {
    const app: OAuthApp = {
      clientId: input.clientId ?? randomBytes(16).toString("hex"),
      clientSecret: input.clientSecret ?? randomBytes(24).toString("base64url"),
      callbackUrl: input.callbackUrl,
      name: input.name ?? "Connector",
    };
    this.apps.set(app.clientId, app);
    return app;
  }

  issueCode(grant: Grant, redirectUri: string): string {
    const code = token("code-");
    this.codes.set(code, { ...grant, redirectUri, expiresAt: Date.now() + 600_000 });
    return code;
  }

  takeCode(code: string): (Grant & { redirectUri: string }) | null {
    const c = this.codes.get(code);
    this.codes.delete(code);
    if (!c || c.expiresAt < Date.now()) return null;
    return c;
  }

  issueTokens(grant: Grant): { access_token: string; refresh_token?: string; expires_in: number; scope: string; token_type: "Bearer" } {
    const access_token = token("at-");
    this.access.set(access_token, { ...grant, expiresAt: Date.now() + this.tokenTtlSeconds * 1000 });
    let refresh_token: string | undefined;
    if (grant.scopes.includes("offline_access")) {
      refresh_token = token("rt-");
      this.refresh.set(refresh_token, grant);
    }
    return { access_token, ...(refresh_token ? { refresh_token } : {}), expires_in: this.tokenTtlSeconds, scope: grant.scopes.join(" "), token_type: "Bearer" };
  }

  rotate(refreshToken: string): Grant | null {
    const g = this.refresh.get(refreshToken);
    if (!g) return null;
    this.refresh.delete(refreshToken);
    this.usedRefresh.add(refreshToken);
    return g;
  }

  lookup(accessToken: string): AccessToken | null {
    const t = this.access.get(accessToken);
    if (!t) return null;
    if (t.expiresAt <= Date.now()) {
      this.access.delete(accessToken);
      return null;
    }
    return t;
  }

  /** Revoke every token of a client (or all) - used by tests to simulate consent removal. */
  revokeAll(clientId?: string): void {
    for (const m of [this.access, this.refresh] as Map<string, Grant>[])
      for (const [k, g] of m) if (!clientId || g.clientId === clientId) m.delete(k);
  }
}
