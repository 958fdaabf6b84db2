import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth";
import { getRecord } from "@/lib/content";
import { AppError } from "@/lib/errors";
import { RecordDetailScreen } from "@/components/records/record-detail-screen";

export default async function RecordPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const record = await getRecord(id).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return <RecordDetailScreen initialRecord={record} />;
}
