import { z } from "zod";
import { ZConnectorAccess } from "../audiences/schemas";
import { ZConnectorConfig } from "./config-schema";
import { dcBaseUrlSchema } from "./dc-base-url";
import { siteUrlSchema } from "./site-url";

/**
 * Create and edit inputs for a connector, shared by the setup drawer and the API.
 * Every text field is trimmed. Safe to import from client components.
 */

const ZName = z.string().trim().min(1, "Give the connector a name.").max(100, "Keep the name under 100 characters.");
const ZEmail = z
  .string()
  .trim()
  .min(1, "Enter the email of the Atlassian account.")
  .pipe(z.email({ error: "Enter a valid email address." }));
const ZApiToken = z.string().trim().min(1, "Enter the API token.").max(4096, "That token is too long.");
const ZPersonalAccessToken = z.string().trim().min(1, "Enter the personal access token.").max(4096, "That token is too long.");
const ZUsername = z.string().trim().min(1, "Enter the username.").max(255, "That username is too long.");
// Passwords are taken as typed: a space may be part of one.
const ZPassword = z.string().min(1, "Enter the password.").max(4096, "That password is too long.");
const ZCloud = z
  .literal("cloud", {
    error: "API tokens and OAuth 2.0 are for Confluence Cloud; a Data Center site takes a personal access token or a username and password.",
  })
  .default("cloud");
const ZDataCenter = z.literal("datacenter", { error: 'Set deployment to "datacenter": personal access tokens and passwords are for Confluence Data Center.' });
const ZClientId = z.string().trim().min(1, "Enter the Client ID.").max(256, "That Client ID is too long.");
const ZClientSecret = z.string().trim().min(1, "Enter the Client Secret.").max(1024, "That Client Secret is too long.");

/** A listed CONFLUENCE_DC_ORIGINS narrows Data Center sites to those (and the extra origins, such as the simulator). */
export const dcBaseUrlFor = (extraOrigins: readonly string[], dcOrigins: readonly string[]) =>
  dcBaseUrlSchema(dcOrigins.length ? [...dcOrigins, ...extraOrigins] : []);

/**
 * `deployment` says which kind of site: Confluence Cloud (an API token, or OAuth 2.0) or Data
 * Center (a personal access token, or a username and password; `dcOrigins` from CONFLUENCE_DC_ORIGINS).
 */
export function createConnectorSchema(extraOrigins: readonly string[] = [], dcOrigins: readonly string[] = []) {
  const baseUrl = siteUrlSchema(extraOrigins);
  const dcBaseUrl = dcBaseUrlFor(extraOrigins, dcOrigins);
  return z.discriminatedUnion(
    "authMethod",
    [
      z.object({ deployment: ZCloud, authMethod: z.literal("api_token"), name: ZName, baseUrl, email: ZEmail, apiToken: ZApiToken }),
      z.object({ deployment: ZDataCenter, authMethod: z.literal("personal_access_token"), name: ZName, baseUrl: dcBaseUrl, token: ZPersonalAccessToken }),
      z.object({ deployment: ZDataCenter, authMethod: z.literal("password"), name: ZName, baseUrl: dcBaseUrl, username: ZUsername, password: ZPassword }),
      z
        .object({
          deployment: ZCloud,
          authMethod: z.literal("oauth"),
          name: ZName,
          baseUrl,
          oauthAppId: z
            .string()
            .trim()
            .optional()
            .transform((v) => v || undefined),
          clientId: z
            .string()
            .trim()
            .optional()
            .transform((v) => v || undefined),
          clientSecret: z
            .string()
            .trim()
            .optional()
            .transform((v) => v || undefined),
        })
        .superRefine((v, ctx) => {
          if (v.oauthAppId) return;
          const id = ZClientId.safeParse(v.clientId ?? "");
          if (!id.success) ctx.addIssue({ code: "custom", path: ["clientId"], message: id.error.issues[0]!.message });
          const secret = ZClientSecret.safeParse(v.clientSecret ?? "");
          if (!secret.success) ctx.addIssue({ code: "custom", path: ["clientSecret"], message: secret.error.issues[0]!.message });
        }),
    ],
    { error: "Choose how to sign in: OAuth 2.0 or API Token (Cloud), Personal Access Token or Username and password (Data Center)." },
  );
}
export type CreateConnectorInput = z.infer<ReturnType<typeof createConnectorSchema>>;

/**
 * Edits: a blank secret keeps the stored one, so secrets never need to travel back to the browser.
 * The base URL's rules depend on the connector's deployment: the drawer passes it; the API, which
 * parses before the connector is read, leaves it out and `updateConnector` checks the URL then.
 */
export function updateConnectorSchema(extraOrigins: readonly string[] = [], dcOrigins: readonly string[] = [], deployment?: "cloud" | "datacenter") {
  const blankIsKeep = (schema: z.ZodType<string, string>) =>
    z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(schema.optional());
  const baseUrl = deployment === undefined ? z.string().trim() : deployment === "cloud" ? siteUrlSchema(extraOrigins) : dcBaseUrlFor(extraOrigins, dcOrigins);
  return z.object({
    name: ZName.optional(),
    baseUrl: baseUrl.optional(),
    email: blankIsKeep(z.string().pipe(z.email({ error: "Enter a valid email address." }))),
    apiToken: blankIsKeep(ZApiToken),
    token: blankIsKeep(ZPersonalAccessToken),
    username: blankIsKeep(ZUsername),
    password: z
      .string()
      .optional()
      .transform((v) => v || undefined)
      .pipe(ZPassword.optional()),
    oauthAppId: z.string().trim().optional(),
    clientId: blankIsKeep(ZClientId),
    clientSecret: blankIsKeep(ZClientSecret),
    enabled: z.boolean({ error: "enabled must be true or false." }).optional(),
    config: ZConnectorConfig.optional(),
    // Configure Records: Mirror Confluence permissions, or Audience rules with their rules.
    access: ZConnectorAccess.optional(),
  });
}
export type UpdateConnectorInput = z.infer<ReturnType<typeof updateConnectorSchema>>;

export const ZOAuthAppInput = z.object({
  name: z.string().trim().min(1, "Give the app a name.").max(100, "Keep the name under 100 characters."),
  clientId: ZClientId,
  clientSecret: ZClientSecret,
});
export type OAuthAppInput = z.infer<typeof ZOAuthAppInput>;
