import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { getRecord } from "@/lib/content";
import { AppError } from "@/lib/errors";
import { viewerOf } from "@/lib/permissions";
import { RecordDetailScreen } from "@/components/records/record-detail-screen";

export default async function RecordPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  // A record the member may not view is "not found", never "forbidden".
  const record = await getRecord(id, viewerOf(user)).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return <RecordDetailScreen initialRecord={record} isAdmin={user.role === "admin"} />;
}
