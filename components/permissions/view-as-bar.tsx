"use client";

import { useUrlQuery } from "@/components/ui/use-url-query";

interface Props {
  people: { id: string; name: string; email: string }[];
  viewingAs: { id: string; name: string } | null;
}

/** An administrator's View as: pick a person and Search or All Records shows exactly what they would see. */
export function ViewAsBar({ people, viewingAs }: Props) {
  const url = useUrlQuery();
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
      <label htmlFor="view-as" className="font-medium text-slate-700">
        View as
      </label>
      <select
        id="view-as"
        value={viewingAs?.id ?? ""}
        onChange={(e) => url.update({ viewAs: e.target.value || undefined, page: undefined })}
        className="rounded-md border border-slate-300 px-2 py-1"
      >
        <option value="">Myself (administrator: everything)</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.email})
          </option>
        ))}
      </select>
      {viewingAs ? (
        <span className="text-amber-800" data-testid="viewing-as">
          Showing only what {viewingAs.name} may see.
        </span>
      ) : people.length === 0 ? (
        <span className="text-slate-500">There is nobody else to view as yet.</span>
      ) : null}
    </div>
  );
}
