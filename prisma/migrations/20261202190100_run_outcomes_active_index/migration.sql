-- A run waiting for a deletion decision still holds the connector: no second run starts meanwhile.
DROP INDEX "sync_runs_one_active_per_connector";
CREATE UNIQUE INDEX "sync_runs_one_active_per_connector" ON "sync_runs"("connector_id") WHERE "status" IN ('queued', 'running', 'awaiting_confirmation');
