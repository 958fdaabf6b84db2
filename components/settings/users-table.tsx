"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { UserActions } from "./user-actions";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  role: "admin" | "member";
  createdAt: string;
  disabledAt: string | null;
  activeApiKeys: number;
}

/** Settings → Manage users: every account with its role, state and what an administrator can change. */
export function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function act(label: string, work: () => Promise<unknown>): Promise<boolean> {
    setBusy(label);
    setError(null);
    setDone(null);
    try {
      await work();
      setDone(doneMessage(label, users));
      router.refresh();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Something went wrong. Try again.");
      return false;
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      {done ? <Alert tone="success">{done}</Alert> : null}
      <table className="w-full rounded-lg border border-slate-200 bg-white text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="px-4 py-2">Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Status</th>
            <th>Created</th>
            <th className="px-4 text-right">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-t border-slate-100 align-top">
              <td className="px-4 py-2">
                {u.name}
                {u.id === currentUserId ? <span className="ml-1 text-xs text-slate-500">(you)</span> : null}
              </td>
              <td className="py-2">{u.email}</td>
              <td className="py-2">{u.role === "admin" ? "Administrator" : "Member"}</td>
              <td className="py-2">{u.disabledAt ? <span className="text-rose-700">Disabled</span> : "Active"}</td>
              <td className="py-2">{new Date(u.createdAt).toLocaleDateString()}</td>
              <td className="px-4 py-2">
                <UserActions user={u} act={act} busy={busy} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function doneMessage(label: string, users: UserRow[]): string {
  const [action, id] = label.split(":");
  const user = users.find((u) => u.id === id);
  const name = user?.name ?? "The user";
  switch (action) {
    case "role":
      return `${name} is now ${user?.role === "admin" ? "a member" : "an administrator"}.`;
    case "disable":
      return user?.disabledAt ? `${name} is enabled again.` : `${name} is disabled and signed out.`;
    case "keys":
      return `${name}'s API keys are revoked.`;
    case "password":
      return `${name}'s password is reset; they are signed out everywhere.`;
    case "delete":
      return `${name} is deleted.`;
    default:
      return "Done.";
  }
}
