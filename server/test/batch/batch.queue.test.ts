import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationBatches, generationQueue, images, notifications, projects } from "../../src/db/schema";
import type { LiveEvent } from "../../src/jobs/events";
import { claimNext } from "../../src/jobs/queue.repo";
import { Worker } from "../../src/jobs/worker";
import * as generation from "../../src/modules/generation/generation.service";
import { batchJobEnded } from "../../src/modules/batch/batch.progress";
import * as batches from "../../src/modules/batch/batch.service";
import { reorder } from "../../src/modules/batch/batch.line";
import { batchRequestSchema, type BatchRequest } from "@image-studio/shared";
import { createUser, ctxFor, waitFor } from "../factories";
import { createTestApp, type TestApp } from "../harness";
import { batchJobs, clearLine, MODEL } from "./helpers";

const req = (over: Partial<BatchRequest> = {}) =>
  batchRequestSchema.parse({ modelId: MODEL, parameters: { width: 128, height: 128 }, ...over });
const single = (prompt: string, priority = 0): generation.EnqueueInput => ({
  operation: "text-to-image",
  prompt,
  negativePrompt: "",
  modelId: MODEL,
  parameters: { width: 128, height: 128 },
  priority,
});

describe("batches on the queue", () => {
  let t: TestApp;
  const workers: Worker[] = [];
  const worker = (app: TestApp = t, concurrency = 2, userConcurrency = 2) => {
    const w = new Worker(app.deps, { concurrency, userConcurrency, leaseMs: 5000, pollMs: 20, idleMs: 50 });
    workers.push(w);
    return w;
  };
  const done = (batchId: string) => async () => {
    const rows = await batchJobs(t, batchId);
    return rows.every((r) => ["completed", "failed", "cancelled"].includes(r.status)) ? rows : null;
  };
  /** Claims until nothing is left, returning the claimed jobs in order (other users' jobs included). */
  const claimAll = async (limit: number, n: number, now?: Date) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const c = await claimNext(t.deps.database.db, `claimer-${i}`, 60_000, limit, now);
      if (!c) break;
      out.push(c);
    }
    return out;
  };
  beforeAll(async () => {
    // Claim order and fairness look at the whole waiting line: no other file's jobs in it.
    t = await createTestApp({}, { ownDatabase: true });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop(2000)));
    await t.close();
  });

  it("runs a batch to the end live: progress events, images in the chosen project and findable by batch, one notification", async () => {
    const user = await createUser(t.deps, { credits: 100 });
    const ctx = ctxFor(t.deps, user);
    const [project] = await t.deps.database.db
      .insert(projects)
      .values({ userId: user.id, name: "Batch target" })
      .returning();
    const events: LiveEvent[] = [];
    const off = t.deps.events.subscribe(user.id, (e) => events.push(e));
    const { batch } = await batches.create(
      ctx,
      req({ prompts: ["a red kite", "a blue kite"], seeds: [5, 6], projectId: project!.id }),
    );
    const w = worker();
    w.start();
    const rows = await waitFor(done(batch.id), 30_000);
    await waitFor(async () => (await batches.get(ctx, batch.id)).finishedAt, 10_000);
    off();
    expect(rows.every((r) => r.status === "completed")).toBe(true);
    const made = await t.deps.database.db
      .select()
      .from(images)
      .where(
        inArray(
          images.jobId,
          rows.map((r) => r.id),
        ),
      );
    expect(made).toHaveLength(4);
    expect(made.every((m) => m.projectId === project!.id)).toBe(true);
    const view = await batches.get(ctx, batch.id);
    expect(view).toMatchObject({ status: "completed", completed: 4, failed: 0, etaSeconds: null });
    expect(view.imageIds.sort()).toEqual(made.map((m) => m.id).sort());
    // The gallery filters by batch.
    const { list } = await import("../../src/modules/images/images.service");
    const page = await list(ctx, { batchId: batch.id, sort: "date", order: "desc", limit: 50 } as Parameters<
      typeof list
    >[1]);
    expect(page.items.map((i) => i.id).sort()).toEqual(made.map((m) => m.id).sort());
    const progress = events.filter((e) => e.type === "batch" && e.batchId === batch.id);
    expect(progress.at(-1)).toMatchObject({ status: "completed", completed: 4, total: 4 });
    // Finished once: another report changes nothing.
    await batchJobEnded(t.deps, batch.id);
    const bell = await t.deps.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, user.id), eq(notifications.kind, "batch.completed")));
    expect(bell).toHaveLength(1);
    expect(bell[0]!.link).toBe(`/batch?id=${batch.id}`);
    await w.stop();
  });

  it("exports the batch's images as a ZIP with the metadata", async () => {
    const user = await createUser(t.deps, { credits: 100 });
    const ctx = ctxFor(t.deps, user);
    const { batch } = await batches.create(ctx, req({ prompts: ["zip me"], seeds: [1, 2] }));
    const w = worker();
    w.start();
    await waitFor(done(batch.id), 30_000);
    await w.stop();
    const { imageIds } = await batches.imageIdsOf(ctx, batch.id);
    const { zipDownload } = await import("../../src/modules/images/images.export");
    const zip = await zipDownload(ctx, imageIds, { csv: true });
    const bytes = Buffer.from(await new Response(zip.body).arrayBuffer());
    const text = bytes.toString("latin1");
    expect(text).toContain("metadata.json");
    expect(text).toContain("metadata.csv");
    expect(text.match(/zip me/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("a paused batch stays paused across a worker restart, and runs when resumed", async () => {
    await clearLine(t);
    const user = await createUser(t.deps, { credits: 100 });
    const ctx = ctxFor(t.deps, user);
    const { batch } = await batches.create(ctx, req({ prompts: ["held 1", "held 2", "held 3"] }));
    await batches.pause(ctx, batch.id);
    const first = worker();
    await first.tick();
    expect((await batchJobs(t, batch.id)).every((j) => j.status === "pending")).toBe(true);
    await first.stop();
    // A restart: a new app and worker on the same database.
    const restarted = await createTestApp();
    restarted.deps.database = t.deps.database;
    const second = worker(restarted);
    await second.tick();
    expect((await batchJobs(t, batch.id)).every((j) => j.status === "pending")).toBe(true);
    expect((await batches.get(ctx, batch.id)).status).toBe("paused");
    await batches.resume(ctx, batch.id);
    second.start();
    const rows = await waitFor(done(batch.id), 30_000);
    expect(rows.every((r) => r.status === "completed")).toBe(true);
    await second.stop();
    await restarted.close();
  });

  it("a scheduled batch is not claimed before its time (the injectable clock), then is", async () => {
    await clearLine(t);
    const user = await createUser(t.deps, { credits: 100 });
    const at = new Date(Date.now() + 3600_000);
    const { batch } = await batches.create(
      ctxFor(t.deps, user),
      req({ prompts: ["later"], scheduledAt: at.toISOString() }),
    );
    expect((await batches.get(ctxFor(t.deps, user), batch.id)).status).toBe("scheduled");
    expect(await claimAll(10, 5, new Date(at.getTime() - 1000))).toEqual([]);
    // A worker whose clock reads the scheduled time claims it.
    const clock = { now: () => new Date(at.getTime() + 1000) };
    const early = worker();
    await early.tick();
    expect((await batchJobs(t, batch.id))[0]!.status).toBe("pending");
    await early.stop();
    const late = new Worker(
      { ...t.deps, clock },
      { concurrency: 1, userConcurrency: 1, leaseMs: 5000, pollMs: 20, idleMs: 50 },
    );
    workers.push(late);
    late.start();
    const [row] = await waitFor(done(batch.id), 30_000);
    expect(row!.status).toBe("completed");
    await late.stop();
  });

  it("orders a user's own jobs by priority, and by their drag and drop", async () => {
    await clearLine(t);
    const user = await createUser(t.deps, { credits: 100 });
    const ctx = ctxFor(t.deps, user);
    const low = (await batches.create(ctx, req({ prompts: ["low 1", "low 2"], priority: "low" }))).batch;
    const normal = (await generation.enqueue(ctx, single("normal single"))).job;
    await batches.create({ ...ctx, now: new Date() }, req({ prompts: ["high 1", "high 2"], priority: "high" }));
    // Drag the low batch before the normal single job.
    await reorder(ctx, { move: { kind: "batch", id: low.id }, before: { kind: "job", id: normal.id } });
    const order = (await claimAll(100, 10)).map((j) => j.prompt);
    expect(order).toEqual(["high 1", "high 2", "low 1", "low 2", "normal single"]);
  });

  it("is fair: one user's big batch does not starve another user's single job", async () => {
    await clearLine(t);
    const busy = await createUser(t.deps, { credits: 1000 });
    const other = await createUser(t.deps, { credits: 100 });
    const { batch } = await batches.create(
      ctxFor(t.deps, busy),
      req({ prompts: Array.from({ length: 30 }, (_, i) => `busy ${i}`), priority: "high" }),
    );
    const lone = (await generation.enqueue(ctxFor(t.deps, other), single("the other user's one job"))).job;
    // Two slots per user: the second claim goes to the user with nothing running, not to the older batch.
    const claims = await claimAll(2, 2);
    expect(claims.map((c) => c.id)).toEqual([expect.any(String), lone.id]);
    expect(claims[0]!.batchId).toBe(batch.id);
    await clearLine(t);
    // With a worker: the other user's job starts among the first claims, long before the batch is through.
    const b2 = (
      await batches.create(ctxFor(t.deps, busy), req({ prompts: Array.from({ length: 20 }, (_, i) => `again ${i}`) }))
    ).batch;
    const lone2 = (await generation.enqueue(ctxFor(t.deps, other), single("another lone job"))).job;
    const w = worker(t, 2, 2);
    w.start();
    const rows = await waitFor(done(b2.id), 60_000);
    await waitFor(
      async () => ((await generation.getView(ctxFor(t.deps, other), lone2.id)).status === "completed" ? true : null),
      30_000,
    );
    await w.stop();
    const loneRow = (
      await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.id, lone2.id))
    )[0]!;
    const startedBefore = rows.filter((r) => r.startedAt! < loneRow.startedAt!).length;
    expect(startedBefore).toBeLessThanOrEqual(2);
  });

  it("estimates from this install's measured durations", async () => {
    const user = await createUser(t.deps, { credits: 100 });
    const ctx = ctxFor(t.deps, user);
    // 50 recent runs of the model that took 30 s each (newer than any other run in the database).
    const future = new Date(Date.now() + 86_400_000);
    await t.deps.database.db.insert(generationQueue).values(
      Array.from({ length: 50 }, () => ({
        userId: user.id,
        modelId: "local/sketch",
        provider: "local",
        status: "completed" as const,
        startedAt: new Date(future.getTime() - 30_000),
        completedAt: future,
      })),
    );
    const { batch } = await batches.create(ctx, req({ modelId: "local/sketch", prompts: ["a", "b", "c", "d"] }));
    const view = await batches.get(ctx, batch.id);
    const par = Math.min(t.deps.env.USER_CONCURRENCY, t.deps.env.WORKER_CONCURRENCY);
    expect(view.secondsPerJob).toBe(30);
    expect(view.etaSeconds).toBe(Math.ceil((4 * 30) / par));
    await t.deps.database.db
      .update(generationBatches)
      .set({ state: "cancelled" })
      .where(eq(generationBatches.id, batch.id));
  });
});
