"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { PersonCheck } from "@/lib/permissions";
import { callApi } from "@/lib/http/client";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/select-field";

type AppUser = { id: string; name: string; email: string; role: string };

function explain(check: PersonCheck): string {
  const { reason } = check.decidedBy;
  if (check.strategy === "audience") {
    if (reason.startsWith("audience: ")) return `Admitted by the audience rule: ${reason.slice("audience: ".length)}.`;
    return "No audience rule names them or a group they are in, for this space or all spaces.";
  }
  if (reason === "visible")
    return check.linkedAccount
      ? `Their Confluence account ${check.linkedAccount.displayName ?? check.linkedAccount.id} passes the space access and every restriction.`
      : "They are not linked, but the space is open to anonymous access and nothing restricts it.";
  if (reason === "not linked") return "They are not linked to a Confluence account on this site, and the space is not open to anonymous access.";
  if (reason === "account deactivated") return "Their Confluence account is deactivated.";
  if (reason === "no space grant") return "Their Confluence account has no read access to the space.";
  if (reason.startsWith("restricted: ")) return `Refused by the restriction on “${reason.slice("restricted: ".length)}”.`;
  if (reason.startsWith("nobody: ")) return `Nobody may see it: ${reason.slice("nobody: ".length)}.`;
  return "Refused by Confluence's rule.";
}

/** "Can <person> see this?": the visibility predicate's answer for one app user, and the rule that decided. */
export function RecordPersonCheck({ recordId }: { recordId: string }) {
  const [userId, setUserId] = useState("");
  const users = useQuery({ queryKey: ["users"], queryFn: () => callApi<{ users: AppUser[] }>("/api/users") });
  const members = users.data?.users.filter((u) => u.role !== "admin") ?? [];
  const person = members.find((u) => u.id === userId);
  const check = useQuery({
    queryKey: ["record-access", recordId, userId],
    queryFn: () => callApi<{ check: PersonCheck }>(`/api/records/${recordId}/access?user=${encodeURIComponent(userId)}`),
    enabled: !!userId,
  });

  return (
    <div className="space-y-2 border-t border-slate-100 pt-3">
      {users.isError ? <Alert>Could not list people: {(users.error as Error).message}</Alert> : null}
      {users.isSuccess && members.length === 0 ? <p className="text-slate-600">No members to check yet.</p> : null}
      {members.length ? (
        <SelectField label="Can this person see it?" value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">Choose a member…</option>
          {members.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </SelectField>
      ) : null}
      {userId && check.isPending ? (
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
