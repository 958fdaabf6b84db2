import { z } from "zod";

/**
 * Groups of app users and a connector's access strategy, shared by the forms and the API.
 * Safe to import from client components.
 */

export const ZGroupName = z.string().trim().min(1, "Give the group a name.").max(100, "Keep the name under 100 characters.");

/** POST /api/groups and PATCH /api/groups/[id]. */
export const ZGroupInput = z.object({ name: ZGroupName });
export type GroupInput = z.infer<typeof ZGroupInput>;

export const ZGroupParams = z.object({ id: z.string().trim().min(1).max(100) });
export const ZGroupMemberParams = z.object({ id: z.string().trim().min(1).max(100), userId: z.string().trim().min(1).max(100) });

export const ACCESS_STRATEGIES = ["mirror", "audience"] as const;
export type AccessStrategy = (typeof ACCESS_STRATEGIES)[number];

/** One audience rule: who (an app user or app group) may see a space, or the whole connector (spaceId null). */
export const ZAudienceRule = z.object({
  spaceId: z.string().trim().min(1, "Choose a space, or All spaces.").max(100).nullable(),
  principalType: z.enum(["user", "app_group"], { error: "Choose a person or a group." }),
  principalId: z.string().trim().min(1, "Choose a person or a group.").max(100),
});
export type AudienceRule = z.infer<typeof ZAudienceRule>;

/** The connector's access strategy and, for "audience", its rules (saved with Configure Records). */
export const ZConnectorAccess = z.object({
  strategy: z.enum(ACCESS_STRATEGIES, { error: "Choose Mirror Confluence permissions or Audience rules." }),
  rules: z.array(ZAudienceRule).max(2000, "Use at most 2000 rules.").default([]),
});
export type ConnectorAccess = z.infer<typeof ZConnectorAccess>;

export interface AppGroupView {
  id: string;
  name: string;
  createdAt: string;
  members: { id: string; name: string; email: string }[];
}

/** A stable key for a rule, to compare rule sets and drop duplicates. */
export const ruleKey = (r: AudienceRule) => `${r.spaceId ?? ""}|${r.principalType}|${r.principalId}`;
