import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function RecordNotFound() {
  return (
    <section className="space-y-4">
      <Link href="/records" className="text-sm text-blue-700 hover:underline">
        ← All records
      </Link>
      <EmptyState title="Record not found">There is no record with this id. It may have been deleted in Confluence and removed by a later sync.</EmptyState>
    </section>
  );
}
