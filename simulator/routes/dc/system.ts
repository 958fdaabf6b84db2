import { hasFeature, versionString, type DcConfig } from "../../dc/config";
import { HttpError } from "../../http/errors";
import type { Ctx, Reply } from "../../http/router";
import { attachmentBytes } from "../v2/serialize";
import { dcRoute, type DcRouteDef } from "./common";
import { baseUrl, dc } from "./people-json";

/** Version discovery (applinks manifest, server information, system info with the time zone) and attachment downloads. */
export function buildNumber(c: DcConfig): number {
  const [a, b, p] = c.version;
  return a * 10_000 + b * 100 + p;
}

function manifest(ctx: Ctx): Reply {
  const c = dc(ctx.sim).config;
  const m = {
    id: `${ctx.sim.cloudId}`,
    name: ctx.sim.siteName,
    typeId: "confluence",
    version: versionString(c.version),
    buildNumber: buildNumber(c),
    applinksVersion: hasFeature(c, "serverInformation") ? "10.0.6" : "9.0.12",
    inboundAuthenticationTypes: ["com.atlassian.applinks.api.auth.types.OAuthAuthenticationProvider"],
    outboundAuthenticationTypes: ["com.atlassian.applinks.api.auth.types.OAuthAuthenticationProvider"],
    publicSignup: false,
    url: baseUrl(ctx.sim),
    iconUrl: `${baseUrl(ctx.sim)}/images/icons/favicon.png`,
  };
  if (String(ctx.req.headers.accept ?? "").includes("application/json")) return { json: m };
  const xml = (k: string, v: unknown) => (Array.isArray(v) ? v.map((x) => `<${k}>${x}</${k}>`).join("") : `<${k}>${String(v)}</${k}>`);
  const body = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><manifest>${Object.entries(m)
    .map(([k, v]) => xml(k, v))
    .join("")}</manifest>`;
  return { bytes: new TextEncoder().encode(body), contentType: "application/xml" };
}

export const dcSystemRoutes: DcRouteDef[] = [
  dcRoute("GET", "/rest/applinks/1.0/manifest", manifest, { public: true }),
  dcRoute(
    "GET",
    "/rest/api/server-information",
    (ctx) => {
      const c = dc(ctx.sim).config;
      return {
        json: {
          baseUrl: baseUrl(ctx.sim),
          version: versionString(c.version),
          buildNumber: buildNumber(c),
          marketplaceBuildNumber: buildNumber(c),
          buildDate: "2024-12-03T00:00:00.000Z",
        },
      };
    },
    { since: "serverInformation", public: true },
  ),
  dcRoute("GET", "/rest/api/settings/systemInfo", (ctx) => {
    const c = dc(ctx.sim).config;
    return {
      json: {
        baseUrl: baseUrl(ctx.sim),
        version: versionString(c.version),
        buildNumber: buildNumber(c),
        defaultTimeZone: c.timeZone,
        defaultLocale: "en_GB",
        siteTitle: ctx.sim.siteName,
      },
    };
  }),
  dcRoute("GET", "/download/attachments/{containerId}/{fileName}", (ctx) => {
    const list = ctx.sim.store.attachmentsByContainer.get(Number(ctx.params.containerId)) ?? [];
    const a = list.find((x) => x.fileName === ctx.params.fileName);
    if (!a || a.status !== "current" || !ctx.access.canReadContainer(a.containerId)) throw new HttpError(404, "Attachment not found");
    const bytes = attachmentBytes(ctx.sim.store, a);
    return { bytes, contentType: a.mediaType, headers: { "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}` }, points: 1 };
  }),
];
