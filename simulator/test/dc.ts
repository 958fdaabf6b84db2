import type { DcOptions } from "../dc/config";
import type { DcAccount } from "../dc/info";
import { startSimulator, type Simulator, type SimulatorOptions } from "../index";
import { api, basic } from "./helpers";

/** Test helpers for the Data Center flavour: start one, and call it as the admin, the ordinary user, by PAT or anonymously. */
export async function startDc(dc: DcOptions = {}, opts: SimulatorOptions = {}): Promise<Simulator & { dc: NonNullable<Simulator["dc"]> }> {
  const sim = await startSimulator({ seed: 7, spaces: 5, pages: 300, ...opts, flavor: "datacenter", datacenter: dc });
  return sim as Simulator & { dc: NonNullable<Simulator["dc"]> };
}

export const basicOf = (a: DcAccount) => basic(a.username, a.password);
export const patOf = (a: DcAccount) => `Bearer ${a.pat}`;

/** GET a path below the base URL (context path included); `auth` defaults to the admin's Basic pair, null for none. */
export function dcGet(sim: Simulator, path: string, auth?: string | null, headers: Record<string, string> = {}) {
  return api(sim, `${sim.dc!.baseUrl}${path}`, { auth: auth === undefined ? basicOf(sim.dc!.admin) : auth, headers });
}

/** Walks start/limit paging the way a careful client must: next start = start + size, while `_links.next` is present. */
export async function walkOffset(sim: Simulator, path: string, auth?: string | null): Promise<{ ids: string[]; requests: number; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let start = 0;
  for (let requests = 1; ; requests++) {
    const sep = path.includes("?") ? "&" : "?";
    const r = await dcGet(sim, `${path}${sep}start=${start}`, auth);
    if (r.status !== 200) throw new Error(`${path} -> ${r.status} ${JSON.stringify(r.body)}`);
    ids.push(...r.body.results.map((x: { id: string }) => x.id));
    sizes.push(r.body.size);
    if (!r.body._links.next) return { ids, requests, sizes };
    start = r.body.start + r.body.size;
  }
}
