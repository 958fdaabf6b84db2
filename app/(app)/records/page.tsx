import { requireAdmin } from "@/lib/auth";
import { EmptyState } from "@/components/ui/empty-state";

export default async function RecordsPage() {
  await requireAdmin();
  return (
    <section>
      <h1 className="text-xl font-semibold">Records</h1>
      <p className="mt-1 text-sm text-slate-600">Every page, blog post, comment and attachment synced from Confluence.</p>
      <div className="mt-6">
        <EmptyState title="No records yet">
          Records appear here once a connector has synced. The All Records browser arrives with the sync runner and
          content pipeline.
        </EmptyState>
      </div>
    </section>
  );
}
