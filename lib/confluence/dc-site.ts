import type { CallOptions, ConfluenceClient } from "./client";
import { ConfluenceError, ForbiddenError, NotFoundError, ResponseShapeError, UnauthorizedError } from "./errors";
import { ZDcCurrentUser, ZDcList, ZDcManifest, ZDcSystemInfo } from "./schemas-dc";

/** What a Data Center server is: its version decides the endpoints; CQL dates are read in its time zone. */
export interface DcSiteInfo {
  version: string | null;
  timeZone: string | null;
}

/** The endpoints a version has (Atlassian's REST docs; simulator/README.md lists the same table). */
export interface DcFeatures {
  /** `/content/scan` for pages (7.18). */
  scanPages: boolean;
  /** `/content/scan?type=blogpost|comment` (8.3). */
  scanBlogPosts: boolean;
  /** `/content/{id}/restriction/relevantViewRestrictions` (9.0). */
  relevantViewRestrictions: boolean;
  /** `/space/{key}/permissions`, administrators only (9.1). */
  spacePermissions: boolean;
}

const at = (version: string | null, major: number, minor: number) => {
  const [a = 0, b = 0] = (version ?? "").split(".").map((n) => Number.parseInt(n, 10) || 0);
  return a > major || (a === major && b >= minor);
};

/** An unknown version gets the oldest walk: slower, but every server has it. */
export function dcFeatures(version: string | null): DcFeatures {
  return {
    scanPages: at(version, 7, 18),
    scanBlogPosts: at(version, 8, 3),
    relevantViewRestrictions: at(version, 9, 0),
    spacePermissions: at(version, 9, 1),
  };
}

const optional = async <T>(read: () => Promise<T>): Promise<T | null> => {
  try {
    return await read();
  } catch (err) {
    if (err instanceof UnauthorizedError) throw err;
    if (err instanceof ConfluenceError) return null;
    throw err;
  }
};

/** The version (applinks manifest, readable by anyone) and time zone (system info, where the account may read it). */
export async function readDcSiteInfo(client: ConfluenceClient, call: CallOptions = {}): Promise<DcSiteInfo> {
  const manifest = await optional(() => client.getJson("/rest/applinks/1.0/manifest", { ...call, schema: ZDcManifest }));
  const system = await optional(() => client.getJson("/rest/api/settings/systemInfo", { ...call, schema: ZDcSystemInfo }));
  const timeZone = system?.defaultTimeZone && isTimeZone(system.defaultTimeZone) ? system.defaultTimeZone : null;
  return { version: manifest?.version ?? system?.version ?? null, timeZone };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type DcCredentialCheck = { ok: true; username: string | null; site: DcSiteInfo } | { ok: false; problem: "anonymous" | "no_space" };

const QUICK = { maxRetries: 1, maxRateLimitRetries: 1, requestTimeoutMs: 15_000 };

/**
 * Proves a Data Center site answers, took the credentials (a site with anonymous access answers
 * 200 to wrong ones, so the current user is asked), and lets the account list a space.
 */
export async function verifyDcCredentials(client: ConfluenceClient, options: { signal?: AbortSignal } = {}): Promise<DcCredentialCheck> {
  const call = { retry: QUICK, signal: options.signal };
  const route = "GET /rest/api/user/current";
  let user;
  try {
    user = await client.getJson("/rest/api/user/current", { ...call, schema: ZDcCurrentUser });
  } catch (error) {
    const what = client.authKind === "password" ? "the username or password" : "the personal access token";
    if (error instanceof UnauthorizedError) throw new UnauthorizedError(`Confluence rejected ${what}.`, { status: 401, route, cause: error });
    if (error instanceof ForbiddenError)
      throw new ForbiddenError(`Confluence accepted ${what} but denies this account the REST API.`, { status: 403, route, cause: error });
    if (error instanceof NotFoundError || error instanceof ResponseShapeError)
      throw new NotFoundError(`No Confluence Data Center site answers at ${client.siteUrl}.`, { status: error.status, route, cause: error });
    throw error;
  }
  if (user.type === "anonymous" || (!user.userKey && !user.username)) return { ok: false, problem: "anonymous" };
  const spaces = await client.getJson("/rest/api/space", { ...call, query: { limit: 1 }, schema: ZDcList });
  if (spaces.results.length === 0) return { ok: false, problem: "no_space" };
  return { ok: true, username: user.username ?? null, site: await readDcSiteInfo(client, call) };
}
