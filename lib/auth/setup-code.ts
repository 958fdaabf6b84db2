import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";

/**
 * The one-time code that proves the person creating the first administrator can read what
 * `npm start` printed (or the data folder), so no other web page can claim a fresh install.
 * The database keeps only its hash; `<DATA_DIR>/setup-code.txt` (mode 0600) keeps the code
 * so a restart prints the same one. Creating the first administrator consumes it.
 *
 * This file has no Next.js imports: the start command calls `prepareSetupCode` directly.
 */
export const SETUP_CODE_FILE = "setup-code.txt";

// Crockford's base32: no I, L, O or U, so a code read aloud or retyped survives.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 3;
const GROUP_LENGTH = 4; // 12 symbols: 60 bits.

function generateSetupCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = "";
    for (let i = 0; i < GROUP_LENGTH; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}

/** Case, spaces and dashes do not matter, and the letters people confuse with digits are read as them. */
function normalise(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

function hashSetupCode(code: string): string {
  return createHash("sha256").update(normalise(code)).digest("hex");
}

/**
 * For the start command, after migrations: on an install with no user, the setup code to print
 * (the saved one while it is still the one waiting, else a new one); once a user exists, null,
 * and any leftover code is removed.
 */
export async function prepareSetupCode(databaseUrl: string, dataDir: string): Promise<string | null> {
  const file = path.join(dataDir, SETUP_CODE_FILE);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    if ((await client.query("SELECT 1 FROM users LIMIT 1")).rowCount) {
      await client.query("DELETE FROM setup_codes");
      fs.rmSync(file, { force: true });
      return null;
    }
    const waiting = (await client.query<{ code_hash: string }>("SELECT code_hash FROM setup_codes WHERE id = 1")).rows[0];
    const saved = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
    if (saved && waiting?.code_hash === hashSetupCode(saved)) return saved;
    const code = generateSetupCode();
    await client.query(
      `INSERT INTO setup_codes (id, code_hash) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET code_hash = EXCLUDED.code_hash, created_at = now()`,
      [hashSetupCode(code)],
    );
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, code + "\n", { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    return code;
  } finally {
    await client.end();
  }
}

const setupCodeProblem = (msg: string) => AppError.validation([{ loc: ["body", "setupCode"], msg, type: "setup_code" }], msg);

/** Checks and uses up the waiting code, inside the transaction that creates the first administrator. */
export async function consumeSetupCode(tx: Prisma.TransactionClient, code: string): Promise<void> {
  const waiting = await tx.setupCode.findUnique({ where: { id: 1 } });
  if (!waiting) {
    throw setupCodeProblem("No setup code is waiting. Start the app with npm start, which prints one.");
  }
  const given = Buffer.from(hashSetupCode(code), "hex");
  const expected = Buffer.from(waiting.codeHash, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw setupCodeProblem("That setup code is not right. Copy it from the output of npm start, or from setup-code.txt in the data folder.");
  }
  await tx.setupCode.delete({ where: { id: 1 } });
}
