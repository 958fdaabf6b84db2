"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PersonCheck } from "@/lib/permissions";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { PersonSearch, type Person } from "@/components/permissions/person-search";

function explain(check: PersonCheck): string {
  const { reason, node, detail, rule } = check.decidedBy;
  switch (reason) {
    case "audience_rule":
      if (!rule) return "Admitted by an audience rule.";
      return `Admitted by the audience rule: ${rule.principal.type === "user" ? "them by name" : `group ${rule.principal.name ?? rule.principal.id}`} on ${rule.spaceId === null ? "all spaces" : "this space"}.`;
    case "no_audience_rule":
      return "No audience rule names them or a group they are in, for this space or all spaces.";
    case "visible":
      return check.linkedAccount
        ? `Their Confluence account ${check.linkedAccount.displayName ?? check.linkedAccount.id} passes the space access and every restriction.`
        : "They are not linked, but the space is open to anonymous access and nothing restricts it.";
    case "not_linked":
      return "They are not linked to a Confluence account on this site, and the space is not open to anonymous access.";
    case "account_deactivated":
      return "Their Confluence account is deactivated.";
    case "no_space_grant":
      return "Their Confluence account has no read access to the space.";
    case "restricted":
      return `Refused by the restriction on “${node?.title ?? node?.id ?? "a page above it"}”.`;
    case "nobody":
      return `Nobody may see it: ${detail ?? "its restrictions could not be read"}.`;
    case "refused":
      return "Refused by Confluence's rule.";
  }
}

/** "Can <person> see this?": the visibility predicate's answer for one member, and the rule that decided. */
export function RecordPersonCheck({ recordId }: { recordId: string }) {
  const [person, setPerson] = useState<Person | null>(null);
  const check = useQuery({
    queryKey: ["record-access", recordId, person?.id],
    queryFn: () => callApi<{ check: PersonCheck }>(`/api/records/${recordId}/access?user=${encodeURIComponent(person!.id)}`),
    enabled: !!person,
  });

  return (
    <div className="space-y-2 border-t border-slate-100 pt-3">
      {/* Administrators see everything; the question is about members. */}
      <PersonSearch label="Can this person see it?" onChoose={setPerson} filter={(p) => p.role !== "admin"} />
      {person && check.isPending ? (
        <p role="status" className="text-slate-500">
          Checking…
        </p>
      ) : null}
      {check.isError ? <Alert>Could not check: {(check.error as Error).message}</Alert> : null}
      {person && check.data ? (
        <div role="status" aria-label="Person check" data-testid="person-check">
          <p className="font-medium">
            Can {person.name} see this? {check.data.check.visible ? "Yes" : "No"}
          </p>
          <p className="text-slate-600">{explain(check.data.check)}</p>
        </div>
      ) : null}
    </div>
  );
}
