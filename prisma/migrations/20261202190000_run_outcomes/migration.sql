-- Runs that finished with failures say so, and a run that would delete much waits for an administrator.
-- New enum values cannot be used in the transaction that adds them, so the index follows in the next migration.
ALTER TYPE "SyncRunStatus" ADD VALUE 'completed_with_errors';
ALTER TYPE "SyncRunStatus" ADD VALUE 'awaiting_confirmation';
