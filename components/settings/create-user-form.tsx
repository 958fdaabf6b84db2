"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ZCreateUserInput } from "@/lib/auth/schemas";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select-field";
import { useApiForm } from "@/components/ui/use-api-form";

export function CreateUserForm() {
  const router = useRouter();
  const form = useApiForm();
  const [created, setCreated] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const data = new FormData(formElement);
    const input = { name: data.get("name"), email: data.get("email"), password: data.get("password"), role: data.get("role") };
    const parsed = ZCreateUserInput.safeParse(input);
    if (!parsed.success) return form.reject(parsed.error.issues);
    setCreated(null);
    const ok = await form.submit(() => callApi("/api/users", { body: input }).then(() => {}));
    if (ok) {
      formElement.reset();
      setCreated(parsed.data.email);
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="text-base font-semibold">Add a user</h2>
      {form.message ? <Alert>{form.message}</Alert> : null}
      {created ? <Alert tone="success">Created {created}.</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" error={form.fields.name} />
        <Field label="Email" name="email" type="email" error={form.fields.email} />
        <Field label="Initial password" name="password" type="password" autoComplete="new-password" error={form.fields.password} />
        <SelectField label="Role" name="role" defaultValue="member" error={form.fields.role}>
          <option value="member">Member</option>
          <option value="admin">Administrator</option>
        </SelectField>
      </div>
      <Button type="submit" busy={form.busy}>
        Add user
      </Button>
    </form>
  );
}
