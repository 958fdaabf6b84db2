"use client";

import { useState } from "react";
import { createConnectorSchema, updateConnectorSchema } from "@/lib/connectors/input-schemas";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useApiForm } from "@/components/ui/use-api-form";
import { CloudSignInFields } from "./cloud-sign-in-fields";
import { DEFAULT_SIGN_IN, SIGN_IN_CHOICES, type AuthMethod, type Deployment } from "./connector-kind";
import { DataCenterSignInFields } from "./datacenter-sign-in-fields";
import { DeploymentChoice } from "./deployment-choice";
import type { ConnectorView, OAuthAppOption, SetupSettings } from "./types";

interface Props {
  connector?: ConnectorView;
  oauthApps: OAuthAppOption[];
  settings: SetupSettings;
  /** The kind and sign-in method chosen so far (the drawer shows an Authorize step for OAuth only). */
  onChoose?: (choice: { deployment: Deployment; method: AuthMethod }) => void;
  onDone: (connector: ConnectorView) => void | Promise<void>;
}

/**
 * Step 1: which kind of site, how to sign in, and the credentials. API tokens and Data Center
 * credentials are checked against the site at Next; each problem lands on its field.
 */
export function AuthenticateStep({ connector, oauthApps, settings, onChoose, onDone }: Props) {
  const editing = Boolean(connector);
  const [deployment, setDeployment] = useState<Deployment>(connector?.deployment ?? "cloud");
  const [method, setMethod] = useState<AuthMethod>(connector?.authMethod ?? "api_token");
  const [oauthAppId, setOauthAppId] = useState(connector?.oauthAppId ?? "");
  const form = useApiForm();
  const { fields, busy } = form;

  function choose(next: { deployment: Deployment; method: AuthMethod }) {
    setDeployment(next.deployment);
    setMethod(next.method);
    form.reject([]);
    onChoose?.(next);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const input: Record<string, unknown> = { ...values, deployment, authMethod: method };
    if (method === "oauth") input.oauthAppId = oauthAppId;
    const { extraSiteOrigins, dcOrigins } = settings;
    const schema = editing ? updateConnectorSchema(extraSiteOrigins, dcOrigins, deployment) : createConnectorSchema(extraSiteOrigins, dcOrigins);
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
      <DeploymentChoice value={deployment} fixed={editing} onChange={(kind) => choose({ deployment: kind, method: DEFAULT_SIGN_IN[kind] })} />
      <SelectField
        label="Authentication method"
        value={method}
        disabled={editing}
        onChange={(e) => choose({ deployment, method: e.target.value as AuthMethod })}
      >
        {SIGN_IN_CHOICES[deployment].map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </SelectField>
      <Field
        label="Connector name"
        name="name"
        defaultValue={connector?.name ?? ""}
        placeholder={deployment === "cloud" ? "Acme Confluence" : "Acme Wiki"}
        error={fields.name}
      />
      {method === "oauth" || method === "api_token" ? (
        <CloudSignInFields
          method={method}
          connector={connector}
          oauthApps={oauthApps}
          settings={settings}
          oauthAppId={oauthAppId}
          onOAuthAppChange={setOauthAppId}
          fields={fields}
        />
      ) : (
        <DataCenterSignInFields method={method} connector={connector} fields={fields} />
      )}
      <div className="flex justify-end">
        <Button type="submit" busy={busy}>
          {busy && method !== "oauth" ? "Checking credentials…" : "Next"}
        </Button>
      </div>
    </form>
  );
}
