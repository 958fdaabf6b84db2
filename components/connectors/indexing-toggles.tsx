"use client";

import type { ConnectorConfig } from "@/lib/connectors/config-schema";

type Indexing = ConnectorConfig["indexing"];

const TOGGLES: { key: Exclude<keyof Indexing, "manualIndexing" | "useOcr">; label: string }[] = [
  { key: "pages", label: "Index Pages" },
  { key: "pageAttachments", label: "Index Page Attachments" },
  { key: "pageComments", label: "Index Page Comments" },
  { key: "blogPosts", label: "Index Blog posts" },
  { key: "blogPostAttachments", label: "Index Blog post Attachments" },
  { key: "blogPostComments", label: "Index Blog post Comments" },
];

export function IndexingToggles({ value, onChange }: { value: Indexing; onChange: (value: Indexing) => void }) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-semibold">Indexing filters</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {TOGGLES.map((toggle) => (
          <label key={toggle.key} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={value[toggle.key]} onChange={(e) => onChange({ ...value, [toggle.key]: e.target.checked })} />
            {toggle.label}
          </label>
        ))}
      </div>
      <label className="flex items-start gap-2 rounded-md border border-slate-200 p-3 text-sm">
        <input type="checkbox" className="mt-0.5" checked={value.useOcr} onChange={(e) => onChange({ ...value, useOcr: e.target.checked })} />
        <span>
          <strong>Use OCR</strong>
          <span className="block text-slate-600">Read text from images and scanned PDFs (English). Slower: seconds per file.</span>
        </span>
      </label>
      <label className="flex items-start gap-2 rounded-md border border-slate-200 p-3 text-sm">
        <input type="checkbox" className="mt-0.5" checked={value.manualIndexing} onChange={(e) => onChange({ ...value, manualIndexing: e.target.checked })} />
        <span>
          <strong>Manual indexing</strong>
          <span className="block text-slate-600">Records are synced, but indexed only when an administrator selects them.</span>
        </span>
      </label>
    </fieldset>
  );
}
