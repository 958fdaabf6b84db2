-- Audience rules (docs/decisions/014-audience-rules.md): groups of app users, and per connector
-- a choice between mirroring Confluence permissions and rules naming who of this app may see a
-- space or the whole connector.

-- CreateTable
CREATE TABLE "app_groups" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_groups_pkey" PRIMARY KEY ("id")
);

-- Names are unique whatever their case: "Support" and "support" would be indistinguishable in a picker.
CREATE UNIQUE INDEX "app_groups_name_lower_key" ON "app_groups" (lower("name"));

-- CreateTable
CREATE TABLE "app_group_members" (
    "group_id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_group_members_pkey" PRIMARY KEY ("group_id","user_id")
);

-- The viewer CTE looks a person's groups up by user.
CREATE INDEX "app_group_members_user_id_idx" ON "app_group_members"("user_id");

ALTER TABLE "app_group_members" ADD CONSTRAINT "app_group_members_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "app_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "app_group_members" ADD CONSTRAINT "app_group_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "connectors" ADD COLUMN "access_strategy" TEXT NOT NULL DEFAULT 'mirror';
ALTER TABLE "connectors" ADD CONSTRAINT "connectors_access_strategy_check" CHECK ("access_strategy" IN ('mirror', 'audience'));

-- CreateTable: space_id NULL stands for the whole connector. The principal is an app user or an
-- app group, so it has no foreign key, and deleting a group or a user deletes its rules in code.
CREATE TABLE "audience_rules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "connector_id" TEXT NOT NULL,
    "space_id" TEXT,
    "principal_type" TEXT NOT NULL,
    "principal_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audience_rules_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audience_rules_principal_type_check" CHECK ("principal_type" IN ('user', 'app_group'))
);

CREATE UNIQUE INDEX "audience_rules_target_key" ON "audience_rules" ("connector_id", COALESCE("space_id", ''), "principal_type", "principal_id");

ALTER TABLE "audience_rules" ADD CONSTRAINT "audience_rules_connector_id_fkey" FOREIGN KEY ("connector_id") REFERENCES "connectors"("id") ON DELETE CASCADE ON UPDATE CASCADE;
