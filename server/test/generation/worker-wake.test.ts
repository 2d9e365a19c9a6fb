import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client";
import { generationQueue } from "../../src/db/schema";
import { Worker } from "../../src/jobs/worker";
import * as generation from "../../src/modules/generation/generation.service";
import { createUser, ctxFor, waitFor } from "../factories";
import { createTestApp, type TestApp } from "../harness";

/**
 * The database the worker is given holds its first transaction — the first look for work, which reads an empty
 * queue — after it has run, until the test opens it: what happens meanwhile is what happens when a job is committed
 * between a look's read and its end.
 */
function heldFirstTransaction(db: Db) {
  let hold = true;
  let reached!: () => void;
  let open!: () => void;
  const held = new Promise<void>((r) => (reached = r));
  const released = new Promise<void>((r) => (open = r));
  const proxy = new Proxy(db, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === "transaction" && hold) {
        hold = false;
        return async (...args: Parameters<Db["transaction"]>) => {
          const result = await target.transaction(...args);
          reached();
          await released;
          return result;
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: proxy, held, open };
}

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
    const gate = heldFirstTransaction(t.deps.database.db);
    const deps = { ...t.deps, database: Object.assign(Object.create(t.deps.database) as typeof t.deps.database, { db: gate.db }) };
    w = new Worker(deps, { concurrency: 2, userConcurrency: 10, leaseMs: 5000, pollMs: 20, idleMs: 3_600_000 });
    w.start();
    await gate.held; // the first look read an empty queue and has not finished
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
