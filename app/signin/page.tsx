import { redirect } from "next/navigation";
import { Suspense } from "react";
import { currentUser, hasAnyUser } from "@/lib/auth";
import { SignInForm } from "@/components/auth/sign-in-form";

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (!(await hasAnyUser())) redirect("/setup");
  if (await currentUser()) redirect("/");
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      <p className="mt-2 text-sm text-slate-600">Confluence Connector</p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </main>
  );
}
