import { startSimulator, type Simulator, type SimulatorOptions } from "../simulator";

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
  return sim;
}
