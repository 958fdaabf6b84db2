import { Suspense } from "react";
import { requireAdmin } from "@/lib/auth";
import { RecordsScreen } from "@/components/records/records-screen";

// Admins only until permissions are mirrored: records are not yet filtered by what Confluence lets a user see.
export default async function RecordsPage() {
  await requireAdmin();
  return (
    <Suspense>
      <RecordsScreen />
    </Suspense>
  );
}
