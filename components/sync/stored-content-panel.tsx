"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { ITEM_LABELS } from "./format-run";
import type { ContentStats } from "./types";

const TYPES = ["page", "blogpost", "footer_comment", "inline_comment", "attachment"] as const;

/**
 * What the store holds for this connector now, by type and by space; refreshed while a run
 * writes, and again whenever the latest run changes state (`runState`), whichever poll saw it.
 */
export function StoredContentPanel({ connectorId, live, runState }: { connectorId: string; live: boolean; runState: string }) {
  const stats = useQuery({
    queryKey: ["stats", connectorId, runState],
    queryFn: () => callApi<ContentStats>(`/api/connectors/${connectorId}/stats`),
    refetchInterval: live ? 3000 : false,
    placeholderData: keepPreviousData,
  });

  return (
    <section aria-labelledby="stored-content" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="stored-content" className="text-base font-semibold">
        Stored content
      </h2>
      {stats.isPending ? (
        <p className="mt-3 text-sm text-slate-500">Loading stored content…</p>
      ) : stats.isError ? (
        <div className="mt-3">
          <Alert>Could not load the stored content: {(stats.error as Error).message}</Alert>
        </div>
      ) : (
        <>
          <dl className="mt-3 grid grid-cols-3 gap-3 text-sm sm:grid-cols-6">
            <div>
              <dt className="text-xs uppercase text-slate-500">Spaces</dt>
              <dd className="text-lg font-semibold tabular-nums" aria-label="Stored spaces">
                {stats.data.spaces}
              </dd>
            </div>
            {TYPES.map((t) => (
              <div key={t}>
                <dt className="text-xs uppercase text-slate-500">{ITEM_LABELS[t]}</dt>
                <dd className="text-lg font-semibold tabular-nums" aria-label={`Stored ${ITEM_LABELS[t]!.toLowerCase()}`}>
                  {stats.data.byType[t] ?? 0}
                </dd>
              </div>
            ))}
          </dl>
          {stats.data.bySpace.length === 0 ? (
            <p className="mt-4 text-sm text-slate-500">Nothing stored yet.</p>
          ) : (
            <table className="mt-4 w-full text-left text-sm" aria-label="Stored content by space">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-1 pr-4">Space</th>
                  {TYPES.map((t) => (
                    <th key={t} className="py-1 pr-4 text-right">
                      {ITEM_LABELS[t]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {stats.data.bySpace.map((s) => (
                  <tr key={`${s.spaceKey}-${s.name}`} className="border-t border-slate-100">
                    <td className="py-1 pr-4">
                      <span className="font-mono text-xs">{s.spaceKey}</span> <span className="text-slate-600">{s.name}</span>
                    </td>
                    {TYPES.map((t) => (
                      <td key={t} className="py-1 pr-4 text-right tabular-nums">
                        {s.counts[t] ?? 0}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
