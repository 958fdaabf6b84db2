"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ZOAuthAppInput } from "@/lib/connectors/input-schemas";
import { ApiError, callApi, fieldErrorsOf } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { refreshQueries } from "@/components/refresh-queries";

interface OAuthAppRow {
  id: string;
  name: string;
  clientId: string;
  connectorCount: number;
}

/** OAuth 2.0 apps registered once at Atlassian and reused by many connectors. Secrets are write-only. */
export function OAuthAppsPanel({ redirectUrl }: { redirectUrl: string }) {
  const queryClient = useQueryClient();
  const apps = useQuery({ queryKey: ["oauth-apps"], queryFn: () => callApi<{ oauthApps: OAuthAppRow[] }>("/api/oauth-apps") });
  const [fields, setFields] = useState<Record<string, string>>({});
  const refresh = () => refreshQueries(queryClient, ["oauth-apps"]);
  const create = useMutation({
    mutationFn: (input: unknown) => callApi("/api/oauth-apps", { body: input }),
    onSuccess: refresh,
    onError: (err) => setFields(err instanceof ApiError ? err.fields : {}),
  });
  const remove = useMutation({ mutationFn: (id: string) => callApi(`/api/oauth-apps/${id}`, { method: "DELETE" }), onSuccess: refresh });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const input = Object.fromEntries(new FormData(formElement));
    const parsed = ZOAuthAppInput.safeParse(input);
    if (!parsed.success) return setFields(fieldErrorsOf(parsed.error.issues));
    setFields({});
    create.mutate(parsed.data, { onSuccess: () => formElement.reset() });
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="text-base font-semibold">OAuth 2.0 apps</h2>
      <p className="mt-1 text-sm text-slate-600">
        Register an app at developer.atlassian.com once, with the callback URL <code className="rounded bg-slate-100 px-1 text-xs">{redirectUrl}</code>, then
        pick it for any number of connectors. The secret is encrypted and never shown again.
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-4 grid gap-3 sm:grid-cols-3">
        <Field label="App name" name="name" error={fields.name} />
        <Field label="OAuth Client ID" name="clientId" autoComplete="off" error={fields.clientId} />
        <Field label="OAuth Client Secret" name="clientSecret" type="password" autoComplete="off" error={fields.clientSecret} />
        <div className="sm:col-span-3">
          <Button type="submit" busy={create.isPending}>
            Register app
          </Button>
        </div>
      </form>
      {remove.isError ? (
        <div className="mt-3">
          <Alert>{(remove.error as Error).message}</Alert>
        </div>
      ) : null}
      <div className="mt-4">
        {apps.isPending ? (
          <p className="text-sm text-slate-500">Loading apps…</p>
        ) : apps.isError ? (
          <Alert>Could not load OAuth apps: {(apps.error as Error).message}</Alert>
        ) : apps.data.oauthApps.length === 0 ? (
          <p className="text-sm text-slate-500">No OAuth apps registered.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {apps.data.oauthApps.map((app) => (
              <li key={app.id} className="flex items-center justify-between py-2">
                <span>
                  <strong>{app.name}</strong> <span className="font-mono text-xs text-slate-500">{app.clientId}</span>{" "}
                  <span className="text-xs text-slate-500">used by {app.connectorCount}</span>
                </span>
                <Button variant="secondary" onClick={() => remove.mutate(app.id)} aria-label={`Remove ${app.name}`}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
