import type { NextAuthOptions } from "next-auth";
import CredentialsModule from "next-auth/providers/credentials";
import { clientAddress } from "./client-address";
import { ZSignInInput } from "./schemas";
import { signInWithPassword } from "./sign-in";

// next-auth ships CommonJS: under plain Node ESM (tsx scripts) the default import is the module object.
const CredentialsProvider = (CredentialsModule as unknown as { default?: typeof CredentialsModule }).default ?? CredentialsModule;

/**
 * next-auth v4 with email and password and JWT sessions. Users live in our own table;
 * the token carries the user id, role and when it signed in, and every request re-reads the
 * user (current-user.ts, request-auth.ts), so a deleted or disabled user, a changed role or
 * a password reset takes effect at the next request.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = ZSignInInput.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const user = await signInWithPassword(parsed.data.email, parsed.data.password, clientAddress(request?.headers ?? {}));
        return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: string }).role;
        token.signedInAt = Date.now();
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user) {
        (session.user as { id?: string }).id = token.uid as string | undefined;
        (session.user as { role?: string }).role = token.role as string | undefined;
        (session.user as { signedInAt?: number }).signedInAt = token.signedInAt as number | undefined;
      }
      return session;
    },
  },
};
