import { randomUUID } from "node:crypto";
import type { ModelSamples, ModelStats, ModelStatus } from "@image-studio/shared";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue } from "../../src/db/schema";
import { Worker } from "../../src/jobs/worker";
import * as generation from "../../src/modules/generation/generation.service";
import { samplesSettled, SAMPLE_PROMPTS } from "../../src/modules/models/model-samples";
import { modelStats, recentOutcomes } from "../../src/modules/models/model-stats.repo";
import { createUser, ctxFor, waitFor } from "../factories";
import { createTestApp, jsonRequest, type TestApp } from "../harness";

describe("model stats and status", () => {
  let t: TestApp;
  let worker: Worker;
  beforeAll(async () => {
    t = await createTestApp({}, { ownDatabase: true });
    worker = new Worker(t.deps, { concurrency: 2, userConcurrency: 10, leaseMs: 5000, pollMs: 20, idleMs: 50 });
  });
  afterAll(async () => {
    await worker.stop(2000);
    await t.close();
  });

  const stats = async (id: string) => {
    const res = await jsonRequest(t, `/api/models/${id}/stats`);
    expect(res.status).toBe(200);
    return (await res.json()) as ModelStats;
  };

  it("measures duration percentiles and success rate from finished jobs (exact figures)", async () => {
    const user = await createUser(t.deps);
    const modelId = `test/measured-${randomUUID().slice(0, 8)}`;
    const start = new Date("2026-01-01T00:00:00Z");
    const rows = Array.from({ length: 10 }, (_, i) => ({
      userId: user.id,
      operation: "text-to-image",
      prompt: `p${i}`,
      modelId,
      provider: "local",
      status: "completed" as const,
      startedAt: start,
      completedAt: new Date(start.getTime() + (i + 1) * 1000),
      imageIds: [randomUUID()],
    }));
    await t.deps.database.db.insert(generationQueue).values([
      ...rows,
      { userId: user.id, operation: "text-to-image", prompt: "f", modelId, provider: "local", status: "failed", startedAt: start, completedAt: new Date(start.getTime() + 60_000) },
      { userId: user.id, operation: "text-to-image", prompt: "c", modelId, provider: "local", status: "cancelled" },
    ]);
    const s = await modelStats(t.deps.database.db, modelId);
    // Durations 1…10 s of the completed jobs only (the failed one's minute does not count).
    expect(s.p50).toBeCloseTo(5.5, 6);
    expect(s.p95).toBeCloseTo(9.55, 6);
    expect([s.completed, s.failed, s.cancelled, s.images]).toEqual([10, 1, 1, 10]);
    const recent = await recentOutcomes(t.deps.database.db, new Date("2025-12-31T00:00:00Z"));
    expect(recent.get(modelId)).toEqual({ finished: 11, failed: 1 });
  });

  it("GET /api/models/:id/stats grows with real jobs run by the worker", async () => {
    const modelId = "local/sketch-fast";
    const before = await stats(modelId);
    const user = await createUser(t.deps);
    const ctx = ctxFor(t.deps, user);
    const jobs = await Promise.all([1, 2, 3].map((i) => generation.enqueue(ctx, { operation: "text-to-image", prompt: `stat ${i}`, negativePrompt: "", modelId, parameters: { width: 128, height: 128, numImages: 1 } })));
    worker.start();
    const ids = jobs.map((j) => j.job.id);
    await waitFor(async () => {
      const r = await t.deps.database.db.select().from(generationQueue).where(inArray(generationQueue.id, ids));
      return r.every((x) => x.status === "completed") ? r : null;
    }, 30_000);
    const after = await stats(modelId);
    expect(after.jobs.completed).toBeGreaterThanOrEqual(before.jobs.completed + 3);
    expect(after.images).toBeGreaterThanOrEqual(before.images + 3);
    expect(after.durationSeconds.p50).not.toBeNull();
    expect(after.durationSeconds.p50!).toBeGreaterThanOrEqual(0);
    expect(after.durationSeconds.p95!).toBeGreaterThanOrEqual(after.durationSeconds.p50!);
    expect(after.successRate).toBeGreaterThan(0);
    expect(after.successRate).toBeLessThanOrEqual(1);
    expect(after.lastUsedAt).not.toBeNull();
    expect((await jsonRequest(t, "/api/models/no/such-model/stats")).status).toBe(404);
  });

  it("GET /api/models/status lists every catalog model with a status", async () => {
    const res = await jsonRequest(t, "/api/models/status");
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: ModelStatus[] };
    const local = items.find((m) => m.modelId === "local/sketch");
    expect(local && ["available", "degraded"]).toContain(local?.status);
    // No FAL_KEY in this test app: fal models cannot run here.
    expect(items.find((m) => m.modelId === "fal-ai/flux/dev")?.status).toBe("unavailable");
  });

  it("makes a local model's samples once from the fixed prompts, serves them, and says why a fal model has none", async () => {
    const modelId = "local/sketch-fast";
    const first = await jsonRequest(t, `/api/models/${modelId}/samples`);
    expect(first.status).toBe(200);
    // Being made: the client polls on `making`, never on the note's words.
    expect(((await first.json()) as ModelSamples).making).toBe(true);
    await samplesSettled(modelId);
    const { items, source, making } = (await (await jsonRequest(t, `/api/models/${modelId}/samples`)).json()) as ModelSamples;
    expect(source).toBe("generated");
    expect(making).toBe(false);
    expect(items.map((i) => i.prompt)).toEqual([...SAMPLE_PROMPTS]);
    const file = await t.request(items[0]!.url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^image\//);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(100);
    // Asked again: the same pictures (made once per install).
    const again = (await (await jsonRequest(t, `/api/models/${modelId}/samples`)).json()) as ModelSamples;
    expect(again.items.map((i) => i.url)).toEqual(items.map((i) => i.url));
    const fal = (await (await jsonRequest(t, "/api/models/fal-ai/flux/dev/samples")).json()) as ModelSamples;
    expect(fal).toMatchObject({ items: [], source: "none" });
    expect(fal.note).toMatch(/credits/);
    expect(fal.making).toBe(false);
    const falDe = (await (await jsonRequest(t, "/api/models/fal-ai/flux/dev/samples", { headers: { "Accept-Language": "de" } })).json()) as ModelSamples;
    expect(falDe.note).toMatch(/^Keine Beispiele: .* jedes Bild Credits kostet\.$/);
    expect((await jsonRequest(t, `/api/models/samples/${randomUUID()}`)).status).toBe(404);
  });
});
