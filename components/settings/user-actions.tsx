"use client";

import Link from "next/link";
import { useState } from "react";
import { ZResetPasswordInput } from "@/lib/auth/schemas";
import { callApi } from "@/lib/http/client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import type { UserRow } from "./users-table";

interface Props {
  user: UserRow;
  /** Runs one change against the API; the table shows its error and refreshes on success. */
  act: (label: string, work: () => Promise<unknown>) => Promise<boolean>;
  busy: string | null;
}

/** The buttons of one row in Settings → Manage users. */
export function UserActions({ user, act, busy }: Props) {
  const [mode, setMode] = useState<"idle" | "password" | "delete">("idle");
  const disabled = !!user.disabledAt;
  const path = `/api/users/${user.id}`;
  const is = (label: string) => busy === `${label}:${user.id}`;

  if (mode === "delete") {
    return (
      <div className="flex flex-wrap items-center justify-end gap-2">
        <span className="text-sm text-slate-700">Delete {user.name} and their API keys for good?</span>
        <Button
          variant="danger"
          busy={is("delete")}
          onClick={() => act(`delete:${user.id}`, () => callApi(path, { method: "DELETE" })).then((ok) => ok || setMode("idle"))}
        >
          Delete {user.name}
        </Button>
        <Button variant="secondary" onClick={() => setMode("idle")}>
          Cancel
        </Button>
      </div>
    );
  }
  if (mode === "password") return <ResetPasswordForm user={user} onDone={() => setMode("idle")} act={act} />;

  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button
        variant="secondary"
        busy={is("role")}
        aria-label={`${user.role === "admin" ? "Make member" : "Make administrator"}: ${user.name}`}
        onClick={() => act(`role:${user.id}`, () => callApi(path, { method: "PATCH", body: { role: user.role === "admin" ? "member" : "admin" } }))}
      >
        {user.role === "admin" ? "Make member" : "Make administrator"}
      </Button>
      <Button
        variant="secondary"
        busy={is("disable")}
        aria-label={`${disabled ? "Enable" : "Disable"} ${user.name}`}
        onClick={() => act(`disable:${user.id}`, () => callApi(path, { method: "PATCH", body: { disabled: !disabled } }))}
      >
        {disabled ? "Enable" : "Disable"}
      </Button>
      <Button variant="secondary" aria-label={`Reset password of ${user.name}`} onClick={() => setMode("password")}>
        Reset password
      </Button>
      <Link
        href={`/settings/users/${user.id}`}
        aria-label={`Confluence accounts of ${user.name}`}
        className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50"
      >
        Confluence accounts
      </Link>
      <Button
        variant="secondary"
        busy={is("keys")}
        disabled={user.activeApiKeys === 0}
        aria-label={`Revoke API keys of ${user.name}`}
        onClick={() => act(`keys:${user.id}`, () => callApi(`${path}/api-keys`, { method: "DELETE" }))}
      >
        Revoke API keys ({user.activeApiKeys})
      </Button>
      <Button variant="secondary" aria-label={`Delete ${user.name}`} onClick={() => setMode("delete")}>
        Delete
      </Button>
    </div>
  );
}

function ResetPasswordForm({ user, onDone, act }: { user: UserRow; onDone: () => void; act: Props["act"] }) {
  const form = useApiForm();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = new FormData(event.currentTarget).get("password");
    const parsed = ZResetPasswordInput.safeParse({ password });
    if (!parsed.success) return form.reject(parsed.error.issues);
    const ok = await form.submit(() => callApi(`/api/users/${user.id}/password`, { method: "PUT", body: parsed.data }).then(() => {}));
    if (ok) {
      await act(`password:${user.id}`, async () => {});
      onDone();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start justify-end gap-2">
      <Field
        label={`New password for ${user.name}`}
        name="password"
        type="password"
        autoComplete="new-password"
        error={form.fields.password ?? form.message ?? undefined}
        hint="They are signed out everywhere and sign in with this one."
        className="w-80 text-left"
      />
      <Button type="submit" busy={form.busy} className="mt-6">
        Set password
      </Button>
      <Button variant="secondary" className="mt-6" onClick={onDone}>
        Cancel
      </Button>
    </form>
  );
}
