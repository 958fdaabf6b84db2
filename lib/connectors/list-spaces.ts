import { listAllSpaces } from "../confluence";
import { confluenceClientFor } from "./client-for-connector";

/** The site's live space list, for the space-key filter of Configure Records. */
export async function listConnectorSpaces(connectorId: string) {
  const client = await confluenceClientFor(connectorId, { maxRetries: 2, retryBaseMs: 250, requestTimeoutMs: 20_000 });
  const spaces = await listAllSpaces(client);
  return spaces.map((s) => ({ id: s.id, key: s.key, name: s.name, type: s.type }));
}
