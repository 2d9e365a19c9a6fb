import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue } from "../../src/db/schema";
import type { LiveEvent } from "../../src/jobs/events";
import { claimNext, getJobById } from "../../src/jobs/queue.repo";
import { Worker } from "../../src/jobs/worker";
import * as generation from "../../src/modules/generation/generation.service";
import { LocalProvider } from "../../src/providers/local";
import { ProviderRegistry } from "../../src/providers/registry";
import { createUser, ctxFor, waitFor } from "../factories";
import { seedDatabase } from "../../src/db/seed";
import { createTestApp, type TestApp } from "../harness";
import { isolatedDatabase } from "../ops/databases";

const t2i = (prompt: string): generation.EnqueueInput => ({
  operation: "text-to-image",
  prompt,
  negativePrompt: "",
  modelId: "local/sketch-fast",
  parameters: { width: 128, height: 128, numImages: 1 },
});

describe("a stopping worker finishes or releases its jobs", () => {
  let t: TestApp;
  let fastProviders: ProviderRegistry;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    t = await createTestApp();
    // A queue of its own: a worker claims the oldest due job of any user, and on the shared PostgreSQL database
    // other test files leave jobs pending.
    const isolated = await isolatedDatabase();
    await seedDatabase(isolated.database.db);
    t.deps.database = isolated.database;
    drop = isolated.drop;
    fastProviders = t.deps.providers;
  });
  afterAll(async () => {
    await t.close();
    await drop();
  });

  const claimedBy = (w: Worker, jobId: string) => async () => {
    const row = await getJobById(t.deps.database.db, jobId);
    return row?.status === "processing" && row.leaseOwner === w.id && row.falRequestId ? row : null;
  };

  it("releases a job still running when the drain time is over: another worker takes it at once", async () => {
    // A generation far slower than the drain time (the local engine, slowed down).
    t.deps.providers = new ProviderRegistry(new LocalProvider({ stepMs: 60_000 }), undefined);
    const user = await createUser(t.deps);
    const { job } = await generation.enqueue(ctxFor(t.deps, user), t2i("a slow lighthouse"));
    const seen: LiveEvent[] = [];
    t.deps.events.subscribe(user.id, (e) => seen.push(e));
    const w = new Worker(t.deps, { concurrency: 1, userConcurrency: 5, leaseMs: 3000, pollMs: 20, idleMs: 50 });
    w.start();
    const running = await waitFor(claimedBy(w, job.id));

    expect(await w.stop(0)).toBe(1);

    const row = (await getJobById(t.deps.database.db, job.id))!;
    expect(row.status).toBe("pending");
    expect(row.leaseOwner).toBeNull();
    expect(row.leaseExpiresAt).toBeNull();
    expect(row.falRequestId).toBe(running.falRequestId); // the next worker resumes the same engine request
    expect(row.retryCount).toBe(0);
    expect(seen).toContainEqual({ type: "queued", jobId: job.id });
    // Without the release, the lease (3 s) would still hold the job here and nobody could claim it.
    const taken = await claimNext(t.deps.database.db, "next-worker", 3000, 5);
    expect(taken?.id).toBe(job.id);
    await t.deps.database.db
      .update(generationQueue)
      .set({ status: "cancelled", leaseOwner: null, leaseExpiresAt: null })
      .where(eq(generationQueue.id, job.id));
  });

  it("lets a job that ends within the drain time finish instead of releasing it", async () => {
    t.deps.providers = fastProviders;
    const user = await createUser(t.deps);
    const { job } = await generation.enqueue(ctxFor(t.deps, user), t2i("a quick lighthouse"));
    const w = new Worker(t.deps, { concurrency: 1, userConcurrency: 5, leaseMs: 3000, pollMs: 20, idleMs: 50 });
    w.start();
    await waitFor(claimedBy(w, job.id));
    expect(await w.stop(60_000)).toBe(0);
    expect((await getJobById(t.deps.database.db, job.id))!.status).toBe("completed");
  });
});
