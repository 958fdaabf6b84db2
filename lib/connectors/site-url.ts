import { z } from "zod";

/**
 * The Confluence site URL rules, shared by the setup form and the server. `extraOrigins`
 * (from CONFLUENCE_EXTRA_SITE_ORIGINS) admits the simulator or a proxy besides *.atlassian.net.
 */
export function siteUrlSchema(extraOrigins: readonly string[] = []) {
  const extras = new Set(extraOrigins.map((o) => o.trim().replace(/\/+$/, "").toLowerCase()).filter(Boolean));
  return z
    .string({ error: "Enter the site URL." })
    .trim()
    .min(1, "Enter the site URL, such as https://your-team.atlassian.net.")
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: "custom", message: "Enter a full URL, such as https://your-team.atlassian.net." });
        return;
      }
      const origin = url.origin.toLowerCase();
      const isExtra = extras.has(origin);
      if (url.protocol !== "https:" && !isExtra) {
        ctx.addIssue({ code: "custom", message: "Use https:// (Confluence Cloud only answers over HTTPS)." });
        return;
      }
      if (url.search || url.hash || url.username || url.password) {
        ctx.addIssue({ code: "custom", message: "Enter only the site address, without a query, fragment or credentials." });
        return;
      }
      const path = value.slice(value.indexOf(url.host) + url.host.length);
      if (path === "/") {
        ctx.addIssue({ code: "custom", message: "Remove the trailing slash." });
        return;
      }
      if (path !== "") {
        ctx.addIssue({
          code: "custom",
          message: "Enter only the site address, without /wiki or any path (for example https://your-team.atlassian.net).",
        });
        return;
      }
      if (!isExtra && !/^[a-z0-9][a-z0-9-]*\.atlassian\.net$/i.test(url.hostname)) {
        ctx.addIssue({ code: "custom", message: "The host must be your-team.atlassian.net (Confluence Cloud)." });
      }
    })
    .transform((value) => new URL(value).origin);
}

/** Parses CONFLUENCE_EXTRA_SITE_ORIGINS (comma-separated origins). */
export function parseExtraOrigins(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
}
