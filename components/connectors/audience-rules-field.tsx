"use client";

import { useQuery } from "@tanstack/react-query";
import type { AppGroupView, AudienceRule, ConnectorAccess } from "@/lib/audiences/schemas";
import { callApi } from "@/lib/http/client";

type Space = { id: string; key: string; name: string };
type AppUser = { id: string; name: string; email: string; role: string };

/**
 * Configure Records → Access: Mirror Confluence permissions, or Audience rules naming, per space
 * or for all spaces, the groups and people of this app who may see it.
 */
export function AudienceRulesField({
  connectorId,
  value,
  onChange,
  error,
}: {
  connectorId: string;
  value: ConnectorAccess;
  onChange: (value: ConnectorAccess) => void;
  error?: string;
}) {
  const audience = value.strategy === "audience";
  return (
    // min-w-0: a fieldset is as wide as its widest content by default, and the pickers are wide.
    <fieldset className="min-w-0 space-y-3">
      <legend className="text-base font-semibold">Who may see the records</legend>
      <div className="space-y-2 text-sm">
        <label className="flex items-start gap-2">
          <input type="radio" name="access-strategy" checked={!audience} onChange={() => onChange({ ...value, strategy: "mirror" })} />
          <span>
            <span className="font-medium">Mirror Confluence permissions</span>
            <span className="block text-slate-600">Each member sees what their linked Confluence account may see.</span>
          </span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="access-strategy" checked={audience} onChange={() => onChange({ ...value, strategy: "audience" })} />
          <span>
            <span className="font-medium">Audience rules</span>
            <span className="block text-slate-600">
              You choose which groups and people of this app may see each space. No Confluence permission is read; a space without a rule is visible to
              administrators only.
            </span>
          </span>
        </label>
      </div>
      {audience ? <RulesTable connectorId={connectorId} rules={value.rules} onChange={(rules) => onChange({ ...value, rules })} /> : null}
      {error ? (
        <p role="alert" className="text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function RulesTable({ connectorId, rules, onChange }: { connectorId: string; rules: AudienceRule[]; onChange: (rules: AudienceRule[]) => void }) {
  // The same live list the space filter uses.
  const spaces = useQuery({
    queryKey: ["connector-spaces", connectorId],
    queryFn: async () => (await callApi<{ spaces: Space[] }>(`/api/connectors/${connectorId}/spaces`)).spaces,
    staleTime: 60_000,
  });
  const groups = useQuery({ queryKey: ["app-groups"], queryFn: async () => (await callApi<{ groups: AppGroupView[] }>("/api/groups")).groups });
  const users = useQuery({ queryKey: ["users"], queryFn: async () => (await callApi<{ users: AppUser[] }>("/api/users")).users });
  const nameOf = (r: AudienceRule) =>
    r.principalType === "app_group"
      ? `${groups.data?.find((g) => g.id === r.principalId)?.name ?? "(deleted group)"} (group)`
      : (users.data?.find((u) => u.id === r.principalId)?.name ?? "(deleted person)");
  const targets: { spaceId: string | null; label: string }[] = [
    { spaceId: null, label: "All spaces" },
    ...(spaces.data ?? []).map((s) => ({ spaceId: s.id, label: `${s.key} — ${s.name}` })),
    // Rules on spaces the site no longer lists stay visible, so they can be removed.
    ...[...new Set(rules.map((r) => r.spaceId).filter((id): id is string => id !== null && !spaces.data?.some((s) => s.id === id)))].map((id) => ({
      spaceId: id,
      label: spaces.isPending ? `Space ${id}` : `Space ${id} (not listed by the site)`,
    })),
  ];
  const add = (spaceId: string | null, choice: string) => {
    const [principalType, principalId] = choice.split(":", 2) as [AudienceRule["principalType"], string];
    if (!principalId || rules.some((r) => r.spaceId === spaceId && r.principalType === principalType && r.principalId === principalId)) return;
    onChange([...rules, { spaceId, principalType, principalId }]);
  };
  const remove = (rule: AudienceRule) => onChange(rules.filter((r) => r !== rule));

  return (
    <div className="space-y-2" role="group" aria-label="Audience rules">
      {groups.isSuccess && groups.data.length === 0 ? (
        <p className="text-sm text-slate-600">
          No groups yet: create them under{" "}
          <a href="/settings/groups" className="text-blue-700 hover:underline">
            Settings → Groups
          </a>
          , or choose people.
        </p>
      ) : null}
      {groups.isError || users.isError ? <p className="text-sm text-rose-600">Could not load the groups or people of this app.</p> : null}
      {spaces.isPending ? <p className="text-sm text-slate-500">Loading spaces from the site…</p> : null}
      {spaces.isError ? (
        <p role="alert" className="text-sm text-rose-600">
          Could not load the site&apos;s spaces: {(spaces.error as Error).message} (All spaces can still be set).
        </p>
      ) : null}
      <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200">
        {targets.map((t) => {
          const here = rules.filter((r) => r.spaceId === t.spaceId);
          return (
            <li key={t.spaceId ?? "*"} className="space-y-1 px-3 py-2 text-sm" aria-label={`Audience of ${t.label}`}>
              <div className="flex items-center justify-between gap-2">
                <span className={`min-w-0 flex-1 break-words ${t.spaceId === null ? "font-medium" : ""}`}>{t.label}</span>
                <select
                  aria-label={`Add to ${t.label}`}
                  value=""
                  onChange={(e) => add(t.spaceId, e.target.value)}
                  className="w-56 shrink-0 rounded-md border border-slate-300 px-2 py-1 text-sm"
                >
                  <option value="">Add a group or person…</option>
                  <optgroup label="Groups">
                    {(groups.data ?? []).map((g) => (
                      <option key={g.id} value={`app_group:${g.id}`}>
                        {g.name}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label="People">
                    {(users.data ?? [])
                      .filter((u) => u.role !== "admin")
                      .map((u) => (
                        <option key={u.id} value={`user:${u.id}`}>
                          {u.name} ({u.email})
                        </option>
                      ))}
                  </optgroup>
                </select>
              </div>
              {here.length ? (
                <ul className="flex flex-wrap gap-1">
                  {here.map((r) => (
                    <li
                      key={`${r.principalType}:${r.principalId}`}
                      className="flex items-center gap-1 rounded-full bg-blue-50 px-2 py-0.5 text-xs text-blue-900"
                    >
                      {nameOf(r)}
                      <button type="button" aria-label={`Remove ${nameOf(r)} from ${t.label}`} onClick={() => remove(r)} className="text-blue-700">
                        ✕
                      </button>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-xs text-slate-500">{t.spaceId === null ? "No one for every space." : "No one (unless named under All spaces)."}</p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
