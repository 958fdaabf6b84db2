"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ZCreateUserInput } from "@/lib/auth/schemas";
import { ApiError, callApi, fieldErrorsOf } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function CreateUserForm() {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = { name: form.get("name"), email: form.get("email"), password: form.get("password"), role: form.get("role") };
    const parsed = ZCreateUserInput.safeParse(input);
    if (!parsed.success) return setFields(fieldErrorsOf(parsed.error.issues));
    setFields({});
    setMessage(null);
    setBusy(true);
    try {
      await callApi("/api/users", { body: input });
      formElement.reset();
      setMessage({ tone: "success", text: `Created ${parsed.data.email}.` });
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError) {
        setFields(err.fields);
        if (!Object.keys(err.fields).length) setMessage({ tone: "error", text: err.message });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="text-base font-semibold">Add a user</h2>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" error={fields.name} />
        <Field label="Email" name="email" type="email" error={fields.email} />
        <Field label="Initial password" name="password" type="password" autoComplete="new-password" error={fields.password} />
        <div>
          <label htmlFor="role" className="block text-sm font-medium text-slate-700">
            Role
          </label>
          <select id="role" name="role" defaultValue="member" className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm">
            <option value="member">Member</option>
            <option value="admin">Administrator</option>
          </select>
          {fields.role ? <p className="mt-1 text-sm text-rose-600">{fields.role}</p> : null}
        </div>
      </div>
      <Button type="submit" busy={busy}>
        Add user
      </Button>
    </form>
  );
}
