-- AlterTable
ALTER TABLE "confluence_users" ADD COLUMN     "account_status" TEXT;

-- CreateTable
CREATE TABLE "confluence_groups" (
    "connector_id" TEXT NOT NULL,
    "group_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "last_seen_run_id" TEXT,

    CONSTRAINT "confluence_groups_pkey" PRIMARY KEY ("connector_id","group_id")
);

-- CreateTable
CREATE TABLE "confluence_group_members" (
    "connector_id" TEXT NOT NULL,
    "group_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,

    CONSTRAINT "confluence_group_members_pkey" PRIMARY KEY ("connector_id","group_id","account_id")
);

-- CreateTable
CREATE TABLE "space_read_grants" (
    "connector_id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "principal_type" TEXT NOT NULL,
    "principal_id" TEXT NOT NULL,
    "via_role" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "space_read_grants_pkey" PRIMARY KEY ("connector_id","space_id","principal_type","principal_id","via_role")
);

-- CreateTable
CREATE TABLE "read_restrictions" (
    "connector_id" TEXT NOT NULL,
    "node_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "user_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "group_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reason" TEXT,
    "read_run_id" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "read_restrictions_pkey" PRIMARY KEY ("connector_id","node_id")
);

-- CreateTable
CREATE TABLE "confluence_account_links" (
    "user_id" TEXT NOT NULL,
    "connector_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "confluence_account_links_pkey" PRIMARY KEY ("user_id","connector_id")
);

-- CreateIndex
CREATE INDEX "confluence_group_members_connector_id_account_id_idx" ON "confluence_group_members"("connector_id", "account_id");

-- AddForeignKey
ALTER TABLE "confluence_groups" ADD CONSTRAINT "confluence_groups_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "confluence_group_members" ADD CONSTRAINT "confluence_group_members_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "space_read_grants" ADD CONSTRAINT "space_read_grants_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "read_restrictions" ADD CONSTRAINT "read_restrictions_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "confluence_account_links" ADD CONSTRAINT "confluence_account_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "confluence_account_links" ADD CONSTRAINT "confluence_account_links_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Linking by visible email (lib/permissions/visible-to.ts) looks people up by lower(email) for every
-- candidate row of a member search (an expression index, which the Prisma schema cannot state).
CREATE INDEX "confluence_users_connector_id_lower_email_idx" ON "confluence_users" ("connector_id", lower("email"));
