import { EmptyState } from "@/components/ui/empty-state";

export default function SearchPage() {
  return (
    <section>
      <h1 className="text-xl font-semibold">Search</h1>
      <p className="mt-1 text-sm text-slate-600">Search synced Confluence content, limited to what you may see.</p>
      <div className="mt-6">
        <EmptyState title="Search is not available yet">
          Search arrives with the content pipeline and its index. There is no synced content to search yet.
        </EmptyState>
      </div>
    </section>
  );
}
