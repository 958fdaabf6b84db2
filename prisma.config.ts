import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The JS schema engine talks to PostgreSQL through the same driver adapter as the app,
// so `prisma migrate deploy` needs no engine binary download (docs/decisions/001).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the migration needs a database to apply to.");
    return new PrismaPg({ connectionString: url });
  },
});
