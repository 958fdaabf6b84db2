import { Suspense } from "react";
import { requireUser } from "@/lib/auth";
import { accessContext } from "@/lib/permissions";
import { AccessHeader } from "@/components/permissions/access-header";
import { RecordsScreen } from "@/components/records/records-screen";

// Everyone signed in (administrators can View as someone); members' records are limited to what their linked Confluence account may view.
export default async function RecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { viewAs } = await searchParams;
  const context = await accessContext(user, typeof viewAs === "string" ? viewAs : undefined);
  return (
    <div className="space-y-4">
      <AccessHeader context={context} isAdmin={user.role === "admin"} />
      <Suspense>
        <RecordsScreen />
      </Suspense>
    </div>
  );
}
