"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ZFirstAdminInput } from "@/lib/auth/schemas";
import { ApiError, callApi, fieldErrorsOf } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function FirstAdminForm() {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: form.get("name"), email: form.get("email"), password: form.get("password") };
    const parsed = ZFirstAdminInput.safeParse(input);
    if (!parsed.success) {
      setFields(fieldErrorsOf(parsed.error.issues));
      return;
    }
    setFields({});
    setMessage(null);
    setBusy(true);
    try {
      await callApi("/api/setup", { body: input });
      const result = await signIn("credentials", { email: parsed.data.email, password: input.password, redirect: false });
      router.replace(result?.ok ? "/" : "/signin");
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError) {
        setFields(err.fields);
        setMessage(Object.keys(err.fields).length ? null : err.message);
      } else setMessage("Something went wrong. Try again.");
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-8 space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {message ? <Alert>{message}</Alert> : null}
      <Field label="Name" name="name" autoComplete="name" error={fields.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" error={fields.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={fields.password}
        hint="At least 12 characters."
      />
      <Button type="submit" busy={busy} className="w-full">
        Create administrator
      </Button>
    </form>
  );
}
