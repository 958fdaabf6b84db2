import type { AccessContext } from "@/lib/permissions/viewer";
import { AccessNotice } from "./access-notice";
import { ViewAsBar } from "./view-as-bar";

/** Above Search and All Records: an administrator's View as, and the limits of whoever's view is shown. */
export function AccessHeader({ context, isAdmin }: { context: AccessContext; isAdmin: boolean }) {
  return (
    <>
      {isAdmin ? <ViewAsBar viewingAs={context.viewingAs} /> : null}
      {context.summary ? <AccessNotice summary={context.summary} /> : null}
    </>
  );
}
