import Link from "next/link";
import { requireAdmin } from "@/lib/auth";
import { GroupsScreen } from "@/components/settings/groups-screen";

export default async function GroupsPage() {
  await requireAdmin();
  return (
    <section className="space-y-6">
      <div>
        <Link href="/settings" className="text-sm text-blue-700 hover:underline">
          ← Settings
        </Link>
        <h1 className="mt-2 text-xl font-semibold">Groups</h1>
        <p className="mt-1 text-sm text-slate-600">
          Groups of people of this app, for connectors whose access is decided by Audience rules (Configure Records). Removing someone from a group, or deleting
          a group, takes their access away at once.
        </p>
      </div>
      <GroupsScreen />
    </section>
  );
}
