import Link from "next/link";
import type { SearchHit } from "@/lib/content/search";
import { day, typeLabel } from "@/components/records/labels";
import { Snippet } from "./snippet";

/** Ranked hits: title (to the record), breadcrumb, highlighted snippet, type, space, date and the Confluence link. */
export function SearchResults({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className="space-y-3" aria-label="Search results">
      {hits.map((hit) => (
        <li key={hit.recordId} className="rounded-lg border border-slate-200 bg-white p-4" aria-label={hit.title || "(untitled)"}>
          {hit.breadcrumb.length ? <p className="text-xs text-slate-500">{hit.breadcrumb.join(" › ")}</p> : null}
          <h2 className="text-base font-semibold">
            <Link href={`/records/${hit.recordId}`} className="text-blue-800 hover:underline">
              {hit.title || "(untitled)"}
            </Link>
          </h2>
          <div className="mt-1">
            <Snippet parts={hit.snippet} />
          </div>
          <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-500">
            <span>{typeLabel(hit.type)}</span>
            {hit.space ? (
              <span title={hit.space.name}>
                Space <span className="font-mono">{hit.space.key}</span>
              </span>
            ) : null}
            <span>Modified {day(hit.modifiedAt)}</span>
            {hit.url ? (
              <a href={hit.url} target="_blank" rel="noopener noreferrer" className="font-medium text-blue-700 hover:underline">
                Open in Confluence ↗
              </a>
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
