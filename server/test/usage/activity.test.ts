import type { ActivityItem } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue, images } from "../../src/db/schema";
import { Worker } from "../../src/jobs/worker";
import { waitFor } from "../factories";
import { createTestApp, jsonRequest, signUp, type SignedUpUser, type TestApp } from "../harness";

/** The activity feed is derived from what the tables record: generated, iterated, batch finished, shared, commented. */
describe("activity feed", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let worker: Worker;
  const settled = async () =>
    waitFor(async () => {
      const rows = await t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.userId, u.user.id));
      return rows.every((r) => ["completed", "failed", "cancelled"].includes(r.status)) ? rows : null;
    }, 30_000);

  beforeAll(async () => {
    t = await createTestApp({}, { ownDatabase: true });
    u = await signUp(t);
    const batch = await jsonRequest(t, "/api/generate/batch", {
      cookie: u.cookie,
      ip: u.ip,
      body: { name: "Two", modelId: "local/sketch-fast", parameters: { width: 128, height: 128, numImages: 1 }, prompts: ["batch one", "batch two"] },
    });
    expect(batch.status, await batch.clone().text()).toBe(202);
    worker = new Worker(t.deps, { concurrency: 2, userConcurrency: 4, leaseMs: 5000, pollMs: 20, idleMs: 50 });
    worker.start();
    await settled();
    const [img] = await t.deps.database.db.select().from(images).where(eq(images.userId, u.user.id)).limit(1);
    const variation = await jsonRequest(t, `/api/images/${img!.id}/variation`, { cookie: u.cookie, ip: u.ip, body: { count: 1 } });
    expect(variation.status).toBe(202);
    await settled();
    await worker.stop();
    expect((await jsonRequest(t, `/api/images/${img!.id}/comments`, { cookie: u.cookie, ip: u.ip, body: { text: "love the colours" } })).status).toBe(201);
    expect((await jsonRequest(t, `/api/share/image/${img!.id}`, { cookie: u.cookie, ip: u.ip, body: {} })).status).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await t.close();
  });

  it("lists what happened, newest first, each with its link", async () => {
    const res = await jsonRequest(t, "/api/activity?limit=20", { cookie: u.cookie, ip: u.ip });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: ActivityItem[] };
    const byType = (type: string) => items.filter((i) => i.type === type);
    expect(byType("batch")).toEqual([expect.objectContaining({ title: "Batch finished: 2 images from 2 jobs", link: expect.stringMatching(/^\/images\//) })]);
    expect(byType("generated")).toHaveLength(0); // the batch's jobs are told as the batch
    expect(byType("iterated")).toEqual([expect.objectContaining({ title: expect.stringMatching(/^Made variations with /) })]);
    expect(byType("commented")).toEqual([expect.objectContaining({ title: "You commented on an image", detail: "love the colours" })]);
    expect(byType("shared")).toEqual([expect.objectContaining({ title: "Shared an image" })]);
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort().reverse());
    const limited = (await (await jsonRequest(t, "/api/activity?limit=2", { cookie: u.cookie, ip: u.ip })).json()) as { items: ActivityItem[] };
    expect(limited.items).toEqual(items.slice(0, 2));
  });

  it("is worded in the language the client shows (Accept-Language); what people wrote stays as written", async () => {
    const res = await jsonRequest(t, "/api/activity?limit=20", { cookie: u.cookie, ip: u.ip, headers: { "Accept-Language": "de" } });
    const { items } = (await res.json()) as { items: ActivityItem[] };
    const byType = (type: string) => items.filter((i) => i.type === type);
    expect(byType("batch")).toEqual([expect.objectContaining({ title: "Stapel fertig: 2 Bilder aus 2 Aufträgen" })]);
    expect(byType("iterated")).toEqual([expect.objectContaining({ title: expect.stringMatching(/^Varianten mit .+ erstellt$/) })]);
    expect(byType("commented")).toEqual([expect.objectContaining({ title: "Sie haben ein Bild kommentiert", detail: "love the colours" })]);
    expect(byType("shared")).toEqual([expect.objectContaining({ title: "Ein Bild geteilt" })]);
  });

  it("shows another user none of it", async () => {
    const other = await signUp(t);
    const res = await jsonRequest(t, "/api/activity", { cookie: other.cookie, ip: other.ip });
    expect(((await res.json()) as { items: ActivityItem[] }).items).toEqual([]);
  });

  it("refuses bad figures requests with a 400", async () => {
    for (const path of ["/api/activity?limit=0", "/api/activity?limit=101", "/api/usage/daily?days=0", "/api/usage/daily?days=367", "/api/usage/monthly?months=37", "/api/usage/monthly?months=x", "/api/credits/history?kind=gift", "/api/credits/history?from=2026-13-01"]) {
      const res = await jsonRequest(t, path, { cookie: u.cookie, ip: u.ip });
      expect(res.status, path).toBe(400);
    }
  });
});
