/**
 * `npm start`: the embedded PostgreSQL (unless DATABASE_URL is set), migrations, a production
 * build when the sources changed, then the web server and the background worker.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, launcherEnv } from "../lib/env";
import {
  isBuildCurrent,
  isPortInUse,
  prepareRuntime,
  recordBuild,
  runToCompletion,
  sourceFingerprint,
  startChild,
  StartupError,
  stopChild,
  Supervisor,
  waitForHealthy,
  WORKER_ENV,
  WORKER_NODE_FLAGS,
  type Supervised,
} from "../lib/platform";

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const say = (message: string) => console.log(`[start] ${message}`);

function fail(message: string): never {
  console.error(`\n[start] ${message}\n`);
  process.exit(1);
}

async function main() {
  let env;
  try {
    env = launcherEnv();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  if (await isPortInUse(env.PORT, env.HOST)) {
    fail(`Port ${env.PORT} is already in use. Stop whatever listens there, or start on another port: PORT=3001 npm start`);
  }

  const runtime = await prepareRuntime(env, projectDir, say);
  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: runtime.databaseUrl,
    NEXTAUTH_SECRET: runtime.nextauthSecret,
    NEXTAUTH_URL: appUrl,
    ENCRYPTION_KEYS: runtime.encryptionKeys,
  };
  const children: Supervised[] = [];
  let worker: Supervisor | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all([...children.map((c) => stopChild(c)), worker?.stop()]);
    await runtime.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    if (!isBuildCurrent(projectDir)) {
      say("building the web app (first start, or the sources changed)");
      const fingerprint = sourceFingerprint(projectDir);
      await runToCompletion("next build", process.execPath, [path.join(projectDir, "node_modules/next/dist/bin/next"), "build"], {
        cwd: projectDir,
        env: childEnv,
      });
      recordBuild(projectDir, fingerprint);
    }
  } catch (err) {
    await runtime.stop();
    fail(err instanceof Error ? err.message : String(err));
  }

  const nextBin = path.join(projectDir, "node_modules/next/dist/bin/next");
  const web = startChild("web", process.execPath, [nextBin, "start", "-p", String(env.PORT), "-H", env.HOST], { cwd: projectDir, env: childEnv });
  children.push(web);
  web.child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[start] the web process exited (${signal ?? `code ${code}`}); stopping everything.`);
    void shutdown(1);
  });
  // The worker is restarted when it dies (with backoff), and the web server stays up meanwhile:
  // runs resume from their checkpoints, and a file that kills it twice is given up on (decision 011).
  worker = new Supervisor(
    "worker",
    () =>
      startChild("worker", process.execPath, [...WORKER_NODE_FLAGS, "--import", "tsx", path.join(projectDir, "worker/index.ts")], {
        cwd: projectDir,
        env: { ...childEnv, ...WORKER_ENV },
      }).child,
    (message) => console.error(`[start] ${message}`),
  ).start();
  say(`worker started (pid ${worker.current?.pid})`);

  try {
    await waitForHealthy(`http://127.0.0.1:${env.PORT}/api/health`, 120_000, () => web.child.exitCode === null);
  } catch (err) {
    console.error(`[start] ${err instanceof Error ? err.message : err}`);
    return shutdown(1);
  }
  say(`ready on ${appUrl} (database: ${runtime.embedded ? "embedded PostgreSQL" : "DATABASE_URL"}; worker running)`);
  if (runtime.setupCode) say(`first-administrator setup code: ${runtime.setupCode.code} (open ${appUrl}/setup; also saved in ${runtime.setupCode.file})`);
}

main().catch((err) => {
  if (err instanceof StartupError || err instanceof ConfigError) fail(err.message);
  console.error(err);
  process.exit(1);
});
