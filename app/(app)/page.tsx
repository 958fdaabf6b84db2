import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth";

// Administrators start at their connectors; members at their settings (API keys) until Search
// opens to them, once permissions are mirrored.
export default async function Home() {
  const user = await requireUser();
  redirect(user.role === "admin" ? "/connectors" : "/settings");
}
