import { permissionOracleSuite } from "../../test/permission-oracle";

// The simulator as the oracle for Confluence Cloud (test/permission-oracle.ts).
permissionOracleSuite("cloud");
