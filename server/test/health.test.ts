import { errorBodySchema, healthSchema, livenessSchema, readinessSchema } from "@image-studio/shared";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue } from "../src/db/schema";
import { InstanceHeartbeat } from "../src/jobs/instance";
import { createUser } from "./factories";
import { createTestApp, type TestApp } from "./harness";
import { isolatedDatabase } from "./ops/databases";

describe("GET /api/health", () => {
  let t: TestApp;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    t = await createTestApp();
    // Queue figures are whole-table: a database of this file's own, so other files' jobs don't show up here.
    const isolated = await isolatedDatabase();
    t.deps.database = isolated.database;
    drop = isolated.drop;
  });
  afterAll(async () => {
    await drop();
    await t.close();
  });

  it("reports database, storage and image engine as healthy", async () => {
    const res = await t.request("/api/health");
    expect(res.status).toBe(200);
    const body = healthSchema.parse(await res.json());
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(["pglite", "postgres"]).toContain(body.database.kind);
    expect(body.storage.ok).toBe(true);
    expect(body.imageEngine).toMatchObject({ kind: "local", label: expect.stringContaining("not AI") });
    expect(body.queue).toMatchObject({ ok: true, pending: 0, running: 0, oldestPendingAgeSeconds: null });
    expect(body.workers).toMatchObject({ live: 0 });
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("sends security headers", async () => {
    const res = await t.request("/api/health");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).not.toContain("unsafe-inline"); // scripts are never inline
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("answers unknown API routes with the error body", async () => {
    const res = await t.request("/api/nope", { headers: { "x-request-id": "abcdef123456" } });
    expect(res.status).toBe(404);
    const body = errorBodySchema.parse(await res.json());
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.requestId).toBe("abcdef123456");
  });

  it("reports a broken storage as degraded with 503", async () => {
    const broken = await createTestApp();
    broken.deps.storage = { ...broken.deps.storage, kind: broken.deps.storage.kind, check: async () => ({ ok: false, detail: "disk gone" }) } as typeof broken.deps.storage;
    const res = await broken.request("/api/health");
    expect(res.status).toBe(503);
    const body = healthSchema.parse(await res.json());
    expect(body.status).toBe("degraded");
    expect(body.storage.detail).toBe("disk gone");
    await broken.close();
  });

  it("shows a stalled queue: jobs waiting and no live worker is degraded until a worker beats", async () => {
    const user = await createUser(t.deps);
    const db = t.deps.database.db;
    const [job] = await db
      .insert(generationQueue)
      .values({ userId: user.id, modelId: "local/sketch-fast", provider: "local", createdAt: sql`now() - interval '90 seconds'`, runAfter: sql`now() - interval '90 seconds'` })
      .returning();
    const stalled = await t.request("/api/health");
    expect(stalled.status).toBe(503);
    const body = healthSchema.parse(await stalled.json());
    expect(body.status).toBe("degraded");
    expect(body.queue).toMatchObject({ ok: false, pending: 1, running: 0 });
    expect(body.queue.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(90);
    expect(body.queue.detail).toMatch(/no live worker/i);
    expect(body.workers).toMatchObject({ ok: false, live: 0, detail: expect.stringContaining("pnpm worker") });

    // A worker process registers and beats: the queue is served again.
    const heartbeat = new InstanceHeartbeat(db, { role: "worker", version: "test", secret: t.deps.env.BETTER_AUTH_SECRET }, { heartbeatMs: 60_000, liveMs: 60_000 }, t.deps.log);
    await heartbeat.start();
    await heartbeat.attachWorker({ id: "worker-1", activeJobs: 1, concurrency: 4 });
    const served = healthSchema.parse(await (await t.request("/api/health")).json());
    expect(served.status).toBe("ok");
    expect(served.workers).toMatchObject({ ok: true, live: 1, capacity: 4, activeJobs: 1 });

    // A job whose worker died (lease expired) waits again; one under a live lease runs.
    await db.update(generationQueue).set({ status: "processing", leaseOwner: "dead", leaseExpiresAt: sql`now() - interval '5 seconds'` }).where(eq(generationQueue.id, job!.id));
    const expired = healthSchema.parse(await (await t.request("/api/health")).json());
    expect(expired.queue).toMatchObject({ pending: 0, running: 0 });
    expect(expired.queue.oldestPendingAgeSeconds).toBeGreaterThanOrEqual(5);
    await db.update(generationQueue).set({ leaseExpiresAt: sql`now() + interval '1 minute'` }).where(eq(generationQueue.id, job!.id));
    const running = healthSchema.parse(await (await t.request("/api/health")).json());
    expect(running.queue).toMatchObject({ ok: true, pending: 0, running: 1, oldestPendingAgeSeconds: null });

    // The worker stops cleanly: no live worker left.
    await heartbeat.stop();
    await db.update(generationQueue).set({ status: "completed", leaseOwner: null, leaseExpiresAt: null }).where(eq(generationQueue.id, job!.id));
    expect(healthSchema.parse(await (await t.request("/api/health")).json()).workers.live).toBe(0);
  });

  it("answers liveness without touching dependencies and readiness from the database", async () => {
    const live = await t.request("/api/health/live");
    expect(live.status).toBe(200);
    expect(livenessSchema.parse(await live.json()).status).toBe("ok");
    expect(live.headers.get("cache-control")).toBe("no-store");
    const ready = await t.request("/api/health/ready");
    expect(ready.status).toBe(200);
    expect(readinessSchema.parse(await ready.json())).toMatchObject({ status: "ready", database: { ok: true } });

    const working = t.deps.database;
    t.deps.database = { ...working, db: { execute: () => Promise.reject(new Error("connection refused")) } as unknown as typeof working.db };
    try {
      const down = await t.request("/api/health/ready");
      expect(down.status).toBe(503);
      expect(readinessSchema.parse(await down.json())).toMatchObject({ status: "unavailable", database: { ok: false, detail: "connection refused" } });
      expect((await t.request("/api/health/live")).status).toBe(200);
    } finally {
      t.deps.database = working;
    }
  });
});
