import type { Site } from "./state";

/** HTML for the consent screen and error page of the simulated auth.atlassian.com. */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function errorPage(message: string): string {
  return `<!doctype html><html><head><title>Something went wrong</title></head><body><h1>Something went wrong</h1><p id="error">${esc(message)}</p></body></html>`;
}

export function consentPage(p: {
  action: string;
  appName: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  email: string;
  sites: Site[];
  error?: string;
}): string {
  const hidden = (n: string, v: string) => `<input type="hidden" name="${n}" value="${esc(v)}">`;
  const scopes = p.scope
    .split(/\s+/)
    .filter(Boolean)
    .map((s) => `<li>${esc(s)}</li>`)
    .join("");
  const options = p.sites.map((s) => `<option value="${esc(s.id)}">${esc(s.url.replace(/^https?:\/\//, ""))}</option>`).join("");
  return `<!doctype html><html><head><title>Authorize ${esc(p.appName)}</title></head><body>
<h1>${esc(p.appName)} is requesting access to your Atlassian account</h1>
${p.error ? `<p id="error" role="alert">${esc(p.error)}</p>` : ""}
<form method="post" action="${esc(p.action)}">
${hidden("client_id", p.clientId)}${hidden("redirect_uri", p.redirectUri)}${hidden("scope", p.scope)}${hidden("state", p.state)}${p.codeChallenge ? hidden("code_challenge", p.codeChallenge) + hidden("code_challenge_method", p.codeChallengeMethod ?? "plain") : ""}
<p><label for="email">Signed in as (email)</label> <input id="email" name="email" type="email" value="${esc(p.email)}"></p>
<p><label for="site">Use app on</label> <select id="site" name="site">${options}</select></p>
<p>This app will be able to:</p><ul>${scopes}</ul>
<p><button type="submit" name="decision" value="accept">Accept</button> <button type="submit" name="decision" value="cancel">Cancel</button></p>
</form></body></html>`;
}
