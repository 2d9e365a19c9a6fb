import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generationQueue } from "../../src/db/schema";
import type * as QueueRepo from "../../src/jobs/queue.repo";
import { Worker } from "../../src/jobs/worker";
import * as generation from "../../src/modules/generation/generation.service";
import { createUser, ctxFor, waitFor } from "../factories";
import { createTestApp, type TestApp } from "../harness";

/**
 * The worker's first look for work is held after it read the queue (and found nothing): what happens while it is
 * held is what happens when a job is committed between a look's read and its end.
 */
const gate = vi.hoisted(() => {
  let release!: () => void;
  const state = { hold: false, held: new Promise<void>(() => undefined), reached: () => undefined as void, released: Promise.resolve() };
  return {
    state,
    arm() {
      state.hold = true;
      state.held = new Promise<void>((r) => (state.reached = r));
      state.released = new Promise<void>((r) => (release = r));
    },
    open: () => release(),
  };
});

vi.mock("../../src/jobs/queue.repo", async (importOriginal) => {
  const real = await importOriginal<typeof QueueRepo>();
  return {
    ...real,
    claimNext: async (...args: Parameters<typeof real.claimNext>) => {
      const job = await real.claimNext(...args);
      if (gate.state.hold) {
        gate.state.hold = false;
        gate.state.reached();
        await gate.state.released;
      }
      return job;
    },
  };
});

describe("worker wake-ups", () => {
  let t: TestApp;
  let w: Worker | undefined;
  beforeAll(async () => {
    t = await createTestApp({}, { ownDatabase: true });
  });
  afterAll(async () => {
    await w?.stop(2000);
    await t.close();
  });

  it("takes a job whose wake-up came while it was already looking (not at the idle timer)", async () => {
    await t.deps.database.db.update(generationQueue).set({ status: "cancelled" }).where(inArray(generationQueue.status, ["pending", "processing"]));
    const user = await createUser(t.deps, { credits: 100 });
    // The idle timer never fires in this test: only a wake-up can bring the job to the worker.
    w = new Worker(t.deps, { concurrency: 2, userConcurrency: 10, leaseMs: 5000, pollMs: 20, idleMs: 3_600_000 });
    gate.arm();
    w.start();
    await gate.state.held; // the first look read an empty queue and has not finished
    const { job } = await generation.enqueue(ctxFor(t.deps, user), {
      operation: "text-to-image",
      prompt: "a lighthouse in the fog",
      negativePrompt: "",
      modelId: "local/sketch-fast",
      parameters: { width: 128, height: 128, numImages: 1 },
    });
    gate.open();
    const row = await waitFor(async () => {
      const [r] = await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.id, job.id));
      return r && r.status !== "pending" ? r : null;
    }, 10_000);
    expect(["processing", "completed"]).toContain(row.status);
  });
});
