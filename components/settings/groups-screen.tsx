"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ZGroupInput, type AppGroupView } from "@/lib/audiences/schemas";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { GroupCard, type AppUser } from "./group-card";
import { refreshQueries } from "@/components/refresh-queries";

/** Settings → Groups: every group of app users with its members; create, rename, delete, add and remove people. */
export function GroupsScreen() {
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: ["app-groups"], queryFn: async () => (await callApi<{ groups: AppGroupView[] }>("/api/groups")).groups });
  const users = useQuery({ queryKey: ["users"], queryFn: async () => (await callApi<{ users: AppUser[] }>("/api/users")).users });
  const [name, setName] = useState("");
  const form = useApiForm();
  const refresh = () => refreshQueries(queryClient, ["app-groups"]);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    const parsed = ZGroupInput.safeParse({ name });
    if (!parsed.success) return form.reject(parsed.error.issues);
    const ok = await form.submit(async () => {
      await callApi("/api/groups", { method: "POST", body: parsed.data });
      await refresh();
    });
    if (ok) setName("");
  }

  return (
    <div className="space-y-6">
      <form onSubmit={create} noValidate className="flex items-end gap-3 rounded-lg border border-slate-200 bg-white p-5" aria-label="Create a group">
        <Field
          label="New group"
          className="flex-1"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={form.fields.name}
          placeholder="Support team"
        />
        <Button type="submit" busy={form.busy}>
          Create group
        </Button>
      </form>
      {form.message ? <Alert>{form.message}</Alert> : null}
      {groups.isPending ? (
        <p role="status" className="text-sm text-slate-500">
          Loading groups…
        </p>
      ) : groups.isError ? (
        <Alert>
          Could not load the groups: {(groups.error as Error).message}{" "}
          <button type="button" className="underline" onClick={() => groups.refetch()}>
            Retry
          </button>
        </Alert>
      ) : groups.data.length === 0 ? (
        <EmptyState title="No groups yet">Create a group above, add people to it, then name it in a connector&apos;s Audience rules.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {groups.data.map((group) => (
            <li key={group.id}>
              <GroupCard group={group} users={users.data ?? []} usersError={users.isError ? (users.error as Error).message : null} onChanged={refresh} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
