import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditTransactions, generationBatches, generationQueue } from "../../src/db/schema";
import { createTestApp, jsonRequest, signUp, type SignedUpUser, type TestApp } from "../harness";
import { balance, batchJobs, MODEL } from "./helpers";

describe("batch API", () => {
  let t: TestApp;
  let me: SignedUpUser;
  const call = (path: string, body?: unknown, method?: string) =>
    jsonRequest(t, path, { body, cookie: me.cookie, ip: me.ip, method });
  beforeAll(async () => {
    t = await createTestApp({ BATCH_MAX_JOBS: "40" });
    me = await signUp(t);
  });
  afterAll(() => t.close());

  it("previews the exact counts, credits and first items without queuing anything", async () => {
    const res = await call("/api/generate/batch/preview", {
      modelId: MODEL,
      modelIds: ["local/sketch"],
      template: "a {red|blue} {animal}",
      variables: { animal: ["cat", "fox", "owl"] },
      seeds: [1, 2],
      parameters: { numImages: 2 },
    });
    expect(res.status).toBe(200);
    const p = (await res.json()) as {
      total: number;
      images: number;
      estimatedCredits: number;
      affordable: boolean;
      items: { prompt: string; seed: number; modelId: string }[];
      errors: unknown[];
      etaSeconds: number;
    };
    expect(p.total).toBe(2 * 3 * 2 * 2);
    expect(p.images).toBe(48);
    expect(p.estimatedCredits).toBe(48);
    expect(p.affordable).toBe(true);
    expect(p.errors).toEqual([]);
    expect(p.etaSeconds).toBeGreaterThan(0);
    expect(p.items.slice(0, 3)).toEqual([
      expect.objectContaining({ prompt: "a red cat", seed: 1, modelId: MODEL }),
      expect.objectContaining({ prompt: "a red cat", seed: 1, modelId: "local/sketch" }),
      expect.objectContaining({ prompt: "a red cat", seed: 2, modelId: MODEL }),
    ]);
    expect(await batchJobs(t, "00000000-0000-4000-8000-000000000000")).toHaveLength(0);
    expect(await balance(t, me.user.id)).toBe(me.user.creditsBalance);
  });

  it("reports each bad CSV cell by row and column, with the single-generation rules, and queues nothing", async () => {
    const csv = "prompt,seed,steps,aspect ratio\nfine,1,4,1:1\n,2,4,1:1\nok,x,4,1:1\nbig,3,99,1:1\nwide,4,4,7:3\n";
    const p = (await (await call("/api/generate/batch/preview", { modelId: MODEL, csv })).json()) as {
      total: number;
      errors: { row: number; column: string; message: string }[];
      columns: string[];
    };
    expect(p.columns).toEqual(["prompt", "seed", "steps", "aspect ratio"]);
    const at = (row: number) => p.errors.filter((e) => e.row === row);
    expect(at(1)).toEqual([]);
    expect(at(2)).toEqual([expect.objectContaining({ column: "prompt" })]);
    expect(at(3)).toEqual([expect.objectContaining({ column: "seed" })]);
    expect(at(4)).toEqual([expect.objectContaining({ column: "steps", message: expect.stringMatching(/8/) })]);
    expect(at(5)).toEqual([expect.objectContaining({ column: "aspectRatio" })]);
    const create = await call("/api/generate/batch", { modelId: MODEL, csv });
    expect(create.status).toBe(400);
    const body = (await create.json()) as { error: { message: string; details: { errors: unknown[] } } };
    expect(body.error.message).toMatch(/^Row 2, prompt/);
    expect(body.error.details.errors.length).toBeGreaterThanOrEqual(4);
    expect(
      await t.deps.database.db.select().from(generationBatches).where(eq(generationBatches.userId, me.user.id)),
    ).toHaveLength(0);
  });

  it("refuses a batch over the cap before expanding it, with the numbers", async () => {
    const values = Array.from({ length: 200 }, (_, i) => `v${i}`);
    const res = await call("/api/generate/batch", {
      modelId: MODEL,
      template: "{a} {b} {c} {d}",
      variables: { a: values, b: values, c: values, d: values },
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { message: string; details: { total: number; maxJobs: number } } };
    expect(body.error.details).toMatchObject({ total: 200 ** 4, maxJobs: 40 });
    expect(body.error.message).toMatch(/1,600,000,000 jobs; the most one batch may make is 40/);
  });

  it("refuses a batch the user cannot afford, saying what it needs and what they have", async () => {
    const poor = await signUp(t);
    const have = poor.user.creditsBalance;
    const n = 10;
    const res = await jsonRequest(t, "/api/generate/batch", {
      body: { modelId: MODEL, prompts: Array.from({ length: n }, (_, i) => `p${i}`), parameters: { numImages: 4 } },
      cookie: poor.cookie,
      ip: poor.ip,
    });
    if (have >= 4 * n) return expect(res.status).toBe(202); // a generous SIGNUP_CREDITS: nothing to refuse
    expect(res.status).toBe(402);
    const body = (await res.json()) as { error: { message: string; details: { needed: number; balance: number } } };
    expect(body.error.details).toEqual(expect.objectContaining({ needed: 40, balance: have }));
    expect(body.error.message).toContain(`needs 40 credits for 10 jobs and you have ${have}`);
    expect(await balance(t, poor.user.id)).toBe(have);
  });

  it("queues a batch (202), holds its credits once, and reads it back with ETA", async () => {
    const before = await balance(t, me.user.id);
    const res = await call("/api/generate/batch", {
      name: "Cats",
      modelId: MODEL,
      prompts: ["a cat", "a dog"],
      seedRange: { start: 10, count: 3 },
      parameters: { numImages: 2 },
    });
    expect(res.status).toBe(202);
    const created = (await res.json()) as { id: string; total: number; estimatedCredits: number };
    expect(created).toMatchObject({ total: 6, estimatedCredits: 12 });
    expect(await balance(t, me.user.id)).toBe(before - 12);
    const jobs = await batchJobs(t, created.id);
    expect(jobs.map((j) => [j.batchIndex, j.prompt, j.parameters.seed])).toEqual([
      [0, "a cat", 10],
      [1, "a cat", 11],
      [2, "a cat", 12],
      [3, "a dog", 10],
      [4, "a dog", 11],
      [5, "a dog", 12],
    ]);
    expect(jobs.every((j) => j.creditsHeld === 2 && j.status === "pending")).toBe(true);
    const got = (await (await call(`/api/generate/batch/${created.id}`)).json()) as {
      status: string;
      total: number;
      jobIds: string[];
      etaSeconds: number;
      priority: string;
    };
    expect(got).toMatchObject({ status: "queued", total: 6, priority: "normal" });
    expect(got.jobIds).toHaveLength(6);
    expect(got.etaSeconds).toBeGreaterThan(0);
    const list = (await (await call("/api/generate/batch")).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(created.id);
    const perJob = (await (await call(`/api/generate/batch/${created.id}/jobs`)).json()) as {
      items: { etaSeconds: number }[];
    };
    // Each waiting job's estimate counts the jobs ahead of it (whole seconds: with this install's fast local runs
    // several may round to the same second), so the estimates never go down along the line.
    const etas = perJob.items.map((i) => i.etaSeconds);
    expect(etas.every((e) => e > 0)).toBe(true);
    expect(etas).toEqual([...etas].sort((a, b) => a - b));
  });

  it("makes one batch for one clientId, however often it is sent (the offline outbox replays)", async () => {
    const body = { clientId: `batch-${crypto.randomUUID()}`, modelId: MODEL, prompts: ["once"] };
    const a = await call("/api/generate/batch", body);
    const b = await call("/api/generate/batch", body);
    expect(a.status).toBe(202);
    expect(b.status).toBe(200);
    expect(((await a.json()) as { id: string }).id).toBe(((await b.json()) as { id: string }).id);
  });

  it("cancel refunds what the jobs not started held; a running job finishes", async () => {
    const before = await balance(t, me.user.id);
    const { id } = (await (
      await call("/api/generate/batch", { modelId: MODEL, prompts: ["a", "b", "c", "d"] })
    ).json()) as { id: string };
    expect(await balance(t, me.user.id)).toBe(before - 4);
    // One job is running (a worker holds it under a lease).
    const first = (await batchJobs(t, id))[0]!;
    await t.deps.database.db
      .update(generationQueue)
      .set({
        status: "processing",
        leaseOwner: "a-worker",
        leaseExpiresAt: new Date(Date.now() + 60_000),
        startedAt: new Date(),
      })
      .where(eq(generationQueue.id, first.id));
    const res = await call(`/api/generate/batch/${id}/cancel`, {});
    expect(res.status).toBe(200);
    const view = (await res.json()) as {
      status: string;
      cancelled: number;
      running: number;
      refunded: { jobs: number; credits: number };
    };
    expect(view.refunded).toEqual({ jobs: 3, credits: 3 });
    expect(view).toMatchObject({ status: "cancelled", cancelled: 3, running: 1 });
    expect(await balance(t, me.user.id)).toBe(before - 1);
    const refund = await t.deps.database.db
      .select()
      .from(creditTransactions)
      .where(and(eq(creditTransactions.userId, me.user.id), eq(creditTransactions.kind, "refund")));
    expect(refund.some((r) => r.amount === 3 && (r.meta as { batchId?: string }).batchId === id)).toBe(true);
    expect((await call(`/api/generate/batch/${id}/cancel`, {})).status).toBe(409);
  });

  it("retries the failed items as a new round with a fresh hold", async () => {
    const { id } = (await (await call("/api/generate/batch", { modelId: MODEL, prompts: ["x", "y", "z"] })).json()) as {
      id: string;
    };
    const jobs = await batchJobs(t, id);
    for (const j of jobs.slice(0, 2))
      await t.deps.database.db.update(generationQueue).set({ status: "failed" }).where(eq(generationQueue.id, j.id));
    const before = await balance(t, me.user.id);
    const res = await call(`/api/generate/batch/${id}/retry-failed`, {});
    expect(res.status).toBe(202);
    const view = (await res.json()) as { retried: number; failed: number; pending: number; total: number };
    expect(view).toMatchObject({ retried: 2, failed: 0, pending: 3, total: 3 });
    expect(await balance(t, me.user.id)).toBe(before - 2);
    const after = await batchJobs(t, id);
    expect(after).toHaveLength(5);
    expect(
      after
        .filter((j) => j.status === "pending")
        .map((j) => j.batchIndex)
        .sort(),
    ).toEqual([0, 1, 2]);
    expect((await call(`/api/generate/batch/${id}/retry-failed`, {})).status).toBe(409);
  });

  it("pauses and resumes; a paused batch is not resumed twice or paused again", async () => {
    const { id } = (await (await call("/api/generate/batch", { modelId: MODEL, prompts: ["p"] })).json()) as {
      id: string;
    };
    expect(((await (await call(`/api/generate/batch/${id}/pause`, {})).json()) as { status: string }).status).toBe(
      "paused",
    );
    expect((await call(`/api/generate/batch/${id}/pause`, {})).status).toBe(409);
    expect(((await (await call(`/api/generate/batch/${id}/resume`, {})).json()) as { status: string }).status).toBe(
      "queued",
    );
    expect((await call(`/api/generate/batch/${id}/resume`, {})).status).toBe(409);
  });

  it("keeps batches private: another user's batch answers like an unknown one", async () => {
    const { id } = (await (await call("/api/generate/batch", { modelId: MODEL, prompts: ["mine"] })).json()) as {
      id: string;
    };
    const other = await signUp(t);
    for (const [path, method] of [
      [`/api/generate/batch/${id}`, "GET"],
      [`/api/generate/batch/${id}/pause`, "POST"],
      [`/api/generate/batch/${id}/cancel`, "POST"],
      [`/api/generate/batch/${id}/export`, "GET"],
    ] as const) {
      const res = await jsonRequest(t, path, {
        method,
        cookie: other.cookie,
        ip: other.ip,
        body: method === "POST" ? {} : undefined,
      });
      expect(res.status).toBe(404);
    }
  });

  it("saves, lists and deletes batch presets", async () => {
    const saved = await call("/api/generate/batch/presets", {
      name: "Seed grid",
      config: { template: "a {cat|dog}", seeds: [1, 2, 3] },
    });
    expect(saved.status).toBe(201);
    const { id } = (await saved.json()) as { id: string };
    const list = (await (await call("/api/generate/batch/presets")).json()) as {
      items: { id: string; config: unknown }[];
    };
    expect(list.items.find((p) => p.id === id)?.config).toEqual({ template: "a {cat|dog}", seeds: [1, 2, 3] });
    expect((await call(`/api/generate/batch/presets/${id}`, undefined, "DELETE")).status).toBe(204);
    expect((await call(`/api/generate/batch/presets/${id}`, undefined, "DELETE")).status).toBe(404);
  });

  it("creates a 500-job batch in a few statements", async () => {
    const big = await createTestApp({ BATCH_MAX_JOBS: "500" });
    const u = await signUp(big);
    const started = performance.now();
    const res = await jsonRequest(big, "/api/generate/batch", {
      body: {
        modelId: MODEL,
        prompts: Array.from({ length: 50 }, (_, i) => `p${i}`),
        seedRange: { start: 0, count: 10 },
        name: "Big",
      },
      cookie: u.cookie,
      ip: u.ip,
    });
    const ms = performance.now() - started;
    if (u.user.creditsBalance < 500) return expect(res.status).toBe(402);
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    expect(await batchJobs(big, id)).toHaveLength(500);
    console.info(`500-job batch queued in ${ms.toFixed(0)} ms`);
  });
});
