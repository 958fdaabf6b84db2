import { permissionOracleSuite } from "../../test/permission-oracle";

// The same oracle for Confluence Data Center: grants, restrictions and people read through its own
// endpoints (lib/sync/dc/permissions-step.ts), evaluated by the same rule as Cloud's.
permissionOracleSuite("datacenter");
