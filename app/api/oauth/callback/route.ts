import { currentUser } from "@/lib/auth";
import { completeOAuthAuthorization, type OAuthCallbackOutcome } from "@/lib/connectors";
import { documented } from "@/lib/http";
import { logger } from "@/lib/logger";

export const dynamic = "force-dynamic";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * The page Atlassian redirects the popup to. It reports the outcome to the setup drawer
 * that opened it (postMessage to our own origin only) and closes itself; opened on its
 * own, it shows the outcome.
 */
function page(outcome: OAuthCallbackOutcome, status: number, nonce: string): Response {
  const payload = JSON.stringify({ type: "confluence-oauth", ...outcome }).replace(/</g, "\\u003c");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Confluence authorization</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a}
.ok{color:#047857}.err{color:#be123c}</style></head><body>
<h1 class="${outcome.ok ? "ok" : "err"}">${outcome.ok ? "Authenticated" : "Authorization failed"}</h1>
<p id="message">${escapeHtml(outcome.message)}</p>
<p>You can close this window.</p>
<script nonce="${escapeHtml(nonce)}">
(function () {
  var result = ${payload};
  if (window.opener && !window.opener.closed) {
    window.opener.postMessage(result, window.location.origin);
    setTimeout(function () { window.close(); }, 150);
  }
})();
</script></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

async function callback(request: Request) {
  const url = new URL(request.url);
  // The Content-Security-Policy allows inline scripts only with this response's nonce (proxy.ts).
  const nonce = request.headers.get("x-nonce") ?? "";
  const user = await currentUser();
  if (!user) {
    return page({ ok: false, reason: "signed_out", message: "Sign in to the app, then start the authorization again." }, 401, nonce);
  }
  try {
    const outcome = await completeOAuthAuthorization(
      {
        code: url.searchParams.get("code"),
        state: url.searchParams.get("state"),
        error: url.searchParams.get("error"),
        errorDescription: url.searchParams.get("error_description"),
      },
      user.id,
      // Members only complete Link my Atlassian account; connector authorizations need an administrator.
      user.role === "admin",
    );
    return page(outcome, outcome.ok ? 200 : 400, nonce);
  } catch (err) {
    logger.error({ err }, "OAuth callback failed");
    return page({ ok: false, reason: "internal", message: "The authorization could not be completed because of an error on our side. Try again." }, 500, nonce);
  }
}

export const GET = documented(callback, {
  access: "user",
  summary: "Where Atlassian sends the OAuth consent popup back (code and state); answers a page that reports to the opener",
  produces: "text/html",
});
