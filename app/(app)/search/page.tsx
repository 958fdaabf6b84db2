import { Suspense } from "react";
import { requireAdmin } from "@/lib/auth";
import { SearchScreen } from "@/components/search/search-screen";

// Admins only until permissions are mirrored: results are not yet filtered by what Confluence lets each user see.
export default async function SearchPage() {
  await requireAdmin();
  return (
    <Suspense>
      <SearchScreen />
    </Suspense>
  );
}
