import { z } from "zod";
import { ZConnectorAccess } from "../audiences/schemas";
import { ZConnectorConfig } from "./config-schema";
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
const ZClientId = z.string().trim().min(1, "Enter the Client ID.").max(256, "That Client ID is too long.");
const ZClientSecret = z.string().trim().min(1, "Enter the Client Secret.").max(1024, "That Client Secret is too long.");

export function createConnectorSchema(extraOrigins: readonly string[] = []) {
  const baseUrl = siteUrlSchema(extraOrigins);
  return z.discriminatedUnion(
    "authMethod",
    [
      z.object({ authMethod: z.literal("api_token"), name: ZName, baseUrl, email: ZEmail, apiToken: ZApiToken }),
      z
        .object({
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
    { error: "Choose OAuth 2.0 or API Token." },
  );
}
export type CreateConnectorInput = z.infer<ReturnType<typeof createConnectorSchema>>;

/** Edits: a blank secret keeps the stored one, so secrets never need to travel back to the browser. */
export function updateConnectorSchema(extraOrigins: readonly string[] = []) {
  const blankIsKeep = (schema: z.ZodType<string, string>) =>
    z
      .string()
      .trim()
      .optional()
      .transform((v) => v || undefined)
      .pipe(schema.optional());
  return z.object({
    name: ZName.optional(),
    baseUrl: siteUrlSchema(extraOrigins).optional(),
    email: blankIsKeep(z.string().pipe(z.email({ error: "Enter a valid email address." }))),
    apiToken: blankIsKeep(ZApiToken),
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
