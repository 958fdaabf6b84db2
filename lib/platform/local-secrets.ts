import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * Secrets the embedded default generates once so the first run needs no configuration.
 * They live in the local data folder, readable only by the owner (mode 0600).
 */
const ZLocalSecrets = z.object({
  nextauthSecret: z.string().min(32),
  encryptionKeys: z.string().min(1),
  postgresPassword: z.string().min(16),
});
export type LocalSecrets = z.infer<typeof ZLocalSecrets>;

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, "secrets.json");
  if (fs.existsSync(file)) {
    const parsed = ZLocalSecrets.safeParse(JSON.parse(fs.readFileSync(file, "utf8")));
    if (!parsed.success) {
      throw new Error(`${file} is damaged (${parsed.error.issues[0]?.path.join(".")}); restore it from a backup.`);
    }
    return parsed.data;
  }
  const secrets: LocalSecrets = {
    nextauthSecret: randomBytes(32).toString("base64url"),
    encryptionKeys: `k1:${randomBytes(32).toString("base64")}`,
    postgresPassword: randomBytes(18).toString("base64url"),
  };
  // The folder stays traversable (the embedded database lives below it); the file itself is 0600.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  return secrets;
}
