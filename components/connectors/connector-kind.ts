import type { ConnectorView } from "./types";

/** How a connector's kind and sign-in method read in the UI (list, drawer, dashboard). */
export type Deployment = ConnectorView["deployment"];
export type AuthMethod = ConnectorView["authMethod"];

export const DEPLOYMENT_LABEL: Record<Deployment, string> = { cloud: "Confluence Cloud", datacenter: "Confluence Data Center" };

/** The sign-in methods each kind offers, as the drawer's select names them. */
export const SIGN_IN_CHOICES: Record<Deployment, { value: AuthMethod; label: string }[]> = {
  cloud: [
    { value: "oauth", label: "OAuth 2.0" },
    { value: "api_token", label: "API Token" },
  ],
  datacenter: [
    { value: "personal_access_token", label: "Personal Access Token" },
    { value: "password", label: "Username and password" },
  ],
};

/** What a new connector of each kind starts with (Cloud: an API token, the quickest to set up). */
export const DEFAULT_SIGN_IN: Record<Deployment, AuthMethod> = { cloud: "api_token", datacenter: "personal_access_token" };

const SIGN_IN_LABEL: Record<AuthMethod, string> = {
  oauth: "OAuth 2.0",
  api_token: "API token",
  personal_access_token: "Personal access token",
  password: "Username and password",
};

type Described = Pick<ConnectorView, "deployment" | "authMethod" | "serverVersion" | "username">;

/** "Cloud", or "Data Center 9.2.0" once the server's version was read. */
export function kindLabel(connector: Described): string {
  if (connector.deployment === "cloud") return "Cloud";
  return connector.serverVersion ? `Data Center ${connector.serverVersion}` : "Data Center";
}

/** "API token", "Personal access token", "Username and password (admin)". */
export function signInLabel(connector: Described): string {
  const label = SIGN_IN_LABEL[connector.authMethod];
  return connector.authMethod === "password" && connector.username ? `${label} (${connector.username})` : label;
}
