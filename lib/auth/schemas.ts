import { z } from "zod";

/**
 * Input schemas shared by the browser forms and the route handlers, so a field gets the
 * same message in both places. Safe to import from client components.
 */

const COMMON_PASSWORDS = new Set([
  "password1234",
  "123456789012",
  "qwertyuiop12",
  "passwordpassword",
  "administrator",
  "letmein12345",
  "changeme1234",
  "welcome12345",
]);

export const ZEmail = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, such as ada@example.com." }))
  .transform((v) => v.toLowerCase());

export const ZName = z.string().trim().min(1, "Enter a name.").max(100, "Keep the name under 100 characters.");

export const ZNewPassword = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(200, "Use at most 200 characters.")
  .refine((v) => new Set(v).size >= 5, "Use a less repetitive password (at least 5 different characters).")
  .refine((v) => !COMMON_PASSWORDS.has(v.toLowerCase()), "That password is too common; choose another.");

export const ZRole = z.enum(["admin", "member"], { error: "Choose admin or member." });

export const ZFirstAdminInput = z.object({ name: ZName, email: ZEmail, password: ZNewPassword });
export type FirstAdminInput = z.infer<typeof ZFirstAdminInput>;

export const ZCreateUserInput = ZFirstAdminInput.extend({ role: ZRole });
export type CreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password."),
});

export const ZCreateApiKeyInput = z.object({
  name: z.string().trim().min(1, "Give the key a name, such as “CI script”.").max(80, "Keep the name under 80 characters."),
});
