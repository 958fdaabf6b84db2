"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { callApi } from "@/lib/http/client";

export type Person = { id: string; name: string; email: string; role: string };

/**
 * Finds people of this app by name or email on the server (`GET /api/users?q=`), so a picker
 * costs the same with ten people or ten thousand. `filter` drops people that cannot be chosen.
 */
export function PersonSearch({ label, onChoose, filter }: { label: string; onChoose: (person: Person) => void; filter?: (person: Person) => boolean }) {
  const id = useId();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useQuery({
    queryKey: ["people", q],
    queryFn: () => callApi<{ users: Person[] }>(`/api/users?q=${encodeURIComponent(q)}&limit=10`),
    enabled: q.length > 0,
  });
  const people = (found.data?.users ?? []).filter((p) => !filter || filter(p));

  return (
    <div>
      <label htmlFor={id} className="font-medium text-slate-700">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Find a person by name or email"
        autoComplete="off"
        className="ml-2 w-72 rounded-md border border-slate-300 px-2 py-1"
      />
      {q ? (
        <div className="mt-2">
          {found.isPending ? <p className="text-slate-500">Searching…</p> : null}
          {found.isError ? <p className="text-rose-700">Could not search people: {(found.error as Error).message}</p> : null}
          {found.isSuccess && people.length === 0 ? <p className="text-slate-500">Nobody found for “{q}”.</p> : null}
          {people.length ? (
            <ul aria-label="People found" className="flex flex-wrap gap-2">
              {people.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setText("");
                      onChoose(p);
                    }}
                    className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50"
                  >
                    {p.name} ({p.email})
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
