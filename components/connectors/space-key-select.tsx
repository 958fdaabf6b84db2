"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { ConnectorConfig } from "@/lib/connectors/config-schema";
import { callApi } from "@/lib/http/client";

type SpaceFilter = ConnectorConfig["filters"]["spaces"];

interface Space {
  id: string;
  key: string;
  name: string;
  type: string;
}

/** Space keys filled from the site's live space list. Keys are case-sensitive, as in Confluence. */
export function SpaceKeySelect({
  connectorId,
  value,
  onChange,
  error,
}: {
  connectorId: string;
  value: SpaceFilter;
  onChange: (value: SpaceFilter) => void;
  error?: string;
}) {
  const spaces = useQuery({
    queryKey: ["connector-spaces", connectorId],
    queryFn: async () => (await callApi<{ spaces: Space[] }>(`/api/connectors/${connectorId}/spaces`)).spaces,
    staleTime: 60_000,
  });
  const [search, setSearch] = useState("");
  const operator = value?.operator ?? "in";
  const selected = useMemo(() => new Set(value?.keys ?? []), [value]);
  const visible = (spaces.data ?? []).filter((s) => !search || s.key.includes(search) || s.name.toLowerCase().includes(search.toLowerCase()));

  const update = (keys: string[], op = operator) => onChange(keys.length ? { operator: op, keys } : null);
  const toggle = (key: string) => update(selected.has(key) ? [...selected].filter((k) => k !== key) : [...selected, key]);

  return (
    <div>
      <div className="flex items-center gap-2">
        <span className="text-sm font-medium text-slate-700">Space keys</span>
        <select
          aria-label="Space keys operator"
          value={operator}
          onChange={(e) => update([...selected], e.target.value as "in" | "not_in")}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          <option value="in">In</option>
          <option value="not_in">Not In</option>
        </select>
        <span className="text-xs text-slate-500">{selected.size ? `${selected.size} selected` : "All spaces"}</span>
      </div>
      <input
        aria-label="Find a space"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Find a space by key or name"
        className="mt-2 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm"
      />
      <div className="mt-2 max-h-48 overflow-y-auto rounded-md border border-slate-200 p-2" role="group" aria-label="Spaces">
        {spaces.isPending ? (
          <p className="text-sm text-slate-500">Loading spaces from the site…</p>
        ) : spaces.isError ? (
          <p role="alert" className="text-sm text-rose-600">
            Could not load the site&apos;s spaces: {(spaces.error as Error).message}{" "}
            <button type="button" className="underline" onClick={() => spaces.refetch()}>
              Retry
            </button>
          </p>
        ) : visible.length === 0 ? (
          <p className="text-sm text-slate-500">{spaces.data.length ? "No space matches." : "The site has no spaces this account can see."}</p>
        ) : (
          visible.map((space) => (
            <label key={space.id} className="flex items-center gap-2 py-0.5 text-sm">
              <input type="checkbox" checked={selected.has(space.key)} onChange={() => toggle(space.key)} />
              <span className="font-mono text-xs">{space.key}</span>
              <span className="text-slate-600">{space.name}</span>
            </label>
          ))
        )}
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
