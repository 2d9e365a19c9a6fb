import { errorBodySchema, healthSchema } from "@image-studio/shared";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePool } from "../../src/lib/decode-pool";
import { waitFor } from "../factories";
import { createTestApp, jsonRequest, signUp, type TestApp } from "../harness";
import { makePng, upload, uploadsOf } from "./helpers";

/** A flat-colour PNG: a few dozen KB that decodes to width×height pixels (the 37-megapixel bomb of the audit). */
const flat = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#336699" } })
    .png({ compressionLevel: 9 })
    .toBuffer();

describe("uploads: pixel cap, decode pool, rate limit", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DECODE_CONCURRENCY: "2", UPLOADS_PER_HOUR: "50" });
  });
  afterAll(() => t.close());

  it("refuses a 37-megapixel PNG of a few KB with 413 from its header, before any decode", async () => {
    const u = await signUp(t);
    const bomb = await flat(6100, 6100);
    expect(bomb.length).toBeLessThan(200_000);
    const pool = decodePool(t.deps.env.DECODE_CONCURRENCY);
    const before = pool.stats().completed;
    const res = await upload(t, u, bomb);
    expect(res.status).toBe(413);
    expect(errorBodySchema.parse(await res.json()).error.message).toMatch(
      /6100×6100 pixels; uploads can be at most 25 megapixels/,
    );
    expect(pool.stats()).toMatchObject({ completed: before, running: 0 }); // never reached the pool
    expect(await uploadsOf(t, u.user.id)).toBe(0);
  });

  it("keeps the API responsive while big decodes fill the pool: /api/health answers before any of them finishes", async () => {
    const u = await signUp(t);
    const big = await flat(4800, 4800); // 23 MP: allowed, and slow to re-encode
    const pool = decodePool(t.deps.env.DECODE_CONCURRENCY);
    const started = pool.stats().completed;
    const uploads = Array.from({ length: 4 }, () => upload(t, u, big));
    // Two decodes under way (each holding one of libuv's four threads), two waiting: the pool is full.
    await waitFor(async () => pool.stats().decoding === 2 && pool.stats().queued === 2, 30_000, 5);
    // It answers, with a storage check (file I/O on libuv's threads) that passed. Its status may be 503 "degraded"
    // for a reason of its own: on the shared PostgreSQL test database, other files' jobs wait with no worker.
    const health = healthSchema.parse(await (await t.request("/api/health")).json());
    expect(health.storage.ok && health.database.ok).toBe(true);
    expect(pool.stats().completed).toBe(started); // answered while every decode was still in the pool
    const done = await Promise.all(uploads);
    expect(done.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(pool.stats()).toMatchObject({ running: 0, queued: 0, completed: started + 4 });
  }, 120_000);

  it("limits uploads per user and hour (429 with Retry-After), storing nothing past the limit", async () => {
    const limited = await createTestApp({ UPLOADS_PER_HOUR: "3" });
    try {
      const u = await signUp(limited);
      const png = await makePng();
      for (let i = 0; i < 3; i++) expect((await upload(limited, u, png)).status).toBe(201);
      const res = await upload(limited, u, png);
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(errorBodySchema.parse(await res.json()).error.message).toMatch(/uploaded 3 images this hour/);
      expect(await uploadsOf(limited, u.user.id)).toBe(3);
      // Another user has their own allowance.
      expect((await upload(limited, await signUp(limited), png)).status).toBe(201);
      const health = healthSchema.parse(await (await jsonRequest(limited, "/api/health")).json());
      expect(health.storage.ok && health.database.ok).toBe(true);
    } finally {
      await limited.close();
    }
  });
});
