import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth";

// Administrators start at their connectors; members at search.
export default async function Home() {
  const user = await requireUser();
  redirect(user.role === "admin" ? "/connectors" : "/search");
}
