import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth";
import { getConnector } from "@/lib/connectors";
import { AppError } from "@/lib/errors";
import { SyncDashboard } from "@/components/sync/sync-dashboard";

export default async function ConnectorDashboardPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const connector = await getConnector(id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return <SyncDashboard initialConnector={connector} />;
}
