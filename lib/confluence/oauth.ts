import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { DEFAULT_API_BASE_URL } from "./auth";
import { ConfluenceError, InvalidGrantError, OAuthRequestError, UnauthorizedError, UpstreamUnavailableError, upstreamMessageOf } from "./errors";
import { parseJsonBody, parseWithSchema } from "./parse-response";
import { CONFLUENCE_OAUTH_SCOPES } from "./oauth-scopes";
import { sendAttempt } from "./transport";

/**
 * OAuth 2.0 (3LO) protocol calls to auth.atlassian.com and api.atlassian.com; no storage here.
 * Token calls are not retried: codes are single-use and refresh tokens rotate, so a retry after
 * an ambiguous failure would burn the grant.
 */
export const DEFAULT_AUTH_BASE_URL = "https://auth.atlassian.com";
const TIMEOUT_MS = 30_000;
const TOKEN_ROUTE = "POST /oauth/token";

export { InvalidGrantError, OAuthRequestError };

export interface OAuthTokens {
  accessToken: string;
  /** Absent when Atlassian answered a refresh without one: keep using the previous refresh token. */
  refreshToken?: string;
  expiresAt: Date;
  scope: string[];
}

const ZTokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive(),
  scope: z.string().default(""),
});

/** PKCE (RFC 7636, S256): the verifier stays with us, the challenge goes in the authorize URL. */
export function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** Atlassian's endpoints are trusted to be local only when an operator pointed them elsewhere (the simulator). */
const trustedIfMoved = (base: string, fallback: string) => (new URL(base).origin === new URL(fallback).origin ? [] : [new URL(base).origin]);

const ZAccessibleResources = z.array(
  z.object({ id: z.string().min(1), url: z.string().min(1), name: z.string(), scopes: z.array(z.string()), avatarUrl: z.string().nullish() }),
);
export type AccessibleResource = z.output<typeof ZAccessibleResources>[number];

const trimSlash = (url: string) => url.replace(/\/+$/, "");

export function buildAuthorizeUrl(input: {
  authBaseUrl?: string;
  clientId: string;
  redirectUri: string;
  state: string;
  /** The S256 challenge of the verifier kept with the state. */
  codeChallenge: string;
  scopes?: readonly string[];
}): string {
  const url = new URL(`${trimSlash(input.authBaseUrl ?? DEFAULT_AUTH_BASE_URL)}/authorize`);
  url.searchParams.set("audience", "api.atlassian.com");
  url.searchParams.set("client_id", input.clientId);
  url.searchParams.set("scope", (input.scopes ?? CONFLUENCE_OAUTH_SCOPES).join(" "));
  url.searchParams.set("redirect_uri", input.redirectUri);
  url.searchParams.set("state", input.state);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("prompt", "consent");
  url.searchParams.set("code_challenge", input.codeChallenge);
  url.searchParams.set("code_challenge_method", "S256");
  return url.toString();
}

async function postToken(authBaseUrl: string | undefined, payload: Record<string, string>, now: number): Promise<OAuthTokens> {
  const base = trimSlash(authBaseUrl ?? DEFAULT_AUTH_BASE_URL);
  // No redirectOrigins: a redirect would carry the client secret and the refresh token elsewhere.
  const { response, text } = await sendAttempt({
    url: `${base}/oauth/token`,
    trustedOrigins: trustedIfMoved(base, DEFAULT_AUTH_BASE_URL),
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(payload),
    route: TOKEN_ROUTE,
    timeoutMs: TIMEOUT_MS,
    readBody: true,
  });
  const options = { status: response.status, route: TOKEN_ROUTE };
  if (!response.ok) {
    let body: unknown;
    try {
      body = JSON.parse(text ?? "");
    } catch {
      body = undefined;
    }
    const code = body && typeof body === "object" ? (body as { error?: unknown }).error : undefined;
    const said = upstreamMessageOf(body);
    if (code === "invalid_grant")
      throw new InvalidGrantError(`Atlassian no longer accepts this authorization${said ? `: ${said}` : ""}; connect again.`, options);
    if (response.status >= 500) throw new UpstreamUnavailableError(`Atlassian's sign-in service is unavailable (${response.status})`, options);
    const what = typeof code === "string" ? code : `status ${response.status}`;
    throw new OAuthRequestError(
      `Atlassian refused the token request (${what})${said ? `: ${said}` : ""}`,
      options,
      typeof code === "string" ? code : undefined,
    );
  }
  const data = parseWithSchema(ZTokenResponse, parseJsonBody(text ?? "", TOKEN_ROUTE, response.status), TOKEN_ROUTE, response.status);
  return {
    accessToken: data.access_token,
    refreshToken: data.refresh_token,
    expiresAt: new Date(now + data.expires_in * 1000),
    scope: data.scope.split(/\s+/).filter(Boolean),
  };
}

interface CodeExchange {
  authBaseUrl?: string;
  clientId: string;
  clientSecret: string;
  code: string;
  redirectUri: string;
  /** The PKCE verifier whose challenge went into the authorize URL. */
  codeVerifier?: string;
}

/** The code for tokens, with or without a refresh token (Link my Atlassian account needs none). */
export function exchangeCodeOnce(input: CodeExchange): Promise<OAuthTokens> {
  return postToken(
    input.authBaseUrl,
    {
      grant_type: "authorization_code",
      client_id: input.clientId,
      client_secret: input.clientSecret,
      code: input.code,
      redirect_uri: input.redirectUri,
      ...(input.codeVerifier ? { code_verifier: input.codeVerifier } : {}),
    },
    Date.now(),
  );
}

/** The code for a connector's tokens: without a refresh token the connector would stop within the hour. */
export async function exchangeCode(input: CodeExchange): Promise<OAuthTokens & { refreshToken: string }> {
  const tokens = await exchangeCodeOnce(input);
  if (!tokens.refreshToken) {
    throw new OAuthRequestError(
      "Atlassian issued no refresh token: the app must be allowed the offline_access scope.",
      { status: 200, route: TOKEN_ROUTE },
      undefined,
    );
  }
  return { ...tokens, refreshToken: tokens.refreshToken };
}

export function refreshTokens(input: { authBaseUrl?: string; clientId: string; clientSecret: string; refreshToken: string }): Promise<OAuthTokens> {
  return postToken(
    input.authBaseUrl,
    { grant_type: "refresh_token", client_id: input.clientId, client_secret: input.clientSecret, refresh_token: input.refreshToken },
    Date.now(),
  );
}

/** A GET on Atlassian's API gateway with a user's access token (accessible resources, `/me`). */
async function getGatewayJson<T extends z.ZodType>(input: { apiBaseUrl?: string; accessToken: string }, path: string, schema: T): Promise<z.infer<T>> {
  const route = `GET ${path}`;
  const base = trimSlash(input.apiBaseUrl ?? DEFAULT_API_BASE_URL);
  const { response, text } = await sendAttempt({
    url: `${base}${path}`,
    trustedOrigins: trustedIfMoved(base, DEFAULT_API_BASE_URL),
    method: "GET",
    headers: { Authorization: `Bearer ${input.accessToken}`, Accept: "application/json" },
    route,
    timeoutMs: TIMEOUT_MS,
    readBody: true,
  });
  const options = { status: response.status, route };
  if (response.status === 401) throw new UnauthorizedError("Atlassian rejected the access token", options);
  if (response.status >= 500) throw new UpstreamUnavailableError(`Atlassian's API is unavailable (${response.status})`, options);
  if (!response.ok) throw new ConfluenceError(`Atlassian answered ${response.status} for ${route}`, options);
  return parseWithSchema(schema, parseJsonBody(text ?? "", route, response.status), route, response.status);
}

/** The sites this token may reach; the connector picks its cloud id from here. */
export function fetchAccessibleResources(input: { apiBaseUrl?: string; accessToken: string }): Promise<AccessibleResource[]> {
  return getGatewayJson(input, "/oauth/token/accessible-resources", ZAccessibleResources);
}

const ZMyAccount = z.object({ account_id: z.string().min(1), email: z.string().nullish(), name: z.string().nullish() });

/** Whoever consented: their Atlassian account id (Link my Atlassian account), from `GET /me` (scope `read:me`). */
export async function fetchMyAccount(input: { apiBaseUrl?: string; accessToken: string }): Promise<{ accountId: string; name: string | null }> {
  const me = await getGatewayJson(input, "/me", ZMyAccount);
  return { accountId: me.account_id, name: me.name ?? null };
}
