import { Suspense } from "react";
import { requireUser } from "@/lib/auth";
import { memberAccessSummary } from "@/lib/permissions";
import { AccessNotice } from "@/components/permissions/access-notice";
import { SearchScreen } from "@/components/search/search-screen";

// Everyone signed in; members' results are limited to what their linked Confluence account may view.
export default async function SearchPage() {
  const user = await requireUser();
  const summary = user.role === "admin" ? null : await memberAccessSummary(user.id);
  return (
    <div className="space-y-4">
      {summary ? <AccessNotice summary={summary} /> : null}
      <Suspense>
        <SearchScreen />
      </Suspense>
    </div>
  );
}
