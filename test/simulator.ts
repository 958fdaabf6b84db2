import { afterAll, beforeAll, beforeEach } from "vitest";
import { startSimulator, type Simulator, type SimulatorOptions } from "../simulator";
import { disconnectDb } from "../lib/db";
import { forgetServerEnv } from "../lib/env";
import { stopJobSender } from "../lib/jobs";
import { resetDatabase } from "./db";

/**
 * Starts the Confluence simulator for an integration test and points the app's settings at
 * it (site origin allowed, OAuth endpoints on the simulator). Call before anything reads
 * serverEnv() in the test file.
 */
export async function startSimulatorForApp(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({ port: 0, seed: 7, spaces: 3, pages: 40, ...options });
  process.env.CONFLUENCE_EXTRA_SITE_ORIGINS = sim.url;
  process.env.ATLASSIAN_AUTH_URL = sim.authUrl;
  process.env.ATLASSIAN_API_URL = sim.apiUrl;
  forgetServerEnv();
  return sim;
}

/** Calls the simulator's admin API (`/__admin`), as a test or demo would. */
export function simAdmin(sim: Simulator, path: string, method: string, body?: unknown): Promise<Response> {
  return fetch(`${sim.url}/__admin${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * The hooks every sync test file needs: one simulator for the file (handed to `onStart`), a
 * clean database and no injected faults before each test, and everything closed at the end.
 */
export function useSyncTestSite(options: SimulatorOptions, onStart: (sim: Simulator) => void): void {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulatorForApp(options);
    onStart(sim);
  });
  beforeEach(async () => {
    await resetDatabase();
    await simAdmin(sim, "/faults", "DELETE");
  });
  afterAll(async () => {
    await stopJobSender();
    await sim.close();
    await disconnectDb();
  });
}

/** The v2 collection of each stored item type. */
const V2_COLLECTION: Record<string, string> = {
  page: "pages",
  blogpost: "blogposts",
  folder: "folders",
  footer_comment: "footer-comments",
  inline_comment: "inline-comments",
  attachment: "attachments",
};

/** One stored item as Confluence Cloud answers this person, asked with their own API token (200, or 404 when they may not see it). */
export function fetchItemAs(sim: Simulator, person: { email: string; apiToken?: string }, item: { type: string; confluenceId: string }): Promise<Response> {
  const auth = "Basic " + Buffer.from(`${person.email}:${person.apiToken}`).toString("base64");
  return fetch(`${sim.url}/wiki/api/v2/${V2_COLLECTION[item.type]}/${item.confluenceId}`, { headers: { authorization: auth } });
}
