-- Confluence Data Center connectors (docs/decisions/016-data-center.md): the deployment kind, its two
-- ways to sign in, the account name for a password, and the server version that decides the endpoints.
ALTER TYPE "AuthMethod" ADD VALUE 'personal_access_token';
ALTER TYPE "AuthMethod" ADD VALUE 'password';

ALTER TABLE "connectors" ADD COLUMN "deployment" TEXT NOT NULL DEFAULT 'cloud';
ALTER TABLE "connectors" ADD COLUMN "username" TEXT;
ALTER TABLE "connectors" ADD COLUMN "server_version" TEXT;
ALTER TABLE "connectors" ADD COLUMN "server_time_zone" TEXT;

-- Data Center people are keyed by user key (stored as account_id) and also known by username.
ALTER TABLE "confluence_users" ADD COLUMN "username" TEXT;
