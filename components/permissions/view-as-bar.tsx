"use client";

import { useUrlQuery } from "@/components/ui/use-url-query";
import { PersonSearch } from "./person-search";

interface Props {
  viewingAs: { id: string; name: string; email: string } | null;
}

/** An administrator's View as: find a person, and Search or All Records shows exactly what they would see. */
export function ViewAsBar({ viewingAs }: Props) {
  const url = useUrlQuery();
  const choose = (id: string | undefined) => url.update({ viewAs: id, page: undefined });
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
      <PersonSearch label="View as" onChoose={(p) => choose(p.id)} />
      <p className="mt-1">
        {viewingAs ? (
          <>
            <span className="text-amber-800" data-testid="viewing-as">
              Showing only what {viewingAs.name} ({viewingAs.email}) may see.
            </span>{" "}
            <button type="button" onClick={() => choose(undefined)} className="text-blue-700 hover:underline">
              Back to my view
            </button>
          </>
        ) : (
          <span className="text-slate-500">Showing everything (you are an administrator).</span>
        )}
      </p>
    </div>
  );
}
