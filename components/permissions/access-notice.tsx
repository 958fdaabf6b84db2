import type { MemberAccessSummary } from "@/lib/permissions/viewer";
import { Alert } from "@/components/ui/alert";

/**
 * Tells a member what their results are limited to: the Confluence account each connector
 * links them to, and why they see nothing from a connector where they are not linked.
 */
export function AccessNotice({ summary }: { summary: MemberAccessSummary }) {
  if (summary.linked.length === 0) {
    return (
      <Alert tone="info">
        <span data-testid="access-notice">
          You see no results yet: your account is not linked to a Confluence account. It is linked automatically when your sign-in email matches the email a
          Confluence user shows in their Atlassian profile; if yours is hidden or different, ask an administrator to link you.
        </span>
      </Alert>
    );
  }
  return (
    <Alert tone="info">
      <span data-testid="access-notice">
        Results show only what Confluence lets you see, as{" "}
        {summary.linked.map((l, i) => (
          <span key={l.connectorId}>
            {i > 0 ? ", " : ""}
            <strong>{l.displayName ?? l.accountId}</strong> on {l.connectorName}
          </span>
        ))}
        .
        {summary.unlinked.length > 0 ? ` Nothing from ${summary.unlinked.map((u) => u.connectorName).join(", ")}: you are not linked to an account there.` : ""}
      </span>
    </Alert>
  );
}
