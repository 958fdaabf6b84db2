-- AlterTable
ALTER TABLE "oauth_tokens" ADD COLUMN     "refresh_lease_owner" TEXT,
ADD COLUMN     "refresh_lease_until" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "oauth_states" ADD COLUMN     "code_verifier_enc" TEXT;

