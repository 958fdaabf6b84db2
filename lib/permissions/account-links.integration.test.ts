import { afterAll, beforeAll, expect, it } from "vitest";
import { resetDatabase } from "../../test/db";
import { mayViewRecord } from "../content/visible-records";
import { db, disconnectDb } from "../db";
import { findConfluenceUsers, linkAccount, memberAccessSummary, unlinkAccount, viewerFor } from ".";

/**
 * An administrator links a person whose Confluence email is hidden to their account with the
 * picker; the link decides what they see at once, and unlinking makes them anonymous again.
 */
let connectorId: string;
let member: string;
let admin: string;
let restricted: string;
let open: string;

beforeAll(async () => {
  await resetDatabase();
  connectorId = (await db().connector.create({ data: { name: "Site", siteUrl: "https://t.atlassian.net", authMethod: "api_token" } })).id;
  member = (await db().user.create({ data: { email: "hidden@example.com", name: "Hidden", passwordHash: "x", role: "member" } })).id;
  admin = (await db().user.create({ data: { email: "root@example.com", name: "Root", passwordHash: "x", role: "admin" } })).id;
  await db().confluenceUser.createMany({
    data: [
      { connectorId, accountId: "acc-hidden", displayName: "Hanna Hidden", email: null, accountStatus: "active" },
      { connectorId, accountId: "acc-other", displayName: "Otto Other", email: "otto@example.com", accountStatus: "active" },
    ],
  });
  await db().spaceReadGrant.createMany({
    data: [
      { connectorId, spaceId: "S", principalType: "user", principalId: "acc-hidden" },
      { connectorId, spaceId: "P", principalType: "anonymous", principalId: "" },
    ],
  });
  const item = (key: string, space: string) =>
    db().contentItem.create({
      data: { connectorId, confluenceId: key, type: "page", title: key, status: "current", version: 1, spaceConfluenceId: space, ancestorIds: [] },
    });
  restricted = (await item("mine", "S")).id;
  open = (await item("public", "P")).id;
  await db().readRestriction.createMany({
    data: [
      { connectorId, nodeId: "mine", state: "restricted", userIds: ["acc-hidden"] },
      { connectorId, nodeId: "public", state: "open" },
    ],
  });
});

afterAll(disconnectDb);

const asMember = () => ({ kind: "member" as const, userId: member });

it("the picker finds synced users by name, and a link decides what the person sees until it is removed", async () => {
  expect((await findConfluenceUsers(connectorId, { q: "hanna", limit: 20 })).map((u) => u.accountId)).toEqual(["acc-hidden"]);
  expect(await mayViewRecord(restricted, asMember())).toBe(false);
  expect(await mayViewRecord(open, asMember())).toBe(true);

  await linkAccount(member, connectorId, { accountId: "acc-hidden" });
  expect(await mayViewRecord(restricted, asMember())).toBe(true);
  expect((await memberAccessSummary(member)).linked).toEqual([expect.objectContaining({ accountId: "acc-hidden", method: "admin" })]);

  await linkAccount(member, connectorId, { accountId: "acc-other" });
  expect(await mayViewRecord(restricted, asMember())).toBe(false);

  await unlinkAccount(member, connectorId);
  expect(await mayViewRecord(restricted, asMember())).toBe(false);
  expect((await memberAccessSummary(member)).unlinked).toEqual([expect.objectContaining({ connectorId })]);
});

it("refuses an account the connector has not synced, with the field named", async () => {
  await expect(linkAccount(member, connectorId, { accountId: "acc-typo" })).rejects.toMatchObject({
    code: "VALIDATION",
    detail: [expect.objectContaining({ loc: ["body", "accountId"] })],
  });
  await expect(linkAccount(member, "no-such-connector", { accountId: "acc-hidden" })).rejects.toMatchObject({ code: "NOT_FOUND" });
});

it("View as: an administrator searches as the person; a member cannot view as anyone; an unknown person is a field error", async () => {
  expect(await viewerFor({ id: admin, role: "admin" }, member)).toEqual(asMember());
  expect(await viewerFor({ id: admin, role: "admin" }, undefined)).toEqual({ kind: "admin" });
  await expect(viewerFor({ id: member, role: "member" }, admin)).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(viewerFor({ id: admin, role: "admin" }, "nobody")).rejects.toMatchObject({
    code: "VALIDATION",
    detail: [expect.objectContaining({ loc: ["query", "viewAs"] })],
  });
});
