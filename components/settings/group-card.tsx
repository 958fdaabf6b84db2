"use client";

import { useState } from "react";
import { ZGroupInput, type AppGroupView } from "@/lib/audiences/schemas";
import { ApiError, callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useApiForm } from "@/components/ui/use-api-form";

export type AppUser = { id: string; name: string; email: string; role: string };

/** One group: rename, delete, and its members with add (from the app's users) and remove. */
export function GroupCard({
  group,
  users,
  usersError,
  onChanged,
}: {
  group: AppGroupView;
  users: AppUser[];
  usersError: string | null;
  onChanged: () => Promise<void>;
}) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(group.name);
  const [adding, setAdding] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const form = useApiForm();
  const base = `/api/groups/${group.id}`;
  const memberIds = new Set(group.members.map((m) => m.id));
  const candidates = users.filter((u) => !memberIds.has(u.id));

  async function act(label: string, work: () => Promise<unknown>) {
    setBusy(label);
    setError(null);
    try {
      await work();
      await onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Something went wrong. Try again.");
    } finally {
      setBusy(null);
    }
  }

  async function rename(event: React.FormEvent) {
    event.preventDefault();
    const parsed = ZGroupInput.safeParse({ name });
    if (!parsed.success) return form.reject(parsed.error.issues);
    const ok = await form.submit(async () => {
      await callApi(base, { method: "PATCH", body: parsed.data });
      await onChanged();
    });
    if (ok) setRenaming(false);
  }

  return (
    <section aria-label={`Group ${group.name}`} className="rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex items-start justify-between gap-3">
        {renaming ? (
          <form onSubmit={rename} noValidate className="flex flex-1 items-end gap-2">
            <Field label="Group name" className="flex-1" value={name} onChange={(e) => setName(e.target.value)} error={form.fields.name} />
            <Button type="submit" busy={form.busy}>
              Save
            </Button>
            <Button variant="secondary" onClick={() => setRenaming(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          <h2 className="text-base font-semibold">
            {group.name}{" "}
            <span className="text-sm font-normal text-slate-500">
              ({group.members.length} {group.members.length === 1 ? "person" : "people"})
            </span>
          </h2>
        )}
        {!renaming ? (
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => setRenaming(true)}>
              Rename
            </Button>
            <Button
              variant="danger"
              busy={busy === "delete"}
              onClick={() => {
                if (window.confirm(`Delete the group ${group.name}? Audience rules naming it are removed, and its members lose that access.`))
                  void act("delete", () => callApi(base, { method: "DELETE" }));
              }}
            >
              Delete
            </Button>
          </div>
        ) : null}
      </div>
      {form.message ? <Alert>{form.message}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      {group.members.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">No one in this group yet.</p>
      ) : (
        <ul aria-label={`Members of ${group.name}`} className="mt-3 divide-y divide-slate-100 text-sm">
          {group.members.map((m) => (
            <li key={m.id} className="flex items-center justify-between py-1.5">
              <span>
                {m.name} <span className="text-slate-500">({m.email})</span>
              </span>
              <button
                type="button"
                className="text-sm text-rose-700 hover:underline disabled:text-slate-400"
                disabled={busy !== null}
                onClick={() => act(`remove:${m.id}`, () => callApi(`${base}/members/${m.id}`, { method: "DELETE" }))}
              >
                Remove {m.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {usersError ? <Alert>Could not list people: {usersError}</Alert> : null}
      {candidates.length ? (
        <div className="mt-3 flex items-end gap-2">
          <SelectField label={`Add a person to ${group.name}`} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose a person…</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </SelectField>
          <Button
            variant="secondary"
            disabled={!adding}
            busy={busy === "add"}
            onClick={() => act("add", () => callApi(`${base}/members/${adding}`, { method: "PUT" })).then(() => setAdding(""))}
          >
            Add
          </Button>
        </div>
      ) : null}
    </section>
  );
}
