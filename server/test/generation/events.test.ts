import pg from "pg";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { EventBus, type LiveEvent } from "../../src/jobs/events";
import { createLogger } from "../../src/lib/logger";
import { waitFor } from "../factories";

const log = createLogger("silent");

describe("EventBus", () => {
  it("delivers a user's events to that user's subscribers only (in-process)", async () => {
    const bus = new EventBus(undefined, log);
    const a: LiveEvent[] = [];
    const b: LiveEvent[] = [];
    const offA = bus.subscribe("user-a", (e) => a.push(e));
    bus.subscribe("user-b", (e) => b.push(e));
    bus.publish("user-a", { type: "started", jobId: "j1" });
    offA();
    bus.publish("user-a", { type: "cancelled", jobId: "j1" });
    expect(a).toEqual([{ type: "started", jobId: "j1" }]);
    expect(b).toEqual([]);
    let woke = 0;
    bus.onWake(() => woke++);
    bus.wakeWorkers();
    expect(woke).toBe(1);
  });

  const url = inject("databaseUrl");
  it.skipIf(!url)("carries events and wake-ups between processes over LISTEN/NOTIFY (PostgreSQL)", async () => {
    const poolA = new pg.Pool({ connectionString: url, max: 2 });
    const poolB = new pg.Pool({ connectionString: url, max: 2 });
    const api = new EventBus(poolA, log); // e.g. an API process holding a user's SSE stream
    const worker = new EventBus(poolB, log); // e.g. a worker process on another machine
    await Promise.all([api.start(), worker.start()]);
    const seen: LiveEvent[] = [];
    api.subscribe("user-x", (e) => seen.push(e));
    let wakes = 0;
    worker.onWake(() => wakes++);
    worker.publish("user-x", { type: "progress", jobId: "j2", progress: 0.5 });
    api.wakeWorkers();
    await waitFor(async () => seen.length === 1 && wakes >= 1, 5000);
    expect(seen[0]).toEqual({ type: "progress", jobId: "j2", progress: 0.5 });
    await Promise.all([api.stop(), worker.stop()]);
    await Promise.all([poolA.end(), poolB.end()]);
  });

  it.skipIf(!url)("delivers a process's own events and wake-ups at once and exactly once, others' by NOTIFY (PostgreSQL)", async () => {
    const poolA = new pg.Pool({ connectionString: url, max: 2 });
    const poolB = new pg.Pool({ connectionString: url, max: 2 });
    const api = new EventBus(poolA, log);
    const other = new EventBus(poolB, log);
    await Promise.all([api.start(), other.start()]);
    const atApi: LiveEvent[] = [];
    const atOther: LiveEvent[] = [];
    api.subscribe("user-y", (e) => atApi.push(e));
    other.subscribe("user-y", (e) => atOther.push(e));
    let apiWakes = 0;
    let otherWakes = 0;
    api.onWake(() => apiWakes++);
    other.onWake(() => otherWakes++);
    const first = { type: "started", jobId: "j3" } as const;
    api.publish("user-y", first);
    api.wakeWorkers();
    // No database round trip for this process's own listeners (the in-process worker, its SSE streams).
    expect(atApi).toEqual([first]);
    expect(apiWakes).toBe(1);
    await waitFor(async () => atOther.length === 1 && otherWakes === 1, 5000);
    // NOTIFYs reach every listener in commit order: once the other process's answer is here, so was our echo.
    const second = { type: "progress", jobId: "j3", progress: 0.5 } as const;
    other.publish("user-y", second);
    other.wakeWorkers();
    await waitFor(async () => atApi.length >= 2 && apiWakes >= 2, 5000);
    expect(atApi).toEqual([first, second]);
    expect(atOther).toEqual([first, second]);
    expect([apiWakes, otherWakes]).toEqual([2, 2]);
    await Promise.all([api.stop(), other.stop()]);
    await Promise.all([poolA.end(), poolB.end()]);
  });
});
