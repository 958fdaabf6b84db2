import { z } from "zod";

/**
 * The Confluence site URL rules, shared by the setup form and the server; each rule has its own
 * message. `extraOrigins` (from CONFLUENCE_EXTRA_SITE_ORIGINS) admits the simulator or a proxy
 * besides *.atlassian.net, exactly as listed (scheme, host and port). The host may be typed in
 * any case; the stored value is the lowercased origin.
 */
const EXAMPLE = "https://your-team.atlassian.net";

/** What follows the authority as typed (path, query, fragment): URL() would hide a lone "/". */
function afterAuthority(value: string): string {
  return value.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*/i, "");
}

export function siteUrlSchema(extraOrigins: readonly string[] = []) {
  const extras = new Set(extraOrigins.map((o) => o.trim().replace(/\/+$/, "").toLowerCase()).filter(Boolean));
  return z
    .string({ error: "Enter the site URL." })
    .trim()
    .min(1, `Enter the site URL, such as ${EXAMPLE}.`)
    .superRefine((value, ctx) => {
      const problem = (message: string) => ctx.addIssue({ code: "custom", message });
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return problem(`Enter a full URL, such as ${EXAMPLE}.`);
      }
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return problem(`Enter a full URL, such as ${EXAMPLE}.`);
      const isExtra = extras.has(url.origin.toLowerCase());
      if (url.protocol !== "https:" && !isExtra) return problem("Use https:// (Confluence Cloud only answers over HTTPS).");
      if (url.username || url.password) return problem("Remove the user name and password from the URL; the email and API token have their own fields.");
      if (url.port && !isExtra) return problem(`Remove the port (:${url.port}); Confluence Cloud sites answer on the standard HTTPS port.`);
      const rest = afterAuthority(value);
      if (url.search || rest.includes("?")) return problem("Remove the query (the part from ?); enter only the site address.");
      if (url.hash || rest.includes("#")) return problem("Remove the # part; enter only the site address.");
      if (rest === "/") return problem("Remove the trailing slash.");
      if (rest !== "") return problem(`Enter only the site address, without /wiki or any path (for example ${EXAMPLE}).`);
      if (!isExtra && !/^[a-z0-9][a-z0-9-]*\.atlassian\.net$/.test(url.hostname)) problem("The host must be your-team.atlassian.net (Confluence Cloud).");
    })
    .transform((value) => new URL(value).origin.toLowerCase());
}

/** Parses CONFLUENCE_EXTRA_SITE_ORIGINS (comma-separated origins). */
export function parseExtraOrigins(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
}
