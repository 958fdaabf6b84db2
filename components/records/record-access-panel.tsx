"use client";

import { useQuery } from "@tanstack/react-query";
import type { AudienceMatch, Principal, WhoCanSee } from "@/lib/permissions";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { RecordPersonCheck } from "./record-person-check";

function principalLabel(p: Principal): string {
  if (p.type === "anonymous") return "Anyone (anonymous access)";
  if (p.type === "licensed") return p.id === "authenticated-users" ? "Every signed-in Atlassian account" : "Every licensed Confluence user";
  return `${p.name ?? "(unknown name)"}${p.type === "group" ? " (group)" : ""}`;
}

function PrincipalList({ items, label }: { items: (Principal & { viaRole?: string })[]; label: string }) {
  return (
    <ul aria-label={label} className="mt-1 list-disc space-y-0.5 pl-5">
      {items.map((p) => (
        <li key={`${p.type}:${p.id}:${p.viaRole ?? ""}`} title={p.id}>
          {principalLabel(p)}
          {p.viaRole ? ` via ${p.viaRole}` : ""}
        </li>
      ))}
    </ul>
  );
}

/** Audience rules: the rules that cover the record (its space's and the whole connector's). */
function AudienceRules({ rules }: { rules: AudienceMatch[] }) {
  return (
    <div>
      <h3 className="text-xs uppercase text-slate-500">Decided by: Audience rules</h3>
      {rules.length === 0 ? (
        <p className="mt-1 text-slate-600">Nobody but administrators: no audience rule covers this space.</p>
      ) : (
        <ul aria-label="Audience" className="mt-1 list-disc space-y-0.5 pl-5">
          {rules.map((r) => (
            <li key={`${r.spaceId ?? ""}:${r.principal.type}:${r.principal.id}`} title={r.principal.id}>
              {r.principal.name ?? "(deleted)"}
              {r.principal.type === "app_group" ? " (group)" : ""}
              {r.spaceId === null ? " — all spaces" : " — this space"}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-xs text-slate-500">No Confluence permission is read for this connector (Configure Records).</p>
    </div>
  );
}

/**
 * Administrators only: Confluence's view rule for this record, spelled out (the space's read
 * grants, then each restriction layer from the root down), and a check for one person.
 */
export function RecordAccessPanel({ recordId }: { recordId: string }) {
  const query = useQuery({ queryKey: ["record-access", recordId], queryFn: () => callApi<WhoCanSee>(`/api/records/${recordId}/access`) });
  const access = query.data;
  const restricted = access?.layers.filter((l) => l.state !== "open") ?? [];

  return (
    <section aria-labelledby="record-access" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="who-can-see">
      <h2 id="record-access" className="text-base font-semibold">
        Who can see this
      </h2>
      {query.isPending ? (
        <p role="status" className="mt-3 text-sm text-slate-500">
          Loading permissions…
        </p>
      ) : null}
      {query.isError ? <Alert>Could not load who can see this: {(query.error as Error).message}</Alert> : null}
      {access?.strategy === "audience" ? (
        <div className="mt-3 space-y-4 text-sm">
          <AudienceRules rules={access.audience} />
          <RecordPersonCheck recordId={recordId} />
        </div>
      ) : access ? (
        <div className="mt-3 space-y-4 text-sm">
          <p className="text-xs uppercase text-slate-500">Decided by: Confluence permissions</p>
          <div>
            <h3 className="text-xs uppercase text-slate-500">Space access</h3>
            {access.spaceGrants.length ? (
              <PrincipalList label="Space grants" items={access.spaceGrants} />
            ) : (
              <p className="mt-1 text-slate-600">No one: the space grants no read access (or its permissions were not read).</p>
            )}
          </div>
          <div>
            <h3 className="text-xs uppercase text-slate-500">Restrictions</h3>
            {restricted.length === 0 ? <p className="mt-1 text-slate-600">None: everyone with space access can see it.</p> : null}
            <ol className="mt-1 space-y-2">
              {restricted.map((layer) => (
                <li key={layer.nodeId} aria-label={`Layer ${layer.title ?? layer.nodeId}`}>
                  <p className="font-medium">{layer.title ?? `Page ${layer.nodeId} (not synced)`}</p>
                  {layer.state === "nobody" ? (
                    <p className="text-rose-700">Nobody (administrators only): {layer.reason ?? "restrictions could not be read"}</p>
                  ) : (
                    <>
                      <p className="text-xs text-slate-500">Only these may see it and everything below:</p>
                      <PrincipalList label="Allowed on this layer" items={[...layer.users, ...layer.groups]} />
                    </>
                  )}
                </li>
              ))}
            </ol>
          </div>
          <RecordPersonCheck recordId={recordId} />
        </div>
      ) : null}
    </section>
  );
}
