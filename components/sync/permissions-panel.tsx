"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { AudienceStats, PermissionStats } from "@/lib/permissions/stats";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";

const COUNTERS: { key: Exclude<keyof PermissionStats, "strategy" | "audience">; label: string }[] = [
  { key: "users", label: "Users" },
  { key: "hiddenEmails", label: "Hidden emails" },
  { key: "groups", label: "Groups" },
  { key: "memberships", label: "Memberships" },
  { key: "spaceGrants", label: "Space grants" },
  { key: "anonymousSpaces", label: "Anonymous spaces" },
  { key: "restrictedNodes", label: "Restricted nodes" },
  { key: "unreadableNodes", label: "Unreadable restrictions" },
  { key: "itemsVisibleToNobody", label: "Visible to nobody" },
  { key: "explicitLinks", label: "Linked by an administrator" },
];

const AUDIENCE_COUNTERS: { key: Exclude<keyof AudienceStats, "wholeConnector">; label: string }[] = [
  { key: "rules", label: "Rules" },
  { key: "spaces", label: "Spaces with rules" },
  { key: "people", label: "People" },
  { key: "groups", label: "Groups" },
  { key: "itemsWithoutAudience", label: "Visible to nobody" },
];

/** With audience rules: what the rules cover, instead of Confluence's counters. */
function AudiencePanel({ audience }: { audience: AudienceStats }) {
  return (
    <section aria-labelledby="permissions-mirror" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="permissions-audience">
      <h2 id="permissions-mirror" className="text-base font-semibold">
        Permissions: Audience rules
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Members see what the audience rules chosen in Configure Records give them and their groups; no Confluence permission is read.
        {audience.wholeConnector ? " One rule covers every space." : ""} Items in a space without a rule are visible to administrators only.
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        {AUDIENCE_COUNTERS.map((c) => (
          <div key={c.key}>
            <dt className="text-xs uppercase text-slate-500">{c.label}</dt>
            <dd className="text-lg font-semibold tabular-nums" aria-label={`Audience rules: ${c.label.toLowerCase()}`}>
              {audience[c.key]}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** What the permissions mirror holds: who exists, who may see which space, what is restricted. */
export function PermissionsPanel({ connectorId, live, runState }: { connectorId: string; live: boolean; runState: string }) {
  const stats = useQuery({
    queryKey: ["permissions", connectorId, runState],
    queryFn: () => callApi<{ permissions: PermissionStats }>(`/api/connectors/${connectorId}/permissions`),
    refetchInterval: live ? 5000 : false,
    placeholderData: keepPreviousData,
  });
  if (stats.data?.permissions.audience) return <AudiencePanel audience={stats.data.permissions.audience} />;
  return (
    <section aria-labelledby="permissions-mirror" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="permissions-mirror" className="text-base font-semibold">
        Permissions
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Mirrored from Confluence by every run; members see only what their linked account may. Items visible to nobody sit below a restriction that could not be
        read: administrators still see them, and a later run reads it again.
      </p>
      {stats.isPending ? (
        <p className="mt-3 text-sm text-slate-500">Loading permissions…</p>
      ) : stats.isError ? (
        <div className="mt-3">
          <Alert>Could not load the permissions: {(stats.error as Error).message}</Alert>
        </div>
      ) : stats.data.permissions.users + stats.data.permissions.spaceGrants === 0 ? (
        <p className="mt-3 text-sm text-slate-500">Nothing mirrored yet: the Permissions phase of a sync fills this.</p>
      ) : (
        <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
          {COUNTERS.map((c) => (
            <div key={c.key}>
              <dt className="text-xs uppercase text-slate-500">{c.label}</dt>
              <dd className="text-lg font-semibold tabular-nums" aria-label={`Permissions: ${c.label.toLowerCase()}`}>
                {stats.data.permissions[c.key]}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
