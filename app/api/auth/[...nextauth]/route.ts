import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { withBodyLimit } from "@/lib/http";

const handler = NextAuth(authOptions);
// Sign-in forms are a few hundred bytes; nothing bigger is read.
const limited = withBodyLimit(handler, 16 * 1024);
export { handler as GET, limited as POST };
