import { createShapeFaults } from "./limits/shape-faults";
import type { AddressInfo } from "node:net";
import { dcInfo, type DcInfo } from "./dc/info";
import type { DcOptions } from "./dc/config";
import { createDcState } from "./dc/state";
import { generateSite } from "./generate/generate";
import { Limits, type Faults } from "./limits/limits";
import { OAuthState, type OAuthApp, type Site } from "./oauth/state";
import { createSimServer } from "./server";
import type { SimState } from "./state";
import type { Store } from "./store/store";

/** Public entry point: start a Confluence Cloud (default) or Data Center simulator in-process. */
export interface SimulatorOptions {
  /** "cloud" (default) serves Cloud's v2/v1 APIs and OAuth; "datacenter" serves the Data Center REST API under a context path. */
  flavor?: "cloud" | "datacenter";
  /** Data Center settings (version, context path, anonymous access, time zone, rate limit); used with flavor "datacenter". */
  datacenter?: DcOptions;
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  seed?: number;
  spaces?: number;
  pages?: number;
  blogPosts?: number;
  users?: number;
  adminEmail?: string;
  adminToken?: string;
  /** OAuth access-token lifetime; default 3600 s. */
  tokenTtlSeconds?: number;
  /** Where auth.atlassian.com lives on this server; default "/auth". */
  authPrefix?: string;
  /** Where api.atlassian.com lives on this server; default "/api". */
  apiPrefix?: string;
  cloudId?: string;
  siteName?: string;
  /** Offer a second, decoy site (different cloud id and URL) in the OAuth site picker. */
  decoySite?: boolean;
  latencyMs?: number;
  /** Initial faults (also settable at runtime with PUT /__admin/faults). */
  faults?: Partial<Faults>;
  /** Per-second burst limit for API-token traffic; default 100. */
  burstPerSecond?: number;
  /** Points quota for OAuth traffic; disabled unless given. */
  quota?: { points: number; windowSeconds?: number };
}

export interface Simulator {
  flavor: "cloud" | "datacenter";
  url: string;
  /** Data Center flavour only: base URL with context path, version, time zone and sign-in details. */
  dc: DcInfo | null;
  cloudId: string;
  siteName: string;
  authUrl: string;
  apiUrl: string;
  admin: { email: string; apiToken: string; accountId: string };
  store: Store;
  state: SimState;
  /** Generation time in milliseconds. */
  generationMs: number;
  /** Register an OAuth app (same as POST /__admin/oauth/apps). */
  registerApp(input: { callbackUrl: string; clientId?: string; clientSecret?: string; name?: string }): OAuthApp;
  /** Mint OAuth tokens without the browser flow (defaults: the admin, this site). */
  issueTokens(input: { scopes: string[]; accountId?: string; clientId?: string; cloudId?: string }): ReturnType<OAuthState["issueTokens"]>;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const seed = options.seed ?? 42;
  const t0 = performance.now();
  const store = generateSite({
    seed,
    spaces: options.spaces ?? 5,
    pages: options.pages ?? 200,
    blogPosts: options.blogPosts,
    users: options.users,
    adminEmail: options.adminEmail,
    adminToken: options.adminToken,
  });
  const generationMs = performance.now() - t0;
  const cloudId = options.cloudId ?? "a1b2c3d4-0000-4000-8000-00000000c10d";
  const siteName = options.siteName ?? "simulated-site";
  const oauth = new OAuthState(options.tokenTtlSeconds ?? 3600);
  if (options.decoySite) oauth.decoy = { id: "decoy-cloud-0000-0000-000000000000", url: "https://other-site.atlassian.net", name: "other-site" };
  const limits = new Limits(seed);
  Object.assign(limits.faults, options.faults ?? {});
  if (options.latencyMs !== undefined) limits.faults.latencyMs = options.latencyMs;
  if (options.burstPerSecond !== undefined) limits.burst.perSecond = options.burstPerSecond;
  if (options.quota) limits.quota = { enabled: true, points: options.quota.points, windowSeconds: options.quota.windowSeconds ?? 3600 };
  const state: SimState = {
    store,
    url: "",
    cloudId,
    siteName,
    authPrefix: options.authPrefix ?? "/auth",
    apiPrefix: options.apiPrefix ?? "/api",
    oauth,
    limits,
    stats: new Map(),
    bodiesServed: new Map(),
    restrictionFaults: new Map(),
    shapeFaults: createShapeFaults(),
    site: (): Site => ({ id: cloudId, url: state.url, name: siteName }),
    dc: options.flavor === "datacenter" ? createDcState(store, options.datacenter) : null,
  };
  const server = createSimServer(state);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  state.url = `http://${host}:${port}`;
  const admin = store.adminUser();
  return {
    flavor: state.dc ? "datacenter" : "cloud",
    url: state.url,
    dc: state.dc ? dcInfo(state) : null,
    cloudId,
    siteName,
    authUrl: state.url + state.authPrefix,
    apiUrl: state.url + state.apiPrefix,
    admin: { email: admin.email, apiToken: admin.apiToken!, accountId: admin.accountId },
    store,
    state,
    generationMs,
    registerApp: (input) => oauth.registerApp(input),
    issueTokens: (input) =>
      oauth.issueTokens({
        clientId: input.clientId ?? "sim-test-client",
        accountId: input.accountId ?? admin.accountId,
        cloudId: input.cloudId ?? cloudId,
        scopes: input.scopes,
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
