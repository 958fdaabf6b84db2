import Link from "next/link";
import type { RecordDetail } from "@/lib/content/records";
import { dateTime, fileSize, typeLabel } from "./labels";

/** What Confluence says about the record: where it lives, its version, author, dates and labels. */
export function RecordMetadata({ record }: { record: RecordDetail }) {
  const rows: [string, React.ReactNode][] = [
    ["Type", typeLabel(record.type)],
    ["Space", record.space ? `${record.space.name} (${record.space.key})` : "—"],
    ["Breadcrumb", record.breadcrumb.length ? record.breadcrumb.join(" › ") : "—"],
    ...(record.container
      ? ([
          [
            "On",
            <Link key="on" href={`/records/${record.container.id}`} className="text-blue-700 underline">
              {record.container.title}
            </Link>,
          ],
        ] as [string, React.ReactNode][])
      : []),
    ["Connector", record.connectorName],
    [
      "Confluence id",
      <span key="id" className="font-mono text-xs">
        {record.confluenceId}
      </span>,
    ],
    ["Confluence status", record.confluenceStatus],
    ["Version", String(record.version)],
    [
      "Author",
      record.authorName ??
        (record.authorId ? (
          <span key="author" className="break-all font-mono text-xs">
            {record.authorId}
          </span>
        ) : (
          "—"
        )),
    ],
    ["Created", dateTime(record.createdAt)],
    ["Modified", dateTime(record.modifiedAt)],
  ];
  if (record.type === "attachment") rows.push(["Media type", record.mediaType ?? "—"], ["Size", fileSize(record.fileSize)]);

  return (
    <section aria-labelledby="record-metadata" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="record-metadata" className="text-base font-semibold">
        Metadata
      </h2>
      <dl className="mt-3 space-y-2 text-sm">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs uppercase text-slate-500">{label}</dt>
            <dd aria-label={label}>{value}</dd>
          </div>
        ))}
        <div>
          <dt className="text-xs uppercase text-slate-500">Labels</dt>
          <dd aria-label="Labels">
            {record.labels.length ? (
              <ul className="mt-1 flex flex-wrap gap-1">
                {record.labels.map((label) => (
                  <li key={label} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                    {label}
                  </li>
                ))}
              </ul>
            ) : (
              "—"
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
