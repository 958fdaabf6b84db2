import Link from "next/link";
import { notFound } from "next/navigation";
import { listUsers, requireAdmin } from "@/lib/auth";
import { memberAccessSummary } from "@/lib/permissions";
import { AccountLinksPanel } from "@/components/settings/account-links-panel";

/** Settings → Users → one person's Confluence accounts: which account they search as, per connector. */
export default async function UserAccountsPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const user = (await listUsers()).find((u) => u.id === id);
  if (!user) notFound();
  const access = await memberAccessSummary(user.id);
  return (
    <section className="space-y-6">
      <div>
        <Link href="/settings/users" className="text-sm text-blue-700 hover:underline">
          ← Users
        </Link>
        <h1 className="mt-2 text-xl font-semibold">Confluence accounts of {user.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {user.role === "admin"
            ? "Administrators see everything; a link decides what they see when someone uses View as for them."
            : "Search and All Records show this person what the linked Confluence account may see. Unlinked, they see what anonymous access may see."}{" "}
          A synced user whose visible email equals {user.email} is linked automatically; choose an account here when their email is hidden or different.
        </p>
      </div>
      <AccountLinksPanel userId={user.id} initial={access} />
    </section>
  );
}
