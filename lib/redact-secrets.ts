/**
 * What the logger removes from every line, at any depth: values under secret-looking keys
 * (any case, `access_token`, `Set-Cookie`, `apiToken`, `client_secret`…) and secrets inside
 * strings (URL query tokens, passwords in URLs, Bearer/Basic credentials, our API keys,
 * Atlassian API tokens). Every pattern is linear in the length of the text.
 */
export const REDACTED = "[redacted]";
const MAX_DEPTH = 64;

// Compared after lower-casing and dropping everything but letters and digits.
const SECRET_KEYS = new Set([
  "password",
  "passwd",
  "passphrase",
  "passwordhash",
  "secret",
  "clientsecret",
  "apikey",
  "xapikey",
  "keyhash",
  "authorization",
  "proxyauthorization",
  "cookie",
  "setcookie",
  "encryptionkeys",
  "nextauthsecret",
  "databaseurl",
  "connectionstring",
  "credentials",
  "setupcode",
]);
const SECRET_KEY_ENDINGS = ["token", "tokens", "secret", "password"];

export function isSecretKey(key: string): boolean {
  const normal = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  return SECRET_KEYS.has(normal) || SECRET_KEY_ENDINGS.some((ending) => normal.endsWith(ending));
}

const QUERY_SECRET =
  /([?&#](?:access_token|refresh_token|id_token|token|code|client_secret|password|api_key|apikey|signature|sig|state|secret)=)[^&#\s"'<>]*/gi;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
// Bounded runs, so a long string without "@" costs a fixed amount per "://".
const URL_PASSWORD = /(:\/\/[^/\s:@]{0,256}:)[^@\s/]{1,1024}@/g;
const KNOWN_TOKENS = /\b(?:cck_[A-Za-z0-9_-]{16,}|ATATT[A-Za-z0-9_=-]{16,})/g;

export function redactString(text: string): string {
  return text
    .replace(QUERY_SECRET, `$1${REDACTED}`)
    .replace(AUTH_SCHEME, `$1 ${REDACTED}`)
    .replace(URL_PASSWORD, `$1${REDACTED}@`)
    .replace(KNOWN_TOKENS, REDACTED);
}

/** A copy of a JSON-like value with every secret replaced. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactString(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKey(key) && item !== null && item !== undefined && item !== "" ? REDACTED : redactSecrets(item, depth + 1);
  }
  return out;
}

/** For pino's streamWrite hook: one serialised line in, the same line without secrets out. */
export function redactLogLine(line: string): string {
  try {
    return JSON.stringify(redactSecrets(JSON.parse(line))) + "\n";
  } catch {
    return redactString(line);
  }
}
