import { keyIdOf, openSecret, sealSecret, SecretDecryptionError, type Keyring } from "../crypto";
import { db } from "../db";
import { serverEnv } from "../env";
import { ENCRYPTED_COLUMNS, secretContext } from "./secrets";

export interface StaleSecret {
  table: string;
  column: string;
  id: string;
  keyId: string | undefined;
  reason: string;
}

export interface RotationReport {
  activeKeyId: string;
  rotated: number;
  alreadyCurrent: number;
  /** Values left on an old key (or unreadable): they could not be decrypted with the configured keys. */
  stale: StaleSecret[];
}

/**
 * `npm run rotate-keys`: re-encrypts every stored secret that is not on the active (first)
 * key, in one transaction with the rows locked, so a crash leaves all values as they were
 * and a token refresh cannot interleave. A value that cannot be decrypted is left as it is
 * and reported; everything else is rotated.
 */
export async function rotateStoredSecrets(keyring: Keyring = serverEnv().ENCRYPTION_KEYS): Promise<RotationReport> {
  const report: RotationReport = { activeKeyId: keyring.activeKeyId, rotated: 0, alreadyCurrent: 0, stale: [] };
  await db().$transaction(
    async (tx) => {
      for (const { table, idColumn, column, field } of ENCRYPTED_COLUMNS) {
        // Identifiers come from the fixed list above, never from input.
        const rows = await tx.$queryRawUnsafe<{ id: string; value: string }[]>(
          `SELECT "${idColumn}" AS id, "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL ORDER BY 1 FOR UPDATE`,
        );
        for (const row of rows) {
          const keyId = keyIdOf(row.value);
          if (keyId === keyring.activeKeyId) {
            report.alreadyCurrent++;
            continue;
          }
          const context = secretContext(field, row.id);
          let plaintext: string;
          try {
            plaintext = openSecret(row.value, keyring, context);
          } catch (err) {
            if (!(err instanceof SecretDecryptionError)) throw err;
            report.stale.push({ table, column, id: row.id, keyId, reason: err.message });
            continue;
          }
          await tx.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = $1 WHERE "${idColumn}" = $2`, sealSecret(plaintext, keyring, context), row.id);
          report.rotated++;
        }
      }
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
  return report;
}
