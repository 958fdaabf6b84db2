import { createConfluenceClient, verifyDcCredentials, type ConfluenceAuth, type DcSiteInfo } from "../confluence";
import { AppError } from "../errors";
import { dataCenterTrustedOrigins } from "./client-for-connector";
import { explainVerifyFailure } from "./verify-api-token";

type DcAuth = Extract<ConfluenceAuth, { kind: "personal_access_token" | "password" }>;

/**
 * Checks Data Center credentials before anything is saved: the site answers, the account is not
 * the anonymous user (a site with anonymous access answers 200 to wrong credentials), and it can
 * list at least one space. Each failure names its field. Returns the server's version and zone.
 */
export async function verifyDcLogin(baseUrl: string, auth: DcAuth): Promise<DcSiteInfo> {
  const client = createConfluenceClient({
    siteUrl: baseUrl,
    auth,
    maxRetries: 1,
    maxRateLimitRetries: 1,
    retryBaseMs: 250,
    requestTimeoutMs: 15_000,
    trustedOrigins: dataCenterTrustedOrigins(),
  });
  const secretField = auth.kind === "password" ? "password" : "token";
  const what = auth.kind === "password" ? "username or password" : "personal access token";
  let check;
  try {
    check = await verifyDcCredentials(client);
  } catch (err) {
    throw explainVerifyFailure(err, baseUrl, {
      field: secretField,
      rejected: (status) => `Confluence rejected the ${what} (HTTP ${status}). Check ${auth.kind === "password" ? "both" : "it"} and try again.`,
      notConfluence: "No Confluence Data Center site answers at this URL: check the base URL, with its context path (such as /confluence) if the site has one.",
    });
  }
  if (!check.ok && check.problem === "anonymous") {
    throw AppError.validation(
      [
        {
          loc: ["body", secretField],
          msg: `The site let this request in as the anonymous user: it has anonymous access on and did not accept the ${what}. Check ${auth.kind === "password" ? "them" : "it"} and try again.`,
          type: "upstream_anonymous",
        },
      ],
      `Confluence did not accept the ${what}.`,
    );
  }
  if (!check.ok) {
    throw AppError.validation(
      [
        {
          loc: ["body", auth.kind === "password" ? "username" : "token"],
          msg: "This account can see no space on the site. Use an account that may view the spaces to sync (an administrator also syncs permissions).",
          type: "no_space",
        },
      ],
      "The account can see no space.",
    );
  }
  return check.site;
}
