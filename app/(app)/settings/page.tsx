import Link from "next/link";
import { requireUser } from "@/lib/auth";
import { connectorSettings } from "@/lib/connectors";
import { memberAccessSummary } from "@/lib/permissions";
import { mcpEndpointUrl } from "@/lib/mcp";
import { ApiKeysPanel } from "@/components/settings/api-keys-panel";
import { McpPanel } from "@/components/settings/mcp-panel";
import { MyAccountsPanel } from "@/components/settings/my-accounts-panel";
import { OAuthAppsPanel } from "@/components/settings/oauth-apps-panel";

export default async function SettingsPage() {
  const user = await requireUser();
  return (
    <section className="space-y-8">
      <div>
        <h1 className="text-xl font-semibold">Settings</h1>
        <p className="mt-1 text-sm text-slate-600">
          Signed in as {user.name} ({user.email}), {user.role === "admin" ? "administrator" : "member"}.
        </p>
      </div>
      {user.role === "admin" ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="text-base font-semibold">Users</h2>
          <p className="mt-1 text-sm text-slate-600">Create accounts for administrators and members.</p>
          <Link href="/settings/users" className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline">
            Manage users
          </Link>
        </div>
      ) : null}
      {user.role === "admin" ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 className="text-base font-semibold">Groups</h2>
          <p className="mt-1 text-sm text-slate-600">Groups of people of this app, for connectors whose access is decided by Audience rules.</p>
          <Link href="/settings/groups" className="mt-3 inline-block text-sm font-medium text-blue-700 hover:underline">
            Manage groups
          </Link>
        </div>
      ) : null}
      {user.role === "admin" ? <OAuthAppsPanel redirectUrl={connectorSettings().oauthRedirectUrl} /> : null}
      <MyAccountsPanel access={await memberAccessSummary(user.id)} />
      <McpPanel url={mcpEndpointUrl()} />
      <ApiKeysPanel />
      <p className="text-sm text-slate-600">
        Every route of the API, with its parameters:{" "}
        <Link href="/api-docs" className="font-medium text-blue-700 hover:underline">
          API reference
        </Link>{" "}
        (OpenAPI at <code>/api/openapi.json</code>).
      </p>
    </section>
  );
}
