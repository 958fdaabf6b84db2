import { serverEnv } from "../env";
import { parseExtraOrigins } from "./site-url";

/** Connector settings derived from the environment, for the server and for the setup form. */
export function connectorSettings() {
  const env = serverEnv();
  return {
    extraSiteOrigins: parseExtraOrigins(env.CONFLUENCE_EXTRA_SITE_ORIGINS),
    dcOrigins: parseExtraOrigins(env.CONFLUENCE_DC_ORIGINS),
    oauthRedirectUrl: new URL("/api/oauth/callback", env.NEXTAUTH_URL).toString(),
    authBaseUrl: env.ATLASSIAN_AUTH_URL.replace(/\/+$/, ""),
    apiBaseUrl: env.ATLASSIAN_API_URL.replace(/\/+$/, ""),
  };
}
