import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { documented, withBodyLimit } from "@/lib/http";

const handler = NextAuth(authOptions);
// Sign-in forms are a few hundred bytes; nothing bigger is read.
const limited = withBodyLimit(handler, 16 * 1024);
// next-auth's own routes (sign-in form posts, session, CSRF token); described, not designed, here.
export const GET = documented(handler, { access: "public", summary: "next-auth: session, CSRF token, providers, sign-out page" });
export const POST = documented(limited, { access: "public", summary: "next-auth: sign in with email and password, sign out" });
