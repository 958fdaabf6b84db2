import { redirect } from "next/navigation";
import { hasAnyUser } from "@/lib/auth";
import { FirstAdminForm } from "@/components/auth/first-admin-form";

export const dynamic = "force-dynamic";

export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/signin");
  return (
    <main className="mx-auto max-w-md px-6 py-16">
      <h1 className="text-2xl font-semibold">Create the first administrator</h1>
      <p className="mt-2 text-sm text-slate-600">
        This install has no accounts yet. The administrator you create here connects Confluence sites and invites everyone else. To prove you run this install,
        enter the setup code that <code>npm start</code> printed. This page disappears once the account exists.
      </p>
      <FirstAdminForm />
    </main>
  );
}
