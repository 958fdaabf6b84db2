import type { MemberAccessSummary } from "@/lib/permissions/viewer";
import { Alert } from "@/components/ui/alert";

/**
 * Tells a member what their results are limited to: the Confluence account each connector
 * links them to, and why their results are limited where they are not linked.
 */
const names = (xs: { connectorName: string }[]) => xs.map((x) => x.connectorName).join(", ");

function Limits({ summary }: { summary: MemberAccessSummary }) {
  return (
    <>
      {summary.deactivated.length > 0 ? ` Nothing from ${names(summary.deactivated)}: your Confluence account there is deactivated.` : ""}
      {summary.linked.length > 0 && summary.unlinked.length > 0
        ? ` From ${names(summary.unlinked)} only what anonymous access may see: you are not linked to an account there.`
        : ""}
      {summary.audience.length > 0 ? ` From ${names(summary.audience)} what its audience rules give you and your groups (set by an administrator).` : ""}
    </>
  );
}

export function AccessNotice({ summary }: { summary: MemberAccessSummary }) {
  if (summary.linked.length === 0 && summary.unlinked.length === 0 && summary.deactivated.length === 0 && summary.audience.length > 0) {
    return (
      <Alert tone="info">
        <span data-testid="access-notice">
          Results show what the audience rules of {names(summary.audience)} give you and the groups you are in: an administrator decides who sees which space
          (Audience rules); no Confluence permission is used.
        </span>
      </Alert>
    );
  }
  if (summary.linked.length === 0) {
    return (
      <Alert tone="info">
        <span data-testid="access-notice">
          Your results are limited to what anonymous access may see: your account is not linked to a Confluence account. It is linked automatically when your
          sign-in email matches the email a Confluence user shows in their Atlassian profile; if yours is hidden or different, use Link my Atlassian account
          under Settings, or ask an administrator to link you.
          <Limits summary={summary} />
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
        <Limits summary={summary} />
      </span>
    </Alert>
  );
}
