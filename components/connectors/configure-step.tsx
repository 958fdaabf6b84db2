"use client";

import { useState } from "react";
import { ZConnectorAccess, type ConnectorAccess } from "@/lib/audiences/schemas";
import { DEFAULT_CONNECTOR_CONFIG, ZConnectorConfig, type ConnectorConfig } from "@/lib/connectors/config-schema";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { AudienceRulesField } from "./audience-rules-field";
import { DateFilterField } from "./date-filter-field";
import { IndexingToggles } from "./indexing-toggles";
import { ReadyDialog } from "./ready-dialog";
import { SpaceKeySelect } from "./space-key-select";
import type { ConnectorView } from "./types";

interface Props {
  connector: ConnectorView;
  onSaved: () => Promise<void>;
  onClose: () => void;
}

const splitIds = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export function ConfigureStep({ connector, onSaved, onClose }: Props) {
  const [config, setConfig] = useState<ConnectorConfig>(connector.config ?? DEFAULT_CONNECTOR_CONFIG);
  const [pageIds, setPageIds] = useState(config.filters.pageIds.join(", "));
  const [blogPostIds, setBlogPostIds] = useState(config.filters.blogPostIds.join(", "));
  const [access, setAccess] = useState<ConnectorAccess>({ strategy: connector.accessStrategy, rules: connector.audienceRules ?? [] });
  const form = useApiForm();
  const { fields, message, busy } = form;
  const [ready, setReady] = useState(false);

  const set = <K extends keyof ConnectorConfig>(key: K, value: ConnectorConfig[K]) => setConfig((c) => ({ ...c, [key]: value }));
  const setFilter = <K extends keyof ConnectorConfig["filters"]>(key: K, value: ConnectorConfig["filters"][K]) =>
    setConfig((c) => ({ ...c, filters: { ...c.filters, [key]: value } }));

  async function save(event: React.FormEvent) {
    event.preventDefault();
    const candidate = { ...config, filters: { ...config.filters, pageIds: splitIds(pageIds), blogPostIds: splitIds(blogPostIds) } };
    const parsed = ZConnectorConfig.safeParse(candidate);
    if (!parsed.success) return form.reject(parsed.error.issues.map((i) => ({ ...i, path: ["config", ...i.path] })));
    const accessParsed = ZConnectorAccess.safeParse(access);
    if (!accessParsed.success) return form.reject(accessParsed.error.issues.map((i) => ({ ...i, path: ["access", ...i.path] })));
    await form.submit(async () => {
      await callApi(`/api/connectors/${connector.id}`, { method: "PATCH", body: { config: parsed.data, access: accessParsed.data } });
      await onSaved();
      setReady(true);
    });
  }

  const error = (path: string) => fields[`config.${path}`];
  const firstIdError = (path: string) => Object.entries(fields).find(([k]) => k.startsWith(`config.filters.${path}`))?.[1];

  return (
    <form onSubmit={save} noValidate className="space-y-8">
      {message ? <Alert>{message}</Alert> : null}
      <fieldset className="space-y-3">
        <legend className="text-base font-semibold">Sync settings</legend>
        <div className="flex gap-6 text-sm">
          {(["scheduled", "manual"] as const).map((strategy) => (
            <label key={strategy} className="flex items-center gap-2">
              <input type="radio" name="strategy" checked={config.sync.strategy === strategy} onChange={() => set("sync", { ...config.sync, strategy })} />
              {strategy === "scheduled" ? "Scheduled" : "Manual"}
            </label>
          ))}
        </div>
        {config.sync.strategy === "scheduled" ? (
          <div>
            <label htmlFor="interval" className="block text-sm font-medium text-slate-700">
              Sync interval (minutes)
            </label>
            <input
              id="interval"
              type="number"
              min={5}
              value={Number.isNaN(config.sync.intervalMinutes) ? "" : config.sync.intervalMinutes}
              onChange={(e) => set("sync", { ...config.sync, intervalMinutes: e.target.valueAsNumber })}
              className="mt-1 block w-40 rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
            {error("sync.intervalMinutes") ? <p className="mt-1 text-sm text-rose-600">{error("sync.intervalMinutes")}</p> : null}
          </div>
        ) : null}
        {access.strategy === "mirror" ? (
          <Field
            label="Refresh group memberships every (minutes)"
            type="number"
            min={0}
            className="max-w-xl"
            value={Number.isNaN(config.permissions.membershipRefreshMinutes) ? "" : config.permissions.membershipRefreshMinutes}
            onChange={(e) => set("permissions", { membershipRefreshMinutes: e.target.valueAsNumber })}
            error={error("permissions.membershipRefreshMinutes")}
            hint="When no sync ran for this long, a light incremental sync re-reads groups and their members, so someone removed from a group loses access in time. 0: only with syncs."
          />
        ) : null}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-base font-semibold">Sync filters</legend>
        <p className="text-sm text-slate-600">What is excluded here is never downloaded.</p>
        <SpaceKeySelect connectorId={connector.id} value={config.filters.spaces} onChange={(v) => setFilter("spaces", v)} error={firstIdError("spaces")} />
        <IdListField label="Page IDs (their child pages are included)" value={pageIds} onChange={setPageIds} error={firstIdError("pageIds")} />
        <IdListField label="Blog post IDs" value={blogPostIds} onChange={setBlogPostIds} error={firstIdError("blogPostIds")} />
        <DateFilterField
          label="Modified date"
          value={config.filters.modified}
          onChange={(v) => setFilter("modified", v)}
          errors={{ from: error("filters.modified.from"), to: error("filters.modified.to") }}
        />
        <DateFilterField
          label="Created date"
          value={config.filters.created}
          onChange={(v) => setFilter("created", v)}
          errors={{ from: error("filters.created.from"), to: error("filters.created.to") }}
        />
      </fieldset>

      <IndexingToggles value={config.indexing} onChange={(v) => set("indexing", v)} />

      <AudienceRulesField
        connectorId={connector.id}
        value={access}
        onChange={setAccess}
        error={Object.entries(fields).find(([k]) => k.startsWith("access"))?.[1]}
      />

      <div className="flex justify-end">
        <Button type="submit" busy={busy}>
          Save
        </Button>
      </div>
      <ReadyDialog
        open={ready}
        connectorId={connector.id}
        connectorName={connector.name}
        onLater={() => {
          setReady(false);
          onClose();
        }}
      />
    </form>
  );
}

function IdListField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  const id = label.replace(/\W+/g, "-").toLowerCase();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="123456, 234567"
        aria-invalid={error ? true : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
      />
      {error ? (
        <p role="alert" className="mt-1 text-sm text-rose-600">
          {error}
        </p>
      ) : (
        <p className="mt-1 text-xs text-slate-500">Comma- or space-separated. Leave empty for all.</p>
      )}
    </div>
  );
}
