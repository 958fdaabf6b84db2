import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { storageToMarkdown, type ConvertContext } from "./index";

/**
 * Golden files: golden/NAME.xhtml (storage format) → golden/NAME.md (expected Markdown),
 * compared exactly. After an intended change to the output, regenerate them with
 *
 *   UPDATE_GOLDEN=1 npx vitest run lib/indexing/markdown/golden.test.ts
 *
 * then read the diff of every .md file: they are what a reader should get, not simply
 * whatever the code emits. Bump CONVERTER_VERSION when they change.
 */
const GOLDEN_DIR = path.join(import.meta.dirname, "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

const KNOWN_USER = "557058:ed411968-2fa7-4d57-09f7-ed608f0f53eb";

const ctx: ConvertContext = {
  siteUrl: "https://acme.atlassian.net",
  spaceKey: "ENG",
  contentId: "1001",
  userName: (accountId) => (accountId === KNOWN_USER ? "Jonas Kowalski" : undefined),
  // One synced page; every other link falls back to the /display/ URL.
  pageLink: (ref) =>
    ref.title === "Payments Architecture" && ref.spaceKey === "ENG" && ref.type === "page"
      ? { title: ref.title, url: "https://acme.atlassian.net/wiki/spaces/ENG/pages/2001/Payments+Architecture" }
      : undefined,
};

const cases = fs
  .readdirSync(GOLDEN_DIR)
  .filter((f) => f.endsWith(".xhtml"))
  .sort()
  .map((f) => f.slice(0, -".xhtml".length));

describe("storage → Markdown golden files", () => {
  it("has a corpus to check", () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of cases) {
    it(`converts ${name} exactly as expected`, () => {
      const actual = storageToMarkdown(fs.readFileSync(path.join(GOLDEN_DIR, `${name}.xhtml`), "utf8"), ctx);
      const expectedPath = path.join(GOLDEN_DIR, `${name}.md`);
      if (UPDATE) {
        fs.writeFileSync(expectedPath, actual);
        return;
      }
      if (!fs.existsSync(expectedPath)) throw new Error(`Missing ${expectedPath}; write it (UPDATE_GOLDEN=1) and review it.`);
      expect(actual).toBe(fs.readFileSync(expectedPath, "utf8"));
    });
  }

  it("writes clean Markdown: one final newline, no trailing spaces or runs of blank lines outside code", () => {
    for (const name of cases) {
      const md = fs.readFileSync(path.join(GOLDEN_DIR, `${name}.md`), "utf8");
      expect(md.endsWith("\n") && !md.endsWith("\n\n"), name).toBe(true);
      const outsideCode = md.replace(/^([ \t>]*)(`{3,})[^\n]*\n[\s\S]*?^\1\2[ \t]*$/gm, "CODE");
      expect(outsideCode, name).not.toMatch(/[ \t]$/m);
      expect(outsideCode, name).not.toMatch(/\n\n\n/);
    }
  });
});
