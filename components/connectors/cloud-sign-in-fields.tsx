import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { CopyField } from "./copy-field";
import type { ConnectorView, OAuthAppOption, SetupSettings } from "./types";

interface Props {
  method: "oauth" | "api_token";
  connector?: ConnectorView;
  oauthApps: OAuthAppOption[];
  settings: SetupSettings;
  oauthAppId: string;
  onOAuthAppChange: (id: string) => void;
  fields: Record<string, string>;
}

export const KEEP_SECRET = "Stored — leave blank to keep it";

/** Confluence Cloud's sign-in fields: an OAuth 2.0 (3LO) app, or an email and API token. */
export function CloudSignInFields({ method, connector, oauthApps, settings, oauthAppId, onOAuthAppChange, fields }: Props) {
  if (method === "api_token") {
    return (
      <>
        <Field label="Base URL" name="baseUrl" defaultValue={connector?.siteUrl ?? ""} placeholder="https://your-team.atlassian.net" error={fields.baseUrl} />
        <Field label="Email" name="email" type="email" defaultValue={connector?.email ?? ""} autoComplete="off" error={fields.email} />
        <Field
          label="API Token"
          name="apiToken"
          type="password"
          autoComplete="off"
          placeholder={connector?.hasApiToken ? KEEP_SECRET : ""}
          hint="Create one at id.atlassian.com → Security → API tokens."
          error={fields.apiToken}
        />
      </>
    );
  }
  return (
    <>
      <CopyField
        label="Redirect URL"
        value={settings.oauthRedirectUrl}
        hint="Register this exact callback URL in your app at developer.atlassian.com (Authorization → OAuth 2.0 (3LO))."
      />
      {oauthApps.length > 0 ? (
        <SelectField label="OAuth app" value={oauthAppId} onChange={(e) => onOAuthAppChange(e.target.value)} error={fields.oauthAppId}>
          <option value="">None: enter a Client ID and Secret below</option>
          {oauthApps.map((app) => (
            <option key={app.id} value={app.id}>
              {app.name} ({app.clientId})
            </option>
          ))}
        </SelectField>
      ) : null}
      {!oauthAppId ? (
        <>
          <Field label="Client ID" name="clientId" defaultValue={connector?.oauthClientId ?? ""} autoComplete="off" error={fields.clientId} />
          <Field
            label="Client Secret"
            name="clientSecret"
            type="password"
            autoComplete="off"
            placeholder={connector?.hasClientSecret ? KEEP_SECRET : ""}
            error={fields.clientSecret}
          />
        </>
      ) : null}
      <Field
        label="Atlassian Site URL"
        name="baseUrl"
        defaultValue={connector?.siteUrl ?? ""}
        placeholder="https://your-team.atlassian.net"
        error={fields.baseUrl}
      />
    </>
  );
}
