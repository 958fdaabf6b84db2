import type { ConnectorView } from "@/lib/connectors/view";

export type { ConnectorView };

export interface OAuthAppOption {
  id: string;
  name: string;
  clientId: string;
}

/** What the server tells the setup drawer about this install. */
export interface SetupSettings {
  oauthRedirectUrl: string;
  extraSiteOrigins: string[];
  /** CONFLUENCE_DC_ORIGINS: when listed, the only Data Center sites accepted (with the extra origins). */
  dcOrigins: string[];
}
