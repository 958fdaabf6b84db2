import { startSimulator, type Simulator, type SimulatorOptions } from "../index";

/** Test helpers: start a small simulator and call it with the admin's or another user's credentials. */
export async function startSmall(opts: SimulatorOptions = {}): Promise<Simulator> {
  return startSimulator({ seed: 7, spaces: 5, pages: 300, ...opts });
}

export function basic(email: string, token: string): string {
  return "Basic " + Buffer.from(`${email}:${token}`).toString("base64");
}

export async function api(
  sim: Simulator,
  path: string,
  init: RequestInit & { auth?: string | null } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the route answers
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers = new Headers(init.headers);
  const auth = init.auth === undefined ? basic(sim.admin.email, sim.admin.apiToken) : init.auth;
  if (auth) headers.set("authorization", auth);
  if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  const res = await fetch(path.startsWith("http") ? path : sim.url + path, { ...init, headers, redirect: "manual" });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

export async function admin(sim: Simulator, method: string, path: string, body?: unknown) {
  return api(sim, `/__admin${path}`, { method, auth: null, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Follow `_links.next` until exhausted, collecting result ids. */
export async function collectAll(sim: Simulator, first: string, auth?: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined = first;
  while (next) {
    const r = await api(sim, next, { auth });
    if (r.status !== 200) throw new Error(`${next} -> ${r.status} ${JSON.stringify(r.body)}`);
    ids.push(...r.body.results.map((x: { id: string }) => x.id));
    next = r.body._links.next;
  }
  return ids;
}
