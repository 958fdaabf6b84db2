import { createHash, randomBytes } from "node:crypto";

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

/** PKCE (RFC 7636) as sent to /authorize: the code's token request must prove the verifier. */
export interface CodeChallenge {
  challenge: string;
  method: "S256" | "plain";
}

interface Code extends Grant {
  redirectUri: string;
  expiresAt: number;
  pkce?: CodeChallenge;
}

/** Tokens descend from one authorization (a family); reuse outside the leeway revokes them all. */
interface FamilyGrant extends Grant {
  family: string;
}

interface AccessToken extends FamilyGrant {
  expiresAt: number;
}

interface RotatedRefresh extends FamilyGrant {
  rotatedAt: number;
}

export type RotateResult = { ok: true; grant: FamilyGrant; reused: boolean } | { ok: false; reason: "unknown" | "reused_outside_leeway" };

export function pkceMatches(pkce: CodeChallenge, verifier: string | undefined): boolean {
  if (!verifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const derived = pkce.method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  return derived === pkce.challenge;
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
  refresh = new Map<string, FamilyGrant>();
  /**
   * Refresh tokens already rotated away. As at Atlassian (Auth0's rotation), one may be used
   * again within the leeway (10 minutes) and yields a new pair; later, the reuse revokes the
   * whole family and the user must consent again.
   */
  rotated = new Map<string, RotatedRefresh>();
  refreshLeewaySeconds = 600;
  /** Successful refresh_token grants, for tests that count refreshes. */
  refreshes = 0;
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

  issueCode(grant: Grant, redirectUri: string, pkce?: CodeChallenge): string {
    const code = token("code-");
    this.codes.set(code, { ...grant, redirectUri, expiresAt: Date.now() + 600_000, pkce });
    return code;
  }

  takeCode(code: string): Code | null {
    const c = this.codes.get(code);
    this.codes.delete(code);
    if (!c || c.expiresAt < Date.now()) return null;
    return c;
  }

  /** A new pair; without `family` (a code exchange or a test's shortcut) a new family starts. */
  issueTokens(grant: Grant & { family?: string }): { access_token: string; refresh_token?: string; expires_in: number; scope: string; token_type: "Bearer" } {
    const { clientId, accountId, cloudId, scopes } = grant;
    const owned: FamilyGrant = { clientId, accountId, cloudId, scopes, family: grant.family ?? token("fam-") };
    const access_token = token("at-");
    this.access.set(access_token, { ...owned, expiresAt: Date.now() + this.tokenTtlSeconds * 1000 });
    let refresh_token: string | undefined;
    if (grant.scopes.includes("offline_access")) {
      refresh_token = token("rt-");
      this.refresh.set(refresh_token, owned);
    }
    return { access_token, ...(refresh_token ? { refresh_token } : {}), expires_in: this.tokenTtlSeconds, scope: grant.scopes.join(" "), token_type: "Bearer" };
  }

  /** Spends a refresh token: the live one, or a rotated one within the leeway. */
  rotate(refreshToken: string, now = Date.now()): RotateResult {
    const live = this.refresh.get(refreshToken);
    if (live) {
      this.refresh.delete(refreshToken);
      this.rotated.set(refreshToken, { ...live, rotatedAt: now });
      return { ok: true, grant: live, reused: false };
    }
    const old = this.rotated.get(refreshToken);
    if (!old) return { ok: false, reason: "unknown" };
    if (now - old.rotatedAt <= this.refreshLeewaySeconds * 1000) return { ok: true, grant: old, reused: true };
    this.revokeFamily(old.family);
    return { ok: false, reason: "reused_outside_leeway" };
  }

  revokeFamily(family: string): void {
    for (const m of [this.access, this.refresh, this.rotated] as Map<string, FamilyGrant>[]) for (const [k, g] of m) if (g.family === family) m.delete(k);
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
    for (const m of [this.access, this.refresh, this.rotated] as Map<string, Grant>[])
      for (const [k, g] of m) if (!clientId || g.clientId === clientId) m.delete(k);
  }
}
