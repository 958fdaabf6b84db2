import { expect } from "vitest";
import type { Simulator } from "../simulator";
import { expectedSiteContent, storedIds } from "./sync-fixtures";

/** The store holds exactly the site's pages, blog posts, comments and attachments (the admin sees all). */
export async function expectStoreEqualsSite(sim: Simulator, connectorId: string): Promise<void> {
  const expected = expectedSiteContent(sim);
  expect(await storedIds(connectorId, "page")).toEqual(expected.pages);
  expect(await storedIds(connectorId, "blogpost")).toEqual(expected.blogposts);
  expect(await storedIds(connectorId, "footer_comment")).toEqual(expected.footerComments);
  expect(await storedIds(connectorId, "inline_comment")).toEqual(expected.inlineComments);
  expect(await storedIds(connectorId, "attachment")).toEqual(expected.attachments);
}
