import { jobSchema, lineageSchema } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deps } from "../../src/context";
import { users } from "../../src/db/schema";
import { EventBus } from "../../src/jobs/events";
import { followUpClientId, queueFollowUp } from "../../src/jobs/follow-up";
import { getJob, insertJob } from "../../src/jobs/queue.repo";
import { Worker } from "../../src/jobs/worker";
import { createTestApp, signUp, type TestApp } from "../harness";
import { waitFor } from "../factories";
import { caller, finished, imageOf, jobsOf, makePng, storeImage } from "./helpers";

/**
 * 8× upscale is two jobs. The second must be queued by the worker that completes the first — not by a listener
 * in the API process that took the request — so the API can restart between the passes and nothing is lost.
 */
describe("8× upscale: the second pass is queued durably by the worker", () => {
  let api: TestApp;
  let workerDeps: Deps;
  let worker: Worker;
  beforeAll(async () => {
    api = await createTestApp({}, { ownDatabase: true });
    // Another process: same database and storage, its own event bus (the API hears none of its events).
    workerDeps = { ...api.deps, events: new EventBus(undefined, api.deps.log) };
  });
  afterAll(async () => {
    await worker?.stop(2000);
    await api.close();
  });

  it("runs 4× then 2× with no API-process listener, once, with lineage original → 4× → 8×", async () => {
    const u = await signUp(api);
    const call = caller(api, u);
    const src = await storeImage(api, u.user.id, await makePng({ width: 48, height: 32, hue: 90 }), {
      prompt: "a paper boat",
      parameters: { seed: 4321 },
    });
    const res = await call(`/api/images/${src.id}/upscale`, { body: { scale: 8, lockSeed: true } });
    expect(res.status).toBe(202);
    const first = jobSchema.parse(await res.json());
    expect(first.parameters.scale).toBe(4);

    // The API process "restarts": whatever it kept in memory is gone. Only then does a worker run the job.
    api.deps.events = new EventBus(undefined, api.deps.log);
    worker = new Worker(workerDeps, { concurrency: 1, userConcurrency: 4, pollMs: 20, idleMs: 50 });
    worker.start();

    const mid = await imageOf(api, await finished(api, u, first.id));
    expect([mid.width, mid.height, mid.parentImageId]).toEqual([192, 128, src.id]);
    const second = await waitFor(async () => (await jobsOf(api, u.user.id)).find((j) => j.parentImageId === mid.id));
    expect(second).toMatchObject({ operation: "upscale", clientId: followUpClientId(first.id), modelId: first.modelId });
    expect(second.parameters).toMatchObject({ scale: 2, width: 192, height: 128, seed: 4321 });
    const final = await imageOf(api, await finished(api, u, second.id));
    expect([final.width, final.height, final.parentImageId, final.operation]).toEqual([384, 256, mid.id, "upscale"]);

    // Completion running again (a retaken job, a duplicate run) queues nothing more.
    const firstRow = (await getJob(api.deps.database.db, u.user.id, first.id))!;
    const again = await api.deps.database.db.transaction((tx) =>
      queueFollowUp(tx, firstRow, { imageId: mid.id, width: mid.width, height: mid.height }),
    );
    expect(again).toBeNull();
    expect((await jobsOf(api, u.user.id)).filter((j) => j.operation === "upscale")).toHaveLength(2);

    const tree = lineageSchema.parse(await (await call(`/api/images/${final.id}/lineage`)).json());
    expect(tree.ancestors).toEqual([src.id, mid.id]);
    expect(tree.nodes.map((n) => [n.id, n.depth])).toEqual([
      [src.id, 0],
      [mid.id, 1],
      [final.id, 2],
    ]);
  });

  it("records a clear failed job and returns the reserved credits when the next pass would be too large", async () => {
    const u = await signUp(api);
    const db = api.deps.database.db;
    await db.update(users).set({ creditsBalance: 100 }).where(eq(users.id, u.user.id));
    const src = await storeImage(api, u.user.id, await makePng({ width: 32, height: 32 }));
    // A finished first pass that came back bigger than expected (9000 px a side), holding 7 credits for pass 2.
    const { job } = await insertJob(db, {
      userId: u.user.id,
      operation: "upscale",
      modelId: "local/upscale",
      provider: "local",
      parameters: { width: 32, height: 32, scale: 4, seed: 1 },
      inputs: { sourceImageId: src.id, then: { operation: "upscale", scale: 2, credits: 7, lockSeed: false } },
      parentImageId: src.id,
      creditsHeld: 9,
    });
    const next = await db.transaction((tx) => queueFollowUp(tx, job, { imageId: src.id, width: 9000, height: 9000 }));
    expect(next).toMatchObject({ status: "failed", creditsHeld: 0, clientId: followUpClientId(job.id) });
    expect(next!.errorMessage).toMatch(/2× upscale of this 9000×9000 image would be 18000×18000.*16384 px per side/);
    const [after] = await db.select({ balance: users.creditsBalance }).from(users).where(eq(users.id, u.user.id));
    expect(after!.balance).toBe(107);
    // And once more: nothing new, no second refund.
    expect(await db.transaction((tx) => queueFollowUp(tx, job, { imageId: src.id, width: 9000, height: 9000 }))).toBeNull();
    const [still] = await db.select({ balance: users.creditsBalance }).from(users).where(eq(users.id, u.user.id));
    expect(still!.balance).toBe(107);
  });
});
