import { listAllDcSpaces, listAllSpaces } from "../confluence";
import { confluenceClientFor } from "./client-for-connector";
import { findConnectorRow } from "./read-connectors";

/** The site's live space list, for the space-key filter of Configure Records. */
export async function listConnectorSpaces(connectorId: string) {
  const { deployment } = await findConnectorRow(connectorId);
  // An admin is waiting on the form: a persistent 429 is reported after one wait, not six.
  const client = await confluenceClientFor(connectorId, { maxRetries: 2, retryBaseMs: 250, requestTimeoutMs: 20_000, maxRateLimitRetries: 1 });
  const spaces = deployment === "datacenter" ? await listAllDcSpaces(client) : await listAllSpaces(client);
  return spaces.map((s) => ({ id: s.id, key: s.key, name: s.name, type: s.type }));
}
