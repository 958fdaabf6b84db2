"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { ZSignInInput } from "@/lib/auth/schemas";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";
import { fieldErrorsOf } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** Where to go after sign-in: the page that sent the user here, if it is on this site. */
function afterSignIn(callbackUrl: string | null): string {
  if (!callbackUrl) return "/";
  try {
    const target = new URL(callbackUrl, window.location.href);
    return target.origin === window.location.origin ? target.pathname + target.search : "/";
  } catch {
    return "/";
  }
}

export function SignInForm() {
  const router = useRouter();
  const search = useSearchParams();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = ZSignInInput.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      setFields(fieldErrorsOf(parsed.error.issues));
      return;
    }
    setFields({});
    setMessage(null);
    setBusy(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false });
    if (result?.ok && !result.error) {
      router.replace(afterSignIn(search.get("callbackUrl")));
      router.refresh();
      return;
    }
    setBusy(false);
    setMessage(signInErrorMessage(result?.error));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-8 space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {message ? <Alert>{message}</Alert> : null}
      <Field label="Email" name="email" type="email" autoComplete="email" error={fields.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" error={fields.password} />
      <Button type="submit" busy={busy} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
