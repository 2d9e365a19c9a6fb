import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue, images, users } from "../../src/db/schema";
import { Worker } from "../../src/jobs/worker";
import * as generation from "../../src/modules/generation/generation.service";
import { startFakeFal, type FakeFal } from "../fake-fal";
import { createUser, ctxFor, waitFor } from "../factories";
import { createTestApp, type TestApp } from "../harness";

describe("generation through fal.ai (real @fal-ai/client against a local fake)", () => {
  let fake: FakeFal;
  let t: TestApp;
  let worker: Worker;
  beforeAll(async () => {
    fake = await startFakeFal();
    t = await createTestApp({ FAL_KEY: fake.key, FAL_QUEUE_URL: fake.url, FAL_JWKS_URL: fake.jwksUrl }, { ownDatabase: true });
    worker = new Worker(t.deps, { concurrency: 2, userConcurrency: 2, pollMs: 20, idleMs: 50 });
    worker.start();
  });
  afterAll(async () => {
    await worker?.stop(2000);
    await t?.close();
    await fake?.close();
  });

  const job = async (id: string) => (await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.id, id)))[0]!;

  it("submits with the model's input schema, stores the results and charges the hold", async () => {
    const user = await createUser(t.deps, { credits: 1000 });
    const { job: queued } = await generation.enqueue(ctxFor(t.deps, user), {
      operation: "text-to-image",
      prompt: "a lighthouse at dusk",
      negativePrompt: "",
      modelId: "fal-ai/flux/schnell",
      parameters: { aspectRatio: "16:9", numImages: 2, seed: 42, steps: 4 },
    });
    expect(queued.creditsHeld).toBeGreaterThan(0);
    const done = await waitFor(async () => {
      const row = await job(queued.id);
      return row.status === "completed" || row.status === "failed" ? row : null;
    });
    expect(done.status).toBe("completed");
    expect(done.falRequestId).toBeTruthy();
    const submit = fake.submits().find((s) => s.endpoint === "fal-ai/flux/schnell")!;
    expect(submit.input).toMatchObject({ prompt: "a lighthouse at dusk", num_images: 2, seed: 42, num_inference_steps: 4 });
    expect(submit.input).not.toHaveProperty("negative_prompt");
    const stored = await t.deps.database.db.select().from(images).where(eq(images.jobId, queued.id));
    expect(stored).toHaveLength(2);
    expect(stored[0]!.modelId).toBe("fal-ai/flux/schnell");
    expect(await t.deps.storage.exists(stored[0]!.filePath)).toBe(true);
    const [u] = await t.deps.database.db.select({ b: users.creditsBalance }).from(users).where(eq(users.id, user.id));
    expect(u!.b).toBe(1000 - done.creditsCharged);
  });

  it("fails with fal's message and refunds when the model rejects the input", async () => {
    const user = await createUser(t.deps, { credits: 1000 });
    fake.failNext({ at: "result", status: 422, body: { detail: [{ loc: ["body", "prompt"], msg: "content policy violation", type: "content_policy_violation" }] } });
    const { job: queued } = await generation.enqueue(ctxFor(t.deps, user), {
      operation: "text-to-image",
      prompt: "something disallowed",
      negativePrompt: "",
      modelId: "fal-ai/flux/schnell",
      parameters: { numImages: 1 },
    });
    const done = await waitFor(async () => {
      const row = await job(queued.id);
      return row.status === "completed" || row.status === "failed" ? row : null;
    });
    expect(done.status).toBe("failed");
    expect(done.errorMessage).toMatch(/content|policy/i);
    const [u] = await t.deps.database.db.select({ b: users.creditsBalance }).from(users).where(eq(users.id, user.id));
    expect(u!.b).toBe(1000);
  });

  it("verifies webhook signatures and treats duplicate deliveries as no-ops", async () => {
    const user = await createUser(t.deps);
    const { job: queued } = await generation.enqueue(ctxFor(t.deps, user), {
      operation: "text-to-image",
      prompt: "webhook test",
      negativePrompt: "",
      modelId: "fal-ai/flux/schnell",
      parameters: { numImages: 1 },
    });
    const done = await waitFor(async () => {
      const row = await job(queued.id);
      return row.status === "completed" ? row : null;
    });
    const body = JSON.stringify({ request_id: done.falRequestId, gateway_request_id: done.falRequestId, status: "OK", payload: { images: [] } });
    const send = (headers: Record<string, string>) => t.request("/api/webhooks/fal", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const forged = await send({ ...fake.signWebhook(body, { requestId: done.falRequestId! }), "x-fal-webhook-signature": "00".repeat(64) });
    expect(forged.status).toBe(401);
    for (let i = 0; i < 2; i++) {
      const res = await send(fake.signWebhook(body, { requestId: done.falRequestId! }));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, duplicate: true });
    }
    const stored = await t.deps.database.db.select().from(images).where(eq(images.jobId, queued.id));
    expect(stored).toHaveLength(1);
  });
});
