/**
 * A separate process that refreshes one connector's OAuth token (`getValidAccessToken`), for
 * the crash tests: the test kills it at a chosen moment of the refresh.
 * Usage: node --import tsx test/refresh-token-process.ts <connectorId> <leaseMs>
 */
import { getValidAccessToken } from "../lib/connectors";
import { disconnectDb } from "../lib/db";

const [connectorId, leaseMs] = process.argv.slice(2);
const token = await getValidAccessToken(connectorId!, { leaseMs: Number(leaseMs) });
process.stdout.write(JSON.stringify({ refreshed: token.length > 0 }));
await disconnectDb();
