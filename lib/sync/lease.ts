import { db } from "../db";
import { serverEnv } from "../env";

/** A slice may take a run whose holder has been silent this long (killed, or its machine lost). */
export const leaseSeconds = () => serverEnv().SYNC_LEASE_SECONDS;

/** Claims the run for this slice; null when another live slice holds it or the run is over. */
export async function claimRun(runId: string, owner: string) {
  const rows = await db().$queryRaw<{ id: string }[]>`
    UPDATE sync_runs
       SET status = 'running', lease_owner = ${owner}, heartbeat_at = now(), started_at = COALESCE(started_at, now())
     WHERE id = ${runId}
       AND (status = 'queued'
            OR (status = 'running' AND (lease_owner IS NULL OR heartbeat_at < now() - make_interval(secs => ${leaseSeconds()}))))
    RETURNING id`;
  return rows.length ? db().syncRun.findUnique({ where: { id: runId } }) : null;
}

/** Keeps the lease alive while a slice waits on slow or paused requests. */
export function startHeartbeat(runId: string, owner: string): () => void {
  const timer = setInterval(
    () => {
      void db()
        .syncRun.updateMany({ where: { id: runId, leaseOwner: owner }, data: { heartbeatAt: new Date() } })
        .catch(() => {});
    },
    Math.max(1_000, (leaseSeconds() * 1000) / 3),
  );
  timer.unref();
  return () => clearInterval(timer);
}

export async function releaseRun(runId: string, owner: string): Promise<void> {
  await db().syncRun.updateMany({ where: { id: runId, leaseOwner: owner }, data: { leaseOwner: null } });
}
