import { z } from "zod";

/**
 * Input schemas shared by the browser forms and the route handlers, so a field gets the
 * same message in both places. Safe to import from client components.
 */

export const ZEmail = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, such as ada@example.com." }))
  .transform((v) => v.toLowerCase());

export const ZName = z.string().trim().min(1, "Enter a name.").max(100, "Keep the name under 100 characters.");

// The length rules run in the browser too; how guessable a password is (zxcvbn, with the
// user's name and email) is checked on the server, whose 422 lands next to the same field.
export const ZNewPassword = z.string().min(12, "Use at least 12 characters.").max(200, "Use at most 200 characters.");

export const ZRole = z.enum(["admin", "member"], { error: "Choose admin or member." });

export const ZFirstAdminInput = z.object({ name: ZName, email: ZEmail, password: ZNewPassword });
export type FirstAdminInput = z.infer<typeof ZFirstAdminInput>;

export const ZCreateUserInput = ZFirstAdminInput.extend({ role: ZRole });
export type CreateUserInput = z.infer<typeof ZCreateUserInput>;

/** The setup page's form: the first administrator plus the one-time code `npm start` printed. */
export const ZClaimFirstAdminInput = ZFirstAdminInput.extend({
  setupCode: z.string().trim().min(1, "Enter the setup code that npm start printed.").max(64, "That is not a setup code."),
});
export type ClaimFirstAdminInput = z.infer<typeof ZClaimFirstAdminInput>;

/** What an administrator may change about another account (Settings → Manage users). */
export const ZUpdateUserInput = z
  .object({ role: ZRole.optional(), disabled: z.boolean({ error: "Send true or false." }).optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: "Send a role or disabled.", path: ["role"] });
export type UpdateUserInput = z.infer<typeof ZUpdateUserInput>;

export const ZResetPasswordInput = z.object({ password: ZNewPassword });

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password."),
});

export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name, such as “CI script”.").max(80, "Keep the name under 80 characters."),
});

/** `GET /api/users`: everyone, or with `q` the first `limit` whose name or email contains it. */
export const ZUsersQuery = z.object({
  q: z.string().trim().max(200, "Keep the search under 200 characters.").optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
