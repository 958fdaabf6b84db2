import { NextResponse, type NextRequest } from "next/server";
import { serverEnv } from "@/lib/env";
import { newNonce, securityHeaders } from "@/lib/http/security-headers";

/**
 * Security headers on every page and API response. The nonce travels to the renderer in the
 * request's Content-Security-Policy header (Next.js reads it from there and puts it on its
 * scripts) and in `x-nonce` for our own inline script (the OAuth callback page).
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders(nonce, new URL(serverEnv().NEXTAUTH_URL).protocol === "https:");
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Built files are served as they are; everything else (pages, API, the OAuth callback) gets the headers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
