"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ZCreateApiKeyInput } from "@/lib/auth/schemas";
import { ApiError, callApi, fieldErrorsOf } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { refreshQueries } from "@/components/refresh-queries";

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function ApiKeysPanel() {
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: ["api-keys"], queryFn: () => callApi<{ apiKeys: ApiKeyRow[] }>("/api/api-keys") });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (name: string) => callApi<{ key: string }>("/api/api-keys", { body: { name } }),
    onSuccess: (data) => {
      setCreated(data.key);
      void refreshQueries(queryClient, ["api-keys"]);
    },
    onError: (err) => setFields(err instanceof ApiError ? err.fields : {}),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => callApi(`/api/api-keys/${id}`, { method: "DELETE" }),
    onSuccess: () => void refreshQueries(queryClient, ["api-keys"]),
  });

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const parsed = ZCreateApiKeyInput.safeParse({ name: new FormData(formElement).get("name") });
    if (!parsed.success) return setFields(fieldErrorsOf(parsed.error.issues));
    setFields({});
    setCreated(null);
    create.mutate(parsed.data.name, { onSuccess: () => formElement.reset() });
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="text-base font-semibold">Personal API keys</h2>
      <p className="mt-1 text-sm text-slate-600">
        Scripts send a key as <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;key&gt;</code> and act as you. A key is shown once; only its
        hash is stored.
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-4 flex items-start gap-3">
        <Field label="Key name" name="name" placeholder="CI script" error={fields.name} className="w-72" />
        <Button type="submit" busy={create.isPending} className="mt-6">
          Create key
        </Button>
      </form>
      {create.isError && !Object.keys(fields).length ? <Alert>{(create.error as Error).message}</Alert> : null}
      {created ? (
        <div className="mt-4">
          <Alert tone="success">
            Copy this key now; it will not be shown again:
            <code data-testid="new-api-key" className="mt-1 block break-all font-mono text-xs">
              {created}
            </code>
          </Alert>
        </div>
      ) : null}
      <div className="mt-6">
        {keys.isPending ? (
          <p className="text-sm text-slate-500">Loading keys…</p>
        ) : keys.isError ? (
          <Alert>Could not load your keys: {(keys.error as Error).message}</Alert>
        ) : keys.data.apiKeys.length === 0 ? (
          <p className="text-sm text-slate-500">You have no API keys.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-2">Name</th>
                <th>Key</th>
                <th>Created</th>
                <th>Last used</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.data.apiKeys.map((key) => (
                <tr key={key.id} className="border-t border-slate-100">
                  <td className="py-2">{key.name}</td>
                  <td className="font-mono text-xs">{key.prefix}…</td>
                  <td>{new Date(key.createdAt).toLocaleString()}</td>
                  <td>{key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString() : "Never"}</td>
                  <td className="text-right">
                    <Button
                      variant="secondary"
                      busy={revoke.isPending && revoke.variables === key.id}
                      onClick={() => revoke.mutate(key.id)}
                      aria-label={`Revoke ${key.name}`}
                    >
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
