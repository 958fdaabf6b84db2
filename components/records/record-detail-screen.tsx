"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { RecordDetail } from "@/lib/content/records";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { typeLabel } from "./labels";
import { RecordChildren } from "./record-children";
import { RecordDocument } from "./record-document";
import { RecordAccessPanel } from "./record-access-panel";
import { RecordIndexPanel } from "./record-index-panel";
import { RecordMetadata } from "./record-metadata";
import { RecordStatusBadge } from "./record-status-badge";

/**
 * One record: its Markdown, metadata, attachments and comments, and its place in the index.
 * Administrators also see who can see it and the index controls. Polls while a Manual indexing request for it is waiting for the worker.
 */
export function RecordDetailScreen({ initialRecord, isAdmin }: { initialRecord: RecordDetail; isAdmin: boolean }) {
  const id = initialRecord.id;
  const query = useQuery({
    queryKey: ["record", id],
    queryFn: () => callApi<RecordDetail>(`/api/records/${id}`),
    initialData: initialRecord,
    refetchInterval: (q) => (q.state.data?.status === "synced" && q.state.data.selectedForIndexing ? 2000 : false),
  });
  const record = query.data;
  const container = record.type === "page" || record.type === "blogpost";

  return (
    <article className="space-y-6" aria-labelledby="record-title">
      <header className="space-y-2">
        <Link href="/records" className="text-sm text-blue-700 hover:underline">
          ← All records
        </Link>
        {record.breadcrumb.length ? (
          <nav aria-label="Breadcrumb">
            <ol className="flex flex-wrap gap-1 text-sm text-slate-500">
              {record.breadcrumb.map((crumb, i) => (
                <li key={i}>
                  {i > 0 ? <span aria-hidden="true">› </span> : null}
                  {crumb}
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="record-title" className="text-xl font-semibold">
            {record.title || "(untitled)"}
          </h1>
          <span className="text-sm text-slate-600">{typeLabel(record.type)}</span>
          <RecordStatusBadge status={record.status} title={record.indexError ?? undefined} />
          {record.url ? (
            <a href={record.url} target="_blank" rel="noopener noreferrer" className="ml-auto text-sm font-medium text-blue-700 hover:underline">
              Open in Confluence ↗
            </a>
          ) : null}
        </div>
      </header>
      {query.isError ? <Alert>Could not refresh this record: {(query.error as Error).message}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <RecordDocument record={record} />
        <div className="space-y-6">
          <RecordIndexPanel record={record} isAdmin={isAdmin} />
          <RecordMetadata record={record} />
          {isAdmin ? <RecordAccessPanel recordId={id} /> : null}
        </div>
      </div>
      {/* Pages and blog posts hold attachments and comments; other records only list them when they have some. */}
      {container || record.attachments.length ? <RecordChildren title="Attachments" items={record.attachments} empty="No attachments." /> : null}
      {container || record.comments.length ? <RecordChildren title="Comments" items={record.comments} empty="No comments." /> : null}
    </article>
  );
}
