import Link from "next/link";
import type { RecordDetail } from "@/lib/content/records";
import { dateTime, fileSize, typeLabel } from "./labels";
import { RecordStatusBadge } from "./record-status-badge";

type Child = RecordDetail["attachments"][number];

/** A record's attachments or comments, each linking to its own record. */
export function RecordChildren({ title, items, empty }: { title: string; items: Child[]; empty: string }) {
  const headingId = `record-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={headingId} className="text-base font-semibold">
        {title} <span className="font-normal text-slate-500">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
              <Link href={`/records/${item.id}`} className="font-medium text-blue-800 hover:underline">
                {item.title || typeLabel(item.type)}
              </Link>
              <span className="text-slate-500">{typeLabel(item.type)}</span>
              {item.type === "attachment" ? (
                <span className="text-slate-500">
                  {item.mediaType ?? "unknown type"} · {fileSize(item.fileSize)}
                </span>
              ) : null}
              <span className="text-slate-500">{dateTime(item.modifiedAt)}</span>
              <RecordStatusBadge status={item.status} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
