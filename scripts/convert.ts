/**
 * `npm run convert -- <page.xhtml | -> [--site https://acme.atlassian.net] [--space KEY] [--content-id ID]`:
 * prints the Markdown for one Confluence storage-format file ("-" reads stdin), converted
 * as the sync would. Links fall back to /display/ URLs on the given site, since there is no
 * synced data to resolve them against.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { storageToMarkdown } from "../lib/indexing/markdown";

const USAGE = "Usage: npm run convert -- <page.xhtml | -> [--site https://your-site.atlassian.net] [--space KEY] [--content-id ID]";

const ZArgs = z.object({
  file: z.string({ error: "Give a storage-format file to convert, or - to read stdin." }).min(1),
  site: z.url({ protocol: /^https?$/, error: "--site must be an http(s) URL, like https://acme.atlassian.net." }),
  space: z
    .string()
    .regex(/^~?[A-Za-z0-9_-]+$/, "--space must be a space key, like ENG.")
    .optional(),
  contentId: z.string().regex(/^\d+$/, "--content-id must be a number.").optional(),
});

function fail(message: string): never {
  console.error(`convert: ${message}\n${USAGE}`);
  process.exit(1);
}

function readArgs(): z.infer<typeof ZArgs> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { site: { type: "string", default: "https://example.atlassian.net" }, space: { type: "string" }, "content-id": { type: "string" } },
    });
  } catch (err) {
    fail((err as Error).message);
  }
  if (parsed.positionals.length > 1) fail("Give one file at a time.");
  const { site, space, "content-id": contentId } = parsed.values;
  const result = ZArgs.safeParse({ file: parsed.positionals[0], site, space, contentId });
  if (!result.success) fail(result.error.issues[0].message);
  return result.data;
}

const args = readArgs();
let storage: string;
try {
  storage = fs.readFileSync(args.file === "-" ? 0 : args.file, "utf8");
} catch (err) {
  const code = (err as NodeJS.ErrnoException).code;
  fail(code === "ENOENT" ? `No such file: ${args.file}` : `Cannot read ${args.file}: ${(err as Error).message}`);
}
process.stdout.write(storageToMarkdown(storage, { siteUrl: args.site, spaceKey: args.space, contentId: args.contentId }));
