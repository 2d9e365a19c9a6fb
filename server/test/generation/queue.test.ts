import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditTransactions, generationQueue, images, usageLogs, users } from "../../src/db/schema";
import { claimNext, getJobById } from "../../src/jobs/queue.repo";
import { Worker } from "../../src/jobs/worker";
import { AppError } from "../../src/lib/errors";
import * as generation from "../../src/modules/generation/generation.service";
import { createUser, ctxFor, waitFor } from "../factories";
import { createTestApp, type TestApp } from "../harness";

const t2i = (over: Partial<generation.EnqueueInput> = {}): generation.EnqueueInput => ({
  operation: "text-to-image",
  prompt: "a violet sunset over the ocean",
  negativePrompt: "",
  modelId: "local/sketch-fast",
  parameters: { width: 256, height: 256, numImages: 1 },
  ...over,
});

const balance = async (t: TestApp, userId: string) =>
  (await t.deps.database.db.select({ b: users.creditsBalance }).from(users).where(eq(users.id, userId)))[0]!.b;

const finished = (t: TestApp, ids: string[]) => async () => {
  const rows = await t.deps.database.db.select().from(generationQueue).where(inArray(generationQueue.id, ids));
  return rows.every((r) => ["completed", "failed", "cancelled"].includes(r.status)) ? rows : null;
};

describe("durable generation queue", () => {
  let t: TestApp;
  const workers: Worker[] = [];
  const worker = (id?: string, leaseMs = 5000) => {
    const w = new Worker(t.deps, { concurrency: 3, userConcurrency: 10, leaseMs, pollMs: 20, idleMs: 50 });
    if (id) Object.defineProperty(w, "id", { value: id });
    workers.push(w);
    return w;
  };
  beforeAll(async () => {
    // A dead worker's claim takes the oldest waiting job: no other file's jobs in the line.
    t = await createTestApp({}, { ownDatabase: true });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop(2000)));
    await t.close();
  });

  it("runs every job exactly once with several workers", async () => {
    const user = await createUser(t.deps, { credits: 10_000 });
    const ctx = ctxFor(t.deps, user);
    const jobs = await Promise.all(Array.from({ length: 12 }, (_, i) => generation.enqueue(ctx, t2i({ prompt: `job ${i}`, parameters: { width: 128, height: 128, numImages: 2 } }))));
    const ids = jobs.map((j) => j.job.id);
    [worker(), worker(), worker()].forEach((w) => w.start());
    const rows = await waitFor(finished(t, ids), 30_000);
    expect(rows.every((r) => r.status === "completed")).toBe(true);
    expect(rows.every((r) => r.imageIds.length === 2)).toBe(true);
    const made = await t.deps.database.db.select({ id: images.id, jobId: images.jobId }).from(images).where(eq(images.userId, user.id));
    expect(made).toHaveLength(24);
    expect(new Set(made.map((m) => m.id)).size).toBe(24);
    const logs = await t.deps.database.db.select().from(usageLogs).where(and(eq(usageLogs.userId, user.id), eq(usageLogs.success, true)));
    expect(logs).toHaveLength(24);
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  it("finishes a job exactly once when its worker dies mid-way", async () => {
    const user = await createUser(t.deps);
    const { job } = await generation.enqueue(ctxFor(t.deps, user), t2i());
    // A worker claims the job under a short lease and dies without finishing it.
    const claimed = await claimNext(t.deps.database.db, "dead-worker", 300, 10);
    expect(claimed?.id).toBe(job.id);
    const survivor = worker("survivor", 5000);
    survivor.start();
    const [done] = await waitFor(finished(t, [job.id]), 15_000);
    expect(done!.status).toBe("completed");
    const made = await t.deps.database.db.select().from(images).where(eq(images.jobId, job.id));
    expect(made).toHaveLength(1);
    await survivor.stop();
    workers.splice(0);
  });

  it("holds credits at enqueue, charges on success and refunds a failure", async () => {
    const user = await createUser(t.deps, { credits: 100 });
    const ctx = ctxFor(t.deps, user);
    const { job: ok } = await generation.enqueue(ctx, t2i());
    expect(ok.creditsHeld).toBeGreaterThan(0);
    expect(await balance(t, user.id)).toBe(100 - ok.creditsHeld);
    // A derived job whose source image does not exist fails for good and is refunded.
    const { job: bad } = await generation.enqueue(ctx, t2i({ operation: "image-to-image", modelId: "local/sketch", inputs: { sourceImageId: crypto.randomUUID() } }));
    const w = worker();
    w.start();
    const rows = await waitFor(finished(t, [ok.id, bad.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ok.id)!.status).toBe("completed");
    expect(byId.get(bad.id)!.status).toBe("failed");
    expect(byId.get(bad.id)!.errorMessage).toMatch(/source image/i);
    expect(await balance(t, user.id)).toBe(100 - ok.creditsHeld);
    const tx = await t.deps.database.db.select().from(creditTransactions).where(eq(creditTransactions.jobId, bad.id));
    expect(tx.map((x) => x.kind).sort()).toEqual(["hold", "refund"]);
    await w.stop();
    workers.splice(0);
  });

  it("refuses a job the balance cannot cover with 402 and queues nothing", async () => {
    const user = await createUser(t.deps, { credits: 0 });
    const err = await generation.enqueue(ctxFor(t.deps, user), t2i()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("INSUFFICIENT_CREDITS");
    expect((err as AppError).status).toBe(402);
    const rows = await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.userId, user.id));
    expect(rows).toHaveLength(0);
  });

  it("makes one job for one clientId, however often it is sent", async () => {
    const user = await createUser(t.deps);
    const ctx = ctxFor(t.deps, user);
    const results = await Promise.all([1, 2, 3].map(() => generation.enqueue(ctx, t2i({ clientId: "offline-outbox-entry-1" })).catch((e: unknown) => e)));
    const ok = results.filter((r): r is { job: { id: string }; created: boolean } => !(r instanceof Error));
    expect(new Set(ok.map((r) => r.job.id)).size).toBe(1);
    const rows = await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(await balance(t, user.id)).toBe(1000 - rows[0]!.creditsHeld);
  });

  it("cancels a pending job and refunds it", async () => {
    const user = await createUser(t.deps);
    const ctx = ctxFor(t.deps, user);
    const { job } = await generation.enqueue(ctx, t2i());
    const cancelled = await generation.cancel(ctx, job.id);
    expect(cancelled.status).toBe("cancelled");
    expect(await balance(t, user.id)).toBe(1000);
    await expect(generation.cancel(ctx, job.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const retried = await generation.retry(ctx, job.id);
    expect(retried.status).toBe("pending");
    expect(retried.id).not.toBe(job.id);
  });

  it("rejects parameters outside the model's ranges, naming the field", async () => {
    const user = await createUser(t.deps);
    const err = (await generation.enqueue(ctxFor(t.deps, user), t2i({ parameters: { numImages: 9 } })).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(err.details)).toMatch(/numImages/);
  });

  it("hides other users' jobs", async () => {
    const a = await createUser(t.deps);
    const b = await createUser(t.deps);
    const { job } = await generation.enqueue(ctxFor(t.deps, a), t2i());
    await expect(generation.getView(ctxFor(t.deps, b), job.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(generation.cancel(ctxFor(t.deps, b), job.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getJobById(t.deps.database.db, job.id))!.status).toBe("pending");
  });

  /** Earlier tests leave jobs waiting; the next two look at the whole line. */
  const clearLine = () => t.deps.database.db.update(generationQueue).set({ status: "cancelled" }).where(inArray(generationQueue.status, ["pending", "processing"]));

  it("never runs more than a user's limit, even when workers claim at the same moment, and serves the next user", async () => {
    await clearLine();
    const busy = await createUser(t.deps, { credits: 1000 });
    const other = await createUser(t.deps, { credits: 1000 });
    const jobs: string[] = [];
    for (let i = 0; i < 5; i++) jobs.push((await generation.enqueue(ctxFor(t.deps, busy), t2i({ prompt: `busy ${i}` }))).job.id);
    const otherJob = (await generation.enqueue(ctxFor(t.deps, other), t2i({ prompt: "other" }))).job.id;
    // Six workers ask at once (on PostgreSQL: six connections racing); the limit is two jobs per user.
    const claims = await Promise.all(Array.from({ length: 6 }, (_, i) => claimNext(t.deps.database.db, `racer-${i}`, 60_000, 2)));
    const got = claims.filter((c) => c !== null);
    const mine = got.filter((c) => jobs.includes(c.id));
    expect(mine).toHaveLength(2);
    expect(got.map((c) => c.id)).toContain(otherJob);
    expect(got).toHaveLength(3);
    await clearLine();
  });

  it("tells waiting jobs their new place in line when a worker takes one", async () => {
    await clearLine();
    const user = await createUser(t.deps, { credits: 1000 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await generation.enqueue(ctxFor(t.deps, user), t2i({ prompt: `line ${i}` }))).job.id);
    const positions = new Map<string, number[]>();
    const off = t.deps.events.subscribe(user.id, (e) => {
      if (e.type === "position") positions.set(e.jobId, [...(positions.get(e.jobId) ?? []), e.queuePosition]);
    });
    const w = new Worker(t.deps, { concurrency: 1, userConcurrency: 1, leaseMs: 5000, pollMs: 20, idleMs: 50 });
    w.start();
    await waitFor(finished(t, ids), 30_000);
    await w.stop();
    off();
    // The last job waited behind two others: it heard 1 when the first was taken, then 0.
    expect(positions.get(ids[2]!)).toEqual(expect.arrayContaining([1, 0]));
    expect(positions.get(ids[2]!)!.indexOf(0)).toBeGreaterThan(positions.get(ids[2]!)!.indexOf(1));
    expect(positions.get(ids[1]!)).toContain(0);
  });
});
