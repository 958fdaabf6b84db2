import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** The first folder from `/` down to `target` that other users cannot traverse, if any. */
export function firstClosedAncestor(target: string): string | null {
  let current = path.resolve(target);
  const chain: string[] = [];
  while (true) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const dir of chain) {
    if (!fs.existsSync(dir)) break;
    if ((fs.statSync(dir).mode & 0o001) === 0) return dir;
  }
  return null;
}

/** A world-traversable folder for what the postgres user must reach when running as root. */
export function runtimeHome(): string {
  for (const candidate of ["/var/lib/confluence-connector", path.join(os.tmpdir(), "confluence-connector")]) {
    try {
      fs.mkdirSync(candidate, { recursive: true, mode: 0o755 });
      fs.chmodSync(candidate, 0o755);
      if (!firstClosedAncestor(candidate)) return candidate;
    } catch {
      // try the next candidate
    }
  }
  throw new Error("No folder reachable by the postgres user: tried /var/lib/confluence-connector and the OS temp folder.");
}
