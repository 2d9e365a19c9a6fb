import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploads } from "../../src/db/schema";
import type { Clock } from "../../src/lib/clock";
import { runUploadCleanup } from "../../src/modules/uploads/uploads.cleanup";
import { uploadKey } from "../../src/storage/keys";
import { createTestApp, signUp, type TestApp } from "../harness";
import { caller, makePng, upload } from "./helpers";

const HOUR = 3_600_000;

/** The app's clock, moved by the test (no sleeps). */
function movableClock(): Clock & { set(d: Date): void } {
  let at: Date | undefined;
  return { now: () => at ?? new Date(), set: (d) => (at = d) };
}

describe("unused uploads expire with their bytes", () => {
  let t: TestApp;
  const clock = movableClock();
  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_TTL_HOURS: "24" });
    t.deps.clock = clock;
  });
  afterAll(() => t.close());

  it("deletes uploads unused for UPLOAD_TTL_HOURS, keeping those a waiting job or a recent use needs", async () => {
    const u = await signUp(t);
    const call = caller(t, u);
    const put = async () => ((await (await upload(t, u, await makePng())).json()) as { uploadId: string }).uploadId;
    const rowOf = async (id: string) => (await t.deps.database.db.select().from(uploads).where(eq(uploads.id, id)))[0];
    const bytesOf = async (id: string) => t.deps.storage.exists((await rowOf(id))!.storageKey);

    const now = Date.now();
    clock.set(new Date(now - 30 * HOUR)); // 30 hours ago…
    const unused = await put();
    const forWaitingJob = await put();
    const usedLater = await put();
    const unusedKey = (await rowOf(unused))!.storageKey;
    const job = await call("/api/generate/image-to-image", {
      body: { prompt: "watercolour", modelId: "local/sketch", uploadId: forWaitingJob },
    });
    expect(job.status).toBe(202); // no worker runs here: the job keeps waiting

    clock.set(new Date(now)); // …and now
    const fresh = await put();
    const used = await call("/api/generate/image-to-image", {
      body: { prompt: "ink", modelId: "local/sketch", uploadId: usedLater },
    });
    const usedJob = (await used.json()) as { id: string };
    expect((await call(`/api/generate/queue/${usedJob.id}`, { method: "DELETE" })).status).toBe(200);

    const first = await runUploadCleanup(t.deps);
    expect(first.deleted).toBe(1);
    expect(await rowOf(unused)).toBeUndefined();
    expect(await t.deps.storage.exists(unusedKey)).toBe(false);
    for (const id of [forWaitingJob, usedLater, fresh]) expect(await bytesOf(id)).toBe(true);
    // A deleted upload is gone for its owner too: a 404, as for any unknown id.
    const gone = await call("/api/generate/image-to-image", {
      body: { prompt: "x", modelId: "local/sketch", uploadId: unused },
    });
    expect(gone.status).toBe(404);

    // Once the job no longer waits for it, the old upload goes at the next pass; recently used ones stay.
    // (The clock is never moved forward here: on PostgreSQL other test files' uploads share the table.)
    const waiting = (await job.json()) as { id: string };
    expect((await call(`/api/generate/queue/${waiting.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await runUploadCleanup(t.deps)).deleted).toBe(1);
    expect(await rowOf(forWaitingJob)).toBeUndefined();
    for (const id of [usedLater, fresh]) expect(await bytesOf(id)).toBe(true);
  });

  it("adopts an upload stored before uploads were recorded: usable, counted, and expiring like the others", async () => {
    const u = await signUp(t);
    const call = caller(t, u);
    clock.set(new Date());
    const uploadId = randomUUID();
    const png = await makePng({ width: 40, height: 30 });
    await t.deps.storage.put(uploadKey(u.user.id, uploadId, "png"), png, { contentType: "image/png" });
    const res = await call("/api/generate/image-to-image", {
      body: { prompt: "from before", modelId: "local/sketch", uploadId },
    });
    expect(res.status).toBe(202);
    const [row] = await t.deps.database.db.select().from(uploads).where(eq(uploads.id, uploadId));
    expect(row).toMatchObject({ userId: u.user.id, width: 40, height: 30, byteSize: png.length });
  });
});
