import { z } from "zod";

/**
 * A Data Center base URL: http or https, any host, with the context path if the site has one
 * (`https://wiki.example.com/confluence`), as users see it in their browser. Stored as the
 * lowercased origin plus the path without a trailing slash. When the operator listed origins
 * (CONFLUENCE_DC_ORIGINS), only those are accepted; safe to import from client components.
 */
const EXAMPLE = "https://wiki.example.com/confluence";

export function dcBaseUrlSchema(allowedOrigins: readonly string[] = []) {
  const allowed = new Set(allowedOrigins.map((o) => o.trim().replace(/\/+$/, "").toLowerCase()).filter(Boolean));
  return z
    .string({ error: "Enter the base URL." })
    .trim()
    .min(1, `Enter the base URL, such as ${EXAMPLE}.`)
    .superRefine((value, ctx) => {
      const problem = (message: string) => ctx.addIssue({ code: "custom", message });
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return problem(`Enter a full URL, such as ${EXAMPLE}.`);
      }
      if (!/^https?:\/\//i.test(value)) return problem(`Use http:// or https://, such as ${EXAMPLE}.`);
      if (url.username || url.password) return problem("Remove the user name and password from the URL; they have their own fields.");
      if (url.search || value.includes("?")) return problem("Remove the query (the part from ?); enter only the base URL.");
      if (url.hash || value.includes("#")) return problem("Remove the # part; enter only the base URL.");
      if (/\/rest(\/|$)/i.test(url.pathname)) return problem("Enter the site's base URL, without /rest/api.");
      if (allowed.size > 0 && !allowed.has(url.origin.toLowerCase())) {
        problem(`This server connects only to the Data Center sites its operator listed (CONFLUENCE_DC_ORIGINS): ${[...allowed].join(", ")}.`);
      }
    })
    .transform((value) => {
      const url = new URL(value);
      return `${url.origin.toLowerCase()}${url.pathname.replace(/\/+$/, "")}`;
    });
}
