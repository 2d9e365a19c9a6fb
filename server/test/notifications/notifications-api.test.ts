import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue, notifications } from "../../src/db/schema";
import { Worker } from "../../src/jobs/worker";
import * as generation from "../../src/modules/generation/generation.service";
import { notify } from "../../src/modules/notifications/notify";
import { createUser, ctxFor, waitFor } from "../factories";
import { createTestApp, jsonRequest, signUp, type SignedUpUser, type TestApp } from "../harness";

interface Page {
  items: { id: string; kind: string; title: string; body: string; params: Record<string, unknown> | null; link: string | null; readAt: string | null; data: Record<string, unknown> }[];
  nextCursor: string | null;
  unreadCount: number;
}

describe("notifications API", () => {
  let t: TestApp;
  const call = (u: SignedUpUser, path: string, init: { method?: string; body?: unknown } = {}) => jsonRequest(t, path, { ...init, cookie: u.cookie, ip: u.ip });
  const get = async <T>(u: SignedUpUser, path: string) => {
    const res = await call(u, path);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("pages newest first with a cursor, filters unread and kinds, marks read, reads all and deletes", async () => {
    const u = await signUp(t);
    for (let i = 0; i < 7; i++) {
      if (i % 2) await notify(t.deps, { userId: u.user.id, kind: "credits.low", params: { balance: i, threshold: 10 } });
      else await notify(t.deps, { userId: u.user.id, kind: "job.completed", params: { count: 1, prompt: `n${i}`, model: "Sketch" } });
    }
    const marker = (n: Page["items"][number]) => (n.kind === "credits.low" ? `n${String(n.params?.balance)}` : String(n.params?.prompt));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await get<Page>(u, `/api/notifications?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map(marker));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["n6", "n5", "n4", "n3", "n2", "n1", "n0"]);

    const lows = await get<Page>(u, "/api/notifications?kind=credits.low");
    expect(lows.items.map(marker)).toEqual(["n5", "n3", "n1"]);
    expect((await call(u, "/api/notifications?kind=nope")).status).toBe(400);
    expect((await call(u, "/api/notifications?cursor=not-a-cursor")).status).toBe(400);

    const first = lows.items[0]!;
    const read = await call(u, `/api/notifications/${first.id}/read`, { method: "POST" });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { unreadCount: number }).unreadCount).toBe(6);
    const unread = await get<Page>(u, "/api/notifications?unread=true&limit=50");
    expect(unread.items.map((n) => n.id)).not.toContain(first.id);
    expect(unread.items).toHaveLength(6);
    expect(await get<{ count: number }>(u, "/api/notifications/unread-count")).toEqual({ count: 6 });

    // Someone else's notification answers exactly like an unknown one.
    const other = await signUp(t);
    expect((await call(other, `/api/notifications/${first.id}/read`, { method: "POST" })).status).toBe(404);
    expect((await call(other, `/api/notifications/${first.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await get<Page>(other, "/api/notifications")).items).toHaveLength(0);

    const all = await call(u, "/api/notifications/read-all", { method: "POST" });
    expect(await all.json()).toEqual({ updated: 6, unreadCount: 0 });
    expect(await get<{ count: number }>(u, "/api/notifications/unread-count")).toEqual({ count: 0 });

    expect((await call(u, `/api/notifications/${first.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await call(u, `/api/notifications/${first.id}`, { method: "DELETE" })).status).toBe(404);
    expect((await get<Page>(u, "/api/notifications?limit=50")).items).toHaveLength(6);
    expect((await jsonRequest(t, "/api/notifications")).status).toBe(401);
  });

  it("round-trips preferences per kind and channel, and notify() follows them", async () => {
    const u = await signUp(t);
    const before = await get<{ preferences: Record<string, { inApp: boolean; mail: boolean; push: boolean }>; notificationsEnabled: boolean }>(u, "/api/notifications/preferences");
    expect(before.preferences["job.completed"]).toEqual({ inApp: true, mail: false, push: false });
    expect(before.notificationsEnabled).toBe(true);

    const put = await call(u, "/api/notifications/preferences", { method: "PUT", body: { "job.completed": { push: true }, "credits.low": { mail: false, inApp: false } } });
    expect(put.status).toBe(200);
    const after = await get<typeof before>(u, "/api/notifications/preferences");
    expect(after.preferences["job.completed"]).toEqual({ inApp: true, mail: false, push: true });
    expect(after.preferences["credits.low"]).toEqual({ inApp: false, mail: false, push: false });
    expect(after.preferences["job.failed"]).toEqual(before.preferences["job.failed"]);
    // A second change keeps the first.
    await call(u, "/api/notifications/preferences", { method: "PUT", body: { "job.failed": { mail: true } } });
    const again = await get<typeof before>(u, "/api/notifications/preferences");
    expect(again.preferences["job.completed"]!.push).toBe(true);
    expect(again.preferences["job.failed"]!.mail).toBe(true);

    expect((await call(u, "/api/notifications/preferences", { method: "PUT", body: { "no.such": { mail: true } } })).status).toBe(400);
    expect((await call(u, "/api/notifications/preferences", { method: "PUT", body: { "job.failed": { mail: "yes" } } })).status).toBe(400);
    // The general settings endpoint may not write the reserved key.
    expect((await call(u, "/api/settings", { method: "PUT", body: { settings: { notificationPreferences: {} } } })).status).toBe(400);

    const pushed = await notify(t.deps, { userId: u.user.id, kind: "job.completed", params: { count: 1, prompt: "done", model: "Sketch" } });
    expect(pushed?.data.push).toBe(true);
    const quiet = await notify(t.deps, { userId: u.user.id, kind: "credits.low", params: { balance: 1, threshold: 10 } });
    expect(quiet?.readAt).not.toBeNull();
  });
});

describe("job notifications", () => {
  let t: TestApp;
  let worker: Worker;
  beforeAll(async () => {
    // Its own database: the worker would claim other test files' waiting jobs on a shared one.
    t = await createTestApp({}, { ownDatabase: true });
    worker = new Worker(t.deps, { concurrency: 2, userConcurrency: 10, leaseMs: 5000, pollMs: 20, idleMs: 50 });
  });
  afterAll(async () => {
    await worker.stop(2000);
    await t.close();
  });

  it("a completed job and a failed one make one notification each, live on the user's stream, with the image link and the refund", async () => {
    const user = await createUser(t.deps, { credits: 500 });
    const ctx = ctxFor(t.deps, user);
    const live: { type: string; notification?: { kind: string } }[] = [];
    const off = t.deps.events.subscribe(user.id, (e) => live.push(e as (typeof live)[number]));
    const { job: ok } = await generation.enqueue(ctx, { operation: "text-to-image", prompt: "a lighthouse at dawn", negativePrompt: "", modelId: "local/sketch-fast", parameters: { width: 128, height: 128, numImages: 1 } });
    // A derived job whose source image does not exist fails for good (not retryable) and is refunded.
    const { job: bad } = await generation.enqueue(ctx, { operation: "image-to-image", prompt: "at night", negativePrompt: "", modelId: "local/sketch", parameters: {}, inputs: { sourceImageId: crypto.randomUUID() } });
    worker.start();
    const rows = await waitFor(async () => {
      const r = await t.deps.database.db.select().from(generationQueue).where(inArray(generationQueue.id, [ok.id, bad.id]));
      return r.every((x) => x.status === "completed" || x.status === "failed") ? r : null;
    }, 30_000);
    const done = rows.find((r) => r.id === ok.id)!;
    const failed = rows.find((r) => r.id === bad.id)!;
    expect(done.status).toBe("completed");
    expect(failed.status).toBe("failed");
    const notes = await waitFor(async () => {
      const n = await t.deps.database.db.select().from(notifications).where(eq(notifications.userId, user.id));
      return n.length >= 2 ? n : null;
    });
    off();
    expect(notes).toHaveLength(2);
    const completed = notes.find((n) => n.kind === "job.completed")!;
    expect(completed.link).toBe(`/images/${done.imageIds[0]}`);
    expect(completed.data.jobId).toBe(ok.id);
    const fail = notes.find((n) => n.kind === "job.failed")!;
    expect(fail.data.jobId).toBe(bad.id);
    expect(fail.body).toMatch(/source image/i);
    if (bad.creditsHeld > 0) expect(fail.body).toContain(`${bad.creditsHeld} credit`);
    expect(fail.data.refunded).toBe(bad.creditsHeld);
    const liveKinds = live.filter((e) => e.type === "notification").map((e) => e.notification!.kind).sort();
    expect(liveKinds).toEqual(["job.completed", "job.failed"]);
  });
});
