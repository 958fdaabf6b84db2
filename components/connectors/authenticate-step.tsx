"use client";

import { useState } from "react";
import { createConnectorSchema, updateConnectorSchema } from "@/lib/connectors/input-schemas";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useApiForm } from "@/components/ui/use-api-form";
import { CopyField } from "./copy-field";
import type { ConnectorView, OAuthAppOption, SetupSettings } from "./types";

interface Props {
  connector?: ConnectorView;
  oauthApps: OAuthAppOption[];
  settings: SetupSettings;
  onDone: (connector: ConnectorView) => void | Promise<void>;
}

const KEEP = "Stored — leave blank to keep it";

export function AuthenticateStep({ connector, oauthApps, settings, onDone }: Props) {
  const editing = Boolean(connector);
  const [method, setMethod] = useState<"oauth" | "api_token">(connector?.authMethod === "oauth" ? "oauth" : "api_token");
  const [oauthAppId, setOauthAppId] = useState(connector?.oauthAppId ?? "");
  const form = useApiForm();
  const { fields, busy } = form;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const input: Record<string, unknown> = { ...values, authMethod: method };
    if (method === "oauth") input.oauthAppId = oauthAppId;
    const schema = editing ? updateConnectorSchema(settings.extraSiteOrigins) : createConnectorSchema(settings.extraSiteOrigins);
    const parsed = schema.safeParse(input);
    if (!parsed.success) return form.reject(parsed.error.issues);
    await form.submit(async () => {
      const { connector: saved } = editing
        ? await callApi<{ connector: ConnectorView }>(`/api/connectors/${connector!.id}`, { method: "PATCH", body: input })
        : await callApi<{ connector: ConnectorView }>("/api/connectors", { body: input });
      await onDone(saved);
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {form.message ? <Alert>{form.message}</Alert> : null}
      <SelectField
        label="Authentication method"
        value={method}
        disabled={editing}
        onChange={(e) => {
          setMethod(e.target.value as "oauth" | "api_token");
          form.reject([]);
        }}
      >
        <option value="oauth">OAuth 2.0</option>
        <option value="api_token">API Token</option>
      </SelectField>
      <Field label="Connector name" name="name" defaultValue={connector?.name ?? ""} placeholder="Acme Confluence" error={fields.name} />

      {method === "oauth" ? (
        <>
          <CopyField
            label="Redirect URL"
            value={settings.oauthRedirectUrl}
            hint="Register this exact callback URL in your app at developer.atlassian.com (Authorization → OAuth 2.0 (3LO))."
          />
          {oauthApps.length > 0 ? (
            <SelectField label="OAuth app" value={oauthAppId} onChange={(e) => setOauthAppId(e.target.value)} error={fields.oauthAppId}>
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
                placeholder={connector?.hasClientSecret ? KEEP : ""}
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
      ) : (
        <>
          <Field label="Base URL" name="baseUrl" defaultValue={connector?.siteUrl ?? ""} placeholder="https://your-team.atlassian.net" error={fields.baseUrl} />
          <Field label="Email" name="email" type="email" defaultValue={connector?.email ?? ""} autoComplete="off" error={fields.email} />
          <Field
            label="API Token"
            name="apiToken"
            type="password"
            autoComplete="off"
            placeholder={connector?.hasApiToken ? KEEP : ""}
            hint="Create one at id.atlassian.com → Security → API tokens."
            error={fields.apiToken}
          />
        </>
      )}
      <div className="flex justify-end">
        <Button type="submit" busy={busy}>
          {method === "api_token" ? (busy ? "Checking credentials…" : "Next") : "Next"}
        </Button>
      </div>
    </form>
  );
}
