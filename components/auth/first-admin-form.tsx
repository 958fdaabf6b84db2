"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { ZClaimFirstAdminInput } from "@/lib/auth/schemas";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";

export function FirstAdminForm() {
  const router = useRouter();
  const form = useApiForm();

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { setupCode: data.get("setupCode"), name: data.get("name"), email: data.get("email"), password: data.get("password") };
    const parsed = ZClaimFirstAdminInput.safeParse(input);
    if (!parsed.success) return form.reject(parsed.error.issues);
    await form.submit(async () => {
      await callApi("/api/setup", { body: input });
      const result = await signIn("credentials", { email: parsed.data.email, password: input.password, redirect: false });
      router.replace(result?.ok ? "/" : "/signin");
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-8 space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {form.message ? <Alert>{form.message}</Alert> : null}
      <Field
        label="Setup code (printed by npm start)"
        name="setupCode"
        autoComplete="off"
        spellCheck={false}
        error={form.fields.setupCode}
        hint="Also in setup-code.txt in the data folder (.data by default)."
      />
      <Field label="Name" name="name" autoComplete="name" error={form.fields.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" error={form.fields.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={form.fields.password}
        hint="At least 12 characters and hard to guess; a few unrelated words work well."
      />
      <Button type="submit" busy={form.busy} className="w-full">
        Create administrator
      </Button>
    </form>
  );
}
