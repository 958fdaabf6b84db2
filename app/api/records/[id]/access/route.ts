import { apiRoute } from "@/lib/http";
import { AppError, fieldProblemsFromZod } from "@/lib/errors";
import { canPersonSee, whoCanSee, ZRecordAccessParams, ZRecordAccessQuery } from "@/lib/permissions";

// Administrators only. A member gets the same 404 as for a record that does not exist, so the
// route never confirms what an administrator can see.
export const GET = apiRoute({
  access: "user",
  query: ZRecordAccessQuery,
  handler: async ({ params, query, actor }) => {
    if (actor!.user.role !== "admin") throw new AppError("NOT_FOUND", "No record with that id.");
    const parsed = ZRecordAccessParams.safeParse(params);
    if (!parsed.success) throw AppError.validation(fieldProblemsFromZod(parsed.error, "path"));
    const access = await whoCanSee(parsed.data.id);
    return query.user ? { ...access, check: await canPersonSee(parsed.data.id, query.user) } : access;
  },
});
