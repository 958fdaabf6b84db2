import { describe, expect, it } from "vitest";
import { Pacer, sleep, spacingFor } from "./pacer";

const NOW = 1_000_000;

describe("spacingFor", () => {
  it("does not slow down while the quota is far from its limit", () => {
    expect(spacingFor({ limit: 1000, remaining: 900, resetAt: new Date(NOW + 60_000) }, NOW, 1, 0.2)).toBe(0);
  });

  it("spreads the remaining requests evenly until the reset once near the limit", () => {
    expect(spacingFor({ limit: 1000, remaining: 100, resetAt: new Date(NOW + 10_000) }, NOW, 1, 0.2)).toBe(100);
    expect(spacingFor({ limit: 1000, remaining: 500, resetAt: new Date(NOW + 10_000), nearLimit: true }, NOW, 1, 0.2)).toBe(20);
  });

  it("accounts for requests that cost several points", () => {
    expect(spacingFor({ limit: 1000, remaining: 100, resetAt: new Date(NOW + 10_000) }, NOW, 10, 0.2)).toBe(1_000);
  });

  it("waits for the whole window when less than one request is left", () => {
    expect(spacingFor({ limit: 1000, remaining: 0, resetAt: new Date(NOW + 10_000) }, NOW, 1, 0.2)).toBe(10_000);
  });

  it("does not space when the reset time is unknown or past", () => {
    expect(spacingFor({ limit: 1000, remaining: 10 }, NOW, 1, 0.2)).toBe(0);
    expect(spacingFor({ limit: 1000, remaining: 10, resetAt: new Date(NOW - 1) }, NOW, 1, 0.2)).toBe(0);
  });
});

describe("Pacer concurrency", () => {
  it("halves concurrency on a 429, down to 1 and no lower", () => {
    const pacer = new Pacer({ concurrency: 8 });
    const seq = [];
    for (let i = 0; i < 5; i++) {
      pacer.onRateLimited(0, Date.now() + 1 + i);
      seq.push(pacer.concurrency);
    }
    expect(seq).toEqual([4, 2, 1, 1, 1]);
  });

  it("halves once per wave: 429s for requests sent before the last decrease do not compound", () => {
    const pacer = new Pacer({ concurrency: 8 });
    const sentEarlier = Date.now() - 1_000;
    pacer.onRateLimited(0, sentEarlier);
    pacer.onRateLimited(0, sentEarlier);
    pacer.onRateLimited(0, sentEarlier);
    expect(pacer.concurrency).toBe(4);
  });

  it("creeps back up by one after N consecutive successes, never above the start value", () => {
    const pacer = new Pacer({ concurrency: 4, recoverAfter: 3 });
    pacer.onRateLimited(0, Date.now() + 1);
    expect(pacer.concurrency).toBe(2);
    for (let i = 0; i < 3; i++) pacer.onResponse(true, undefined);
    expect(pacer.concurrency).toBe(3);
    for (let i = 0; i < 2; i++) pacer.onResponse(true, undefined);
    expect(pacer.concurrency).toBe(3);
    for (let i = 0; i < 100; i++) pacer.onResponse(true, undefined);
    expect(pacer.concurrency).toBe(4);
  });

  it("never runs more tasks at once than the current concurrency", async () => {
    const pacer = new Pacer({ concurrency: 3 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        pacer.run(async () => {
          peak = Math.max(peak, ++running);
          await sleep(5);
          running--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });
});

describe("Pacer pauses and spacing", () => {
  it("holds every new request for the pause, then lets them all run", async () => {
    const pacer = new Pacer({ concurrency: 4 });
    const t0 = Date.now();
    pacer.pauseFor(80);
    const started: number[] = [];
    await Promise.all(Array.from({ length: 4 }, () => pacer.run(async () => void started.push(Date.now() - t0))));
    expect(Math.min(...started)).toBeGreaterThanOrEqual(75);
    expect(pacer.throttledMs).toBeGreaterThanOrEqual(75);
    // Generous upper bound: a loaded CI machine may run the timer late.
    expect(pacer.throttledMs).toBeLessThanOrEqual(400);
  });

  it("caps a pause at maxPauseMs", async () => {
    const pacer = new Pacer({ concurrency: 1, maxPauseMs: 30 });
    const t0 = Date.now();
    pacer.pauseFor(10 ** 12);
    await pacer.run(async () => undefined);
    expect(Date.now() - t0).toBeLessThan(500);
  });

  it("near the quota limit, spaces request starts until the reset instead of bursting", async () => {
    const pacer = new Pacer({ concurrency: 8 });
    // 10 requests left for 200 ms → one start every 20 ms.
    pacer.onResponse(true, { limit: 100, remaining: 10, resetAt: new Date(Date.now() + 200), nearLimit: true });
    expect(pacer.minIntervalMs).toBeGreaterThanOrEqual(18);
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => pacer.run(async () => void starts.push(Date.now()))));
    starts.sort((a, b) => a - b);
    // Timers may fire late on a loaded machine (never early), which can bunch two starts; the
    // spread as a whole still shows the spacing: 5 starts at one per ~20 ms span at least 60 ms.
    expect(starts[starts.length - 1]! - starts[0]!).toBeGreaterThanOrEqual(60);
    expect(pacer.throttledMs).toBeGreaterThan(0);
  });

  it("stops spacing when the quota is comfortable again", () => {
    const pacer = new Pacer({ concurrency: 8 });
    pacer.onResponse(true, { limit: 100, remaining: 10, resetAt: new Date(Date.now() + 200), nearLimit: true });
    expect(pacer.minIntervalMs).toBeGreaterThan(0);
    pacer.onResponse(true, { limit: 100, remaining: 100, resetAt: new Date(Date.now() + 60_000), nearLimit: false });
    expect(pacer.minIntervalMs).toBe(0);
  });

  it("an aborted signal removes a waiting request from the queue", async () => {
    const pacer = new Pacer({ concurrency: 1 });
    pacer.pauseFor(1_000);
    const controller = new AbortController();
    const waiting = pacer.run(async () => "ran", controller.signal);
    controller.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
    pacer.dispose();
  });

  it("reports the last quota state, deciding near-limit from the ratio when the header is absent", () => {
    const pacer = new Pacer({ concurrency: 8 });
    pacer.onResponse(true, { limit: 100, remaining: 10, resetAt: new Date(Date.now() + 60_000), nearLimit: true });
    pacer.onResponse(true, { limit: 100, remaining: 90, resetAt: new Date(Date.now() + 60_000) });
    expect(pacer.lastRateLimit).toMatchObject({ limit: 100, remaining: 90, nearLimit: false });
    pacer.onResponse(true, { limit: 100, remaining: 5, resetAt: new Date(Date.now() + 60_000) });
    expect(pacer.lastRateLimit?.nearLimit).toBe(true);
  });
});
