import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname) };

// Three projects: UI logic with no database; the simulator is a separate server with no database; the app's own
// tests run against a real embedded PostgreSQL started once per run (test/global-setup.ts).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "simulator",
          include: ["simulator/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
        },
      },
      {
        // Pure UI logic (no DOM, no database), such as the Markdown reader of the record view.
        resolve: { alias },
        test: {
          name: "components",
          include: ["components/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "app",
          include: ["lib/**/*.test.ts", "worker/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
