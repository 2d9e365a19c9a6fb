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
});
