/** How a client authenticates and where its requests go: the site itself or the OAuth gateway. */

export interface BasicAuth {
  kind: "basic";
  email: string;
  apiToken: string;
}

export interface OAuthAuth {
  kind: "oauth";
  cloudId: string;
  /** api.atlassian.com, or the simulator's `${url}/api`. */
  apiBaseUrl?: string;
  /** The current access token (the app may refresh it ahead of expiry here). */
  getAccessToken(): Promise<string>;
  /** Called after a 401: refresh, persist and return the new access token. */
  refreshAccessToken(): Promise<string>;
}

/** Data Center: a personal access token, sent as `Authorization: Bearer`. */
export interface PersonalAccessTokenAuth {
  kind: "personal_access_token";
  token: string;
}

/** Data Center: a username and password, sent as HTTP Basic. */
export interface PasswordAuth {
  kind: "password";
  username: string;
  password: string;
}

export type ConfluenceAuth = BasicAuth | OAuthAuth | PersonalAccessTokenAuth | PasswordAuth;

/** Data Center sites are addressed by their base URL (with its context path), not by `/wiki` paths. */
export const isDataCenterAuth = (auth: ConfluenceAuth): auth is PersonalAccessTokenAuth | PasswordAuth =>
  auth.kind === "personal_access_token" || auth.kind === "password";

export const DEFAULT_API_BASE_URL = "https://api.atlassian.com";

export interface Credentials {
  /** Base URL that a `/wiki/...` site path is appended to. */
  readonly baseUrl: string;
  readonly canRefresh: boolean;
  /** The Authorization header, and the refresh generation it belongs to. */
  authorization(): Promise<{ header: string; generation: number }>;
  /** Refreshes once for all requests that failed with the token of `generation`. */
  refresh(generation: number): Promise<void>;
}

const trimSlash = (url: string) => url.replace(/\/+$/, "");

export function createCredentials(siteUrl: string, auth: ConfluenceAuth): Credentials {
  if (auth.kind !== "oauth") {
    const header =
      auth.kind === "personal_access_token"
        ? `Bearer ${auth.token}`
        : `Basic ${Buffer.from(auth.kind === "basic" ? `${auth.email}:${auth.apiToken}` : `${auth.username}:${auth.password}`).toString("base64")}`;
    return {
      baseUrl: trimSlash(siteUrl),
      canRefresh: false,
      authorization: async () => ({ header, generation: 0 }),
      refresh: async () => {},
    };
  }
  const base = `${trimSlash(auth.apiBaseUrl ?? DEFAULT_API_BASE_URL)}/ex/confluence/${encodeURIComponent(auth.cloudId)}`;
  // Refresh tokens rotate: two concurrent refreshes would burn the token, so a 401 wave
  // triggers exactly one refresh and every request of that wave retries with its result.
  let generation = 0;
  let refreshed: string | undefined;
  let refreshing: Promise<void> | undefined;
  return {
    baseUrl: base,
    canRefresh: true,
    async authorization() {
      if (refreshing) await refreshing;
      const gen = generation;
      const token = refreshed ?? (await auth.getAccessToken());
      return { header: `Bearer ${token}`, generation: gen };
    },
    async refresh(failedGeneration) {
      if (failedGeneration < generation) return;
      refreshing ??= auth
        .refreshAccessToken()
        .then((token) => {
          refreshed = token;
          generation++;
        })
        .finally(() => {
          refreshing = undefined;
        });
      await refreshing;
    },
  };
}
