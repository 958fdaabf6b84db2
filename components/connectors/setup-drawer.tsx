"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { callApi } from "@/lib/http/client";
import { AuthenticateStep } from "./authenticate-step";
import { AuthorizeStep } from "./authorize-step";
import { ConfigureStep } from "./configure-step";
import { DEFAULT_SIGN_IN, DEPLOYMENT_LABEL, kindLabel, signInLabel, type AuthMethod, type Deployment } from "./connector-kind";
import { Dialog } from "./dialog";
import { StatusBadge } from "./status-badge";
import type { ConnectorView, OAuthAppOption, SetupSettings } from "./types";
import { refreshQueries } from "@/components/refresh-queries";

type Step = "authenticate" | "authorize" | "configure";

interface Props {
  connectorId: string | null;
  oauthApps: OAuthAppOption[];
  settings: SetupSettings;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** The right-side drawer: Authenticate Instance (Cloud or Data Center), Authorize (OAuth only), Configure Records. */
export function SetupDrawer({ connectorId, oauthApps, settings, onClose, onCreated }: Props) {
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>("authenticate");
  const [draft, setDraft] = useState<{ deployment: Deployment; method: AuthMethod }>({ deployment: "cloud", method: DEFAULT_SIGN_IN.cloud });
  const connector = useQuery({
    queryKey: ["connector", connectorId],
    queryFn: async () => (await callApi<{ connector: ConnectorView }>(`/api/connectors/${connectorId}`)).connector,
    enabled: connectorId !== null,
  });
  const current = connectorId ? connector.data : undefined;
  const isOAuth = current?.authMethod === "oauth";

  const refresh = async () => {
    await refreshQueries(queryClient, ["connector", connectorId], ["connectors"]);
  };

  // Only OAuth 2.0 has an Authorize step; a new connector's tabs follow what its form has chosen.
  const { deployment, method } = current ? { deployment: current.deployment, method: current.authMethod } : draft;
  const authorizes = method === "oauth";
  const tabs: { id: Step; label: string; enabled: boolean }[] = [
    { id: "authenticate", label: "1. Authenticate Instance", enabled: true },
    ...(authorizes ? [{ id: "authorize" as const, label: "2. Authorize", enabled: Boolean(current) }] : []),
    { id: "configure", label: `${authorizes ? "3" : "2"}. Configure Records`, enabled: Boolean(current?.authenticated) },
  ];

  return (
    <Dialog open onClose={onClose} side="right" title="Set up a Confluence connector">
      <div className="flex h-full flex-col">
        <header className="flex items-start justify-between border-b border-slate-200 px-6 py-4">
          <div>
            <h2 className="text-lg font-semibold">{current ? current.name : `Set up ${DEPLOYMENT_LABEL[deployment]}`}</h2>
            {current ? (
              <>
                <div className="mt-1 flex items-center gap-2 text-sm text-slate-600">
                  {current.siteUrl} <StatusBadge badge={current.badge} />
                </div>
                <p className="mt-0.5 text-xs text-slate-500">
                  {kindLabel(current)} · {signInLabel(current)}
                </p>
              </>
            ) : (
              <p className="mt-1 text-sm text-slate-600">Connect a site in {authorizes ? "three" : "two"} steps.</p>
            )}
          </div>
          <button type="button" onClick={onClose} aria-label="Close" className="rounded p-1 text-slate-500 hover:bg-slate-100">
            ✕
          </button>
        </header>
        <nav role="tablist" aria-label="Setup steps" className="flex gap-1 border-b border-slate-200 px-6">
          {tabs.map((tab) => (
            <button
              key={tab.id}
              role="tab"
              type="button"
              aria-selected={step === tab.id}
              disabled={!tab.enabled}
              onClick={() => setStep(tab.id)}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium disabled:text-slate-300 ${
                step === tab.id ? "border-blue-700 text-blue-800" : "border-transparent text-slate-600 hover:text-slate-900"
              }`}
            >
              {tab.label}
            </button>
          ))}
        </nav>
        <div className="flex-1 overflow-y-auto px-6 py-6" role="tabpanel">
          {connectorId && connector.isPending ? (
            <p className="text-sm text-slate-500">Loading connector…</p>
          ) : connectorId && connector.isError ? (
            <p role="alert" className="text-sm text-rose-600">
              Could not load the connector: {(connector.error as Error).message}
            </p>
          ) : step === "authenticate" ? (
            <AuthenticateStep
              connector={current}
              oauthApps={oauthApps}
              settings={settings}
              onChoose={setDraft}
              onDone={async (saved) => {
                if (!current) onCreated(saved.id);
                queryClient.setQueryData(["connector", saved.id], saved);
                await refreshQueries(queryClient, ["connectors"]);
                setStep(saved.authMethod === "oauth" && !saved.authenticated ? "authorize" : "configure");
              }}
            />
          ) : step === "authorize" && current && isOAuth ? (
            <AuthorizeStep connector={current} onChanged={refresh} onNext={() => setStep("configure")} />
          ) : step === "configure" && current ? (
            <ConfigureStep connector={current} onSaved={refresh} onClose={onClose} />
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
