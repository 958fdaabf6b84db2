import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { refreshQueries } from "./refresh-queries";

/** A list endpoint whose answer reflects the store when the request is answered, which the test controls. */
function slowList() {
  const store: string[] = [];
  const pending: Array<() => void> = [];
  return {
    store,
    fetch: () =>
      new Promise<string[]>((resolve) => {
        const snapshot = [...store];
        pending.push(() => resolve(snapshot));
      }),
    answerAll: () => pending.splice(0).forEach((answer) => answer()),
  };
}

describe("refreshQueries", () => {
  it("a write made while the list's first load is in flight shows in the list", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 5_000 } } });
    const list = slowList();
    const observer = new QueryObserver(client, { queryKey: ["api-keys"], queryFn: list.fetch });
    const unsubscribe = observer.subscribe(() => {});
    // The first load was read before the write...
    list.store.push("CI script");
    const refreshed = refreshQueries(client, ["api-keys"]);
    await Promise.resolve();
    list.answerAll();
    await new Promise((r) => setTimeout(r, 0));
    list.answerAll();
    await refreshed;
    // ...yet what the screen shows includes it.
    expect(observer.getCurrentResult().data).toEqual(["CI script"]);
    unsubscribe();
    client.clear();
  });

  it("refreshes each key it is given", async () => {
    const client = new QueryClient();
    let runs = 0;
    let connector = 0;
    const a = new QueryObserver(client, { queryKey: ["runs", "c1"], queryFn: async () => ++runs });
    const b = new QueryObserver(client, { queryKey: ["connector", "c1"], queryFn: async () => ++connector });
    const stop = [a.subscribe(() => {}), b.subscribe(() => {})];
    await new Promise((r) => setTimeout(r, 0));
    await refreshQueries(client, ["runs", "c1"], ["connector", "c1"]);
    expect([a.getCurrentResult().data, b.getCurrentResult().data]).toEqual([2, 2]);
    stop.forEach((s) => s());
    client.clear();
  });
});
