import { requireAdmin } from "@/lib/auth";
import { connectorSettings, listConnectors, listOAuthApps } from "@/lib/connectors";
import { ConnectorsScreen } from "@/components/connectors/connectors-screen";

export default async function ConnectorsPage() {
  await requireAdmin();
  const [connectors, oauthApps] = await Promise.all([listConnectors(), listOAuthApps()]);
  const settings = connectorSettings();
  return (
    <ConnectorsScreen
      initialConnectors={connectors}
      oauthApps={oauthApps.map((a) => ({ id: a.id, name: a.name, clientId: a.clientId }))}
      settings={{ oauthRedirectUrl: settings.oauthRedirectUrl, extraSiteOrigins: settings.extraSiteOrigins, dcOrigins: settings.dcOrigins }}
    />
  );
}
