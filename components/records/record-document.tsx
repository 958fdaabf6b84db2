"use client";

import { useState } from "react";
import type { RecordDetail } from "@/lib/content/records";
import { MarkdownView } from "./markdown/markdown-view";

/** The converted document, rendered (default) or as its Markdown source. */
export function RecordDocument({ record }: { record: Pick<RecordDetail, "markdown" | "type" | "status" | "anchorText"> }) {
  const [view, setView] = useState<"rendered" | "markdown">("rendered");
  const toggle = (value: typeof view, label: string) => (
    <button
      type="button"
      aria-pressed={view === value}
      onClick={() => setView(value)}
      className={`px-3 py-1 text-xs font-medium ${view === value ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
    >
      {label}
    </button>
  );

  return (
    <section aria-labelledby="record-document" className="min-w-0 rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex items-center justify-between gap-3">
        <h2 id="record-document" className="text-base font-semibold">
          {record.type === "attachment" ? "Extracted text" : "Document"}
        </h2>
        {record.markdown ? (
          <div role="group" aria-label="Show the document as" className="inline-flex overflow-hidden rounded-md border border-slate-300">
            {toggle("rendered", "Rendered")}
            {toggle("markdown", "Markdown")}
          </div>
        ) : null}
      </div>
      {record.anchorText ? (
        <p className="mt-3 text-sm text-slate-600">
          Comment on: <q className="bg-amber-50">{record.anchorText}</q>
        </p>
      ) : null}
      <div className="mt-4">
        {!record.markdown ? (
          <p className="text-sm text-slate-500">
            {record.status === "skipped"
              ? "This record is not indexed, so no Markdown was made for it."
              : record.status === "failed"
                ? "The conversion failed; see the index status."
                : "No Markdown yet: it is made when the record is indexed."}
          </p>
        ) : view === "rendered" ? (
          <div aria-label="Rendered Markdown" role="document">
            <MarkdownView source={record.markdown} headingOffset={1} keepLines={record.type === "attachment"} />
          </div>
        ) : (
          <pre aria-label="Markdown source" className="overflow-x-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-xs text-slate-800">
            {record.markdown}
          </pre>
        )}
      </div>
    </section>
  );
}
