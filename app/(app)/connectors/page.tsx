import { EmptyState } from "@/components/ui/empty-state";

export default function ConnectorsPage() {
  return (
    <section>
      <h1 className="text-xl font-semibold">Connectors</h1>
      <p className="mt-1 text-sm text-slate-600">Confluence Cloud sites this install syncs.</p>
      <div className="mt-6">
        <EmptyState title="No connectors yet">
          Connecting a Confluence site (API token or OAuth 2.0) arrives with connector setup. Until then there is
          nothing to configure here.
        </EmptyState>
      </div>
    </section>
  );
}
