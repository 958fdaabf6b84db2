-- AlterTable
ALTER TABLE "sync_runs" ADD COLUMN     "rate_limit" JSONB;

