import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.mjs",
  "postcss.config.mjs",
  "package-lock.json",
  "instrumentation.ts",
  "instrumentation-node.ts",
];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function walk(target: string, out: string[]): void {
  if (!fs.existsSync(target)) return;
  const stat = fs.statSync(target);
  if (stat.isFile()) {
    out.push(`${target}:${stat.size}:${stat.mtimeMs}`);
    return;
  }
  for (const entry of fs.readdirSync(target)) {
    if (!SKIP.has(entry)) walk(path.join(target, entry), out);
  }
}

/** A fingerprint of what the production build is made from, to rebuild only when it changed. */
export function sourceFingerprint(projectDir: string): string {
  const entries: string[] = [];
  for (const source of SOURCES) walk(path.join(projectDir, source), entries);
  return createHash("sha256").update(entries.sort().join("\n")).digest("hex");
}

const MARKER = path.join(".next", "source-fingerprint");

export function isBuildCurrent(projectDir: string): boolean {
  const buildId = path.join(projectDir, ".next", "BUILD_ID");
  const marker = path.join(projectDir, MARKER);
  if (!fs.existsSync(buildId) || !fs.existsSync(marker)) return false;
  return fs.readFileSync(marker, "utf8").trim() === sourceFingerprint(projectDir);
}

export function recordBuild(projectDir: string, fingerprint: string): void {
  fs.writeFileSync(path.join(projectDir, MARKER), fingerprint + "\n");
}
