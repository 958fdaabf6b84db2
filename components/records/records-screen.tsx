"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { RecordRow } from "@/lib/content/records";
import { ApiError, callApi } from "@/lib/http/client";
import type { ConnectorView } from "@/lib/connectors/view";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pager } from "@/components/ui/pager";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { IndexSelectedBar } from "./index-selected-bar";
import { filtersOf, hasFilters, RecordsFilters, type RecordFilters } from "./records-filters";
import { FIRST_DIR, RecordsTable, type SortColumn, type SortDir } from "./records-table";

export interface RecordsPage {
  total: number;
  page: number;
  pageSize: number;
  records: RecordRow[];
}

const SORTS: SortColumn[] = ["title", "type", "modified", "status"];

/**
 * All Records: every stored record, paged, sorted and filtered on the server. Filters, sort
 * and page live in the URL, so reload and back keep them.
 */
export function RecordsScreen() {
  const url = useUrlQuery();
  const filters = filtersOf(url.values);
  const sort = SORTS.includes(url.values.sort as SortColumn) ? (url.values.sort as SortColumn) : "modified";
  const dir: SortDir = url.values.dir === "asc" || url.values.dir === "desc" ? url.values.dir : FIRST_DIR[sort];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Records just sent to Manual indexing: the list polls until none of them is still "Synced" (or a minute passes).
  const [watching, setWatching] = useState<{ ids: Set<string>; until: number } | null>(null);

  const connectors = useQuery({
    queryKey: ["connectors"],
    queryFn: async () => (await callApi<{ connectors: ConnectorView[] }>("/api/connectors")).connectors,
  });
  const records = useQuery({
    queryKey: ["records", url.queryString],
    queryFn: () => callApi<RecordsPage>(`/api/records${url.queryString ? `?${url.queryString}` : ""}`),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      watching && Date.now() < watching.until && q.state.data?.records.some((r) => watching.ids.has(r.id) && r.status === "synced") ? 2000 : false,
  });
  const manual = new Set((connectors.data ?? []).filter((c) => c.config?.indexing.manualIndexing).map((c) => c.id));
  const fieldErrors = records.error instanceof ApiError ? records.error.fields : {};
  const badInput = Object.keys(fieldErrors).length > 0;
  const data = records.data;

  const applyFilters = (next: RecordFilters) => {
    setSelected(new Set());
    url.navigate({ ...next, sort: url.values.sort, dir: url.values.dir, viewAs: url.values.viewAs });
  };
  const onSort = (column: SortColumn) =>
    url.update({ sort: column, dir: column === sort ? (dir === "asc" ? "desc" : "asc") : FIRST_DIR[column], page: undefined });
  const onSelect = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids)
      if (on) next.add(id);
      else next.delete(id);
    setSelected(next);
  };

  return (
    <section className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Records</h1>
        <p className="mt-1 text-sm text-slate-600">Every page, blog post, comment and attachment synced from Confluence.</p>
      </div>
      <RecordsFilters key={url.queryString} initial={filters} connectors={connectors.data ?? []} serverErrors={fieldErrors} onApply={applyFilters} />
      {data?.records.some((r) => manual.has(r.connectorId)) ? (
        <IndexSelectedBar
          selected={[...selected]}
          onQueued={(ids) => {
            setSelected(new Set());
            setWatching({ ids: new Set(ids), until: Date.now() + 60_000 });
          }}
        />
      ) : null}
      {records.isPending ? (
        <p className="text-sm text-slate-500" role="status">
          Loading records…
        </p>
      ) : records.isError && !badInput ? (
        <Alert>
          Could not load the records: {(records.error as Error).message}{" "}
          <Button variant="secondary" onClick={() => records.refetch()}>
            Retry
          </Button>
        </Alert>
      ) : badInput || !data ? (
        <Alert>Some filters are not valid; correct the fields marked above.</Alert>
      ) : data.total === 0 ? (
        hasFilters(filters) ? (
          <EmptyState title="No records match these filters">
            <Button variant="secondary" className="mt-2" onClick={() => applyFilters(filtersOf({}))}>
              Clear filters
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title="No records yet">Records appear here once a connector has synced. Set one up under Connectors and press Sync now.</EmptyState>
        )
      ) : (
        <div className={`space-y-3 ${records.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={records.isFetching || undefined}>
          <RecordsTable
            records={data.records}
            sort={sort}
            dir={dir}
            onSort={onSort}
            selectableConnectors={manual}
            selected={selected}
            onSelect={onSelect}
            showConnector={(connectors.data?.length ?? 0) > 1}
          />
          <Pager
            label="Records pages"
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(p) => url.update({ page: p > 1 ? p : undefined })}
          />
        </div>
      )}
    </section>
  );
}
