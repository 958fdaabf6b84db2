import { Suspense } from "react";
import { requireUser } from "@/lib/auth";
import { accessContext } from "@/lib/permissions";
import { AccessHeader } from "@/components/permissions/access-header";
import { SearchScreen } from "@/components/search/search-screen";

// Everyone signed in (administrators can View as someone); members' results are limited to what their linked Confluence account may view.
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { viewAs } = await searchParams;
  const context = await accessContext(user, typeof viewAs === "string" ? viewAs : undefined);
  return (
    <div className="space-y-4">
      <AccessHeader context={context} isAdmin={user.role === "admin"} />
      <Suspense>
        <SearchScreen />
      </Suspense>
    </div>
  );
}
