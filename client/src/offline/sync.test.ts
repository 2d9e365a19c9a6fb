import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api";
import { applyPage } from "./apply";
import { backoffDelay } from "./backoff";
import { db, OfflineDB, setDatabase } from "./db";
import { localSettings } from "./local-queries";
import { enqueue } from "./outbox";
import { SyncEngine, SyncRejected } from "./sync";
import { FakeServer, networkError, uuid } from "./test-support";

let server: FakeServer;
let online = true;
let sleeps: number[];
const engine = (over: Partial<ConstructorParameters<typeof SyncEngine>[0]> = {}) =>
  new SyncEngine({
    transport: server,
    isOnline: () => online,
    lock: (fn) => fn(),
    sleep: async (ms) => void sleeps.push(ms),
    backoff: { random: () => 0.5 },
    ...over,
  });

beforeEach(() => {
  setDatabase(new OfflineDB(`test-${crypto.randomUUID()}`));
  server = new FakeServer();
  online = true;
  sleeps = [];
});
afterEach(async () => {
  await db().delete();
  setDatabase(null);
});

describe("outbox", () => {
  it("writes the local change and the outbox entry together", async () => {
    const img = server.addImage(uuid(1));
    await db().images.put(img);
    const entry = await enqueue({ type: "image.update", imageId: img.id, patch: { isFavorite: true } });
    expect((await db().images.get(img.id))!.isFavorite).toBe(true);
    expect(await db().outbox.get(entry.seq!)).toMatchObject({ id: entry.id, status: "pending", entities: [`image:${img.id}`] });
  });

  it("keeps neither when one of the two writes fails", async () => {
    const img = server.addImage(uuid(1));
    await db().images.put(img);
    const first = await enqueue({ type: "image.update", imageId: img.id, patch: { rating: 3 } });
    // Same mutation id again: the outbox's unique index refuses it, so the rating change must roll back too.
    await expect(enqueue({ id: first.id, type: "image.update", imageId: img.id, patch: { rating: 5 } })).rejects.toThrow();
    expect((await db().images.get(img.id))!.rating).toBe(3);
    expect(await db().outbox.count()).toBe(1);
  });
});

describe("push", () => {
  it("sends the outbox in batches and removes what the server applied", async () => {
    const ids = [1, 2, 3, 4, 5].map((n) => server.addImage(uuid(n)).id);
    const e = engine({ batchSize: 2 });
    await e.sync();
    for (const id of ids) await enqueue({ type: "image.update", imageId: id, patch: { isFavorite: true } });
    const report = await e.sync();
    expect(server.pushes.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(report.pushed).toBe(5);
    expect(await db().outbox.count()).toBe(0);
    expect([...server.images.values()].every((i) => i.isFavorite)).toBe(true);
  });

  it("a replayed batch changes nothing on the server and still clears the outbox", async () => {
    const img = server.addImage(uuid(1));
    const e = engine();
    await e.sync();
    const entry = await enqueue({ type: "image.update", imageId: img.id, patch: { tagsAdd: ["sky"] } });
    // The first push reached the server, but its answer was lost (the tab closed): the entry is still queued.
    await server.push([entry.mutation]);
    const versionAfterFirst = server.images.get(img.id)!.version;
    await e.sync();
    expect(server.images.get(img.id)!.version).toBe(versionAfterFirst);
    expect(server.images.get(img.id)!.tags).toEqual(["sky"]);
    expect(await db().outbox.count()).toBe(0);
  });

  it("keeps a refused change as a visible failure, reverts the entity and tells the waiter", async () => {
    const img = server.addImage(uuid(1), { rating: 2 });
    const e = engine();
    await e.sync();
    server.refuse.set("image.update", { status: "conflict", message: "Someone else changed this image." });
    const entry = await enqueue({ type: "image.update", imageId: img.id, patch: { rating: 5 } });
    expect((await db().images.get(img.id))!.rating).toBe(5);
    const outcome = e.outcome(entry.id).catch((err: unknown) => err);
    const report = await e.sync();
    const err = await outcome;
    expect(err).toBeInstanceOf(SyncRejected);
    expect((err as Error).message).toBe("Someone else changed this image.");
    const kept = await db().outbox.where("id").equals(entry.id).first();
    expect(kept).toMatchObject({ status: "failed", result: "conflict", error: { message: "Someone else changed this image." } });
    expect((await db().images.get(img.id))!.rating).toBe(2);
    expect(report.failed).toHaveLength(1);
    expect(report.unhandled).toHaveLength(0); // the waiter handled it; the shell does not announce it twice
    await e.sync();
    expect(server.pushes).toHaveLength(1); // failed entries are not pushed again
  });

  it("a refusal nobody waits for is reported as unhandled, and later pending changes survive the revert", async () => {
    const img = server.addImage(uuid(1));
    const e = engine();
    await e.sync();
    server.refuse.set("image.trash", { status: "rejected", message: "No." });
    await enqueue({ type: "image.trash", imageIds: [img.id] });
    online = false;
    await enqueue({ type: "image.update", imageId: img.id, patch: { isFavorite: true } });
    online = true;
    server.refuse.set("image.update", { status: "rejected", message: "Not now." });
    server.refuse.delete("image.update");
    const report = await e.sync();
    expect(report.unhandled.map((u) => u.mutation.type)).toEqual(["image.trash"]);
    const local = (await db().images.get(img.id))!;
    expect(local.deletedAt).toBeNull();
    expect(local.isFavorite).toBe(true);
  });

  it("a run attempted offline does not block the runs after reconnecting", async () => {
    const img = server.addImage(uuid(1));
    const e = engine();
    online = false;
    expect((await e.sync()).error).toBe("offline");
    await enqueue({ type: "image.update", imageId: img.id, patch: { isFavorite: true } });
    online = true;
    expect((await e.sync()).pushed).toBe(1);
    expect(await db().outbox.count()).toBe(0);
  });

  it("a queued generation is sent once and its placeholder leaves when applied", async () => {
    const e = engine();
    online = false;
    const entry = await enqueue({ type: "generation.enqueue", request: { prompt: "a fox", modelId: "local/sketch-fast" } });
    expect(await e.outcome(entry.id)).toBe("queued");
    expect(await db().jobs.get(entry.id)).toMatchObject({ offline: true, prompt: "a fox" });
    online = true;
    await e.sync();
    await e.sync();
    expect(server.jobs).toEqual([entry.id]);
    expect(await db().jobs.get(entry.id)).toBeUndefined();
  });
});

describe("pull", () => {
  it("walks the cursor page by page until hasMore is false", async () => {
    for (let n = 1; n <= 5; n++) server.addImage(uuid(n));
    await engine({ pullLimit: 2 }).sync();
    expect(server.pulls).toEqual([undefined, "2", "4"]);
    expect(await db().images.count()).toBe(5);
    expect((await db().syncMeta.get("sync"))!.cursor).toBe("5");
    server.addImage(uuid(6));
    await engine({ pullLimit: 2 }).sync();
    expect(server.pulls.at(-1)).toBe("5");
    expect(await db().images.count()).toBe(6);
  });

  it("applies tombstones: purged images and their cached files leave the device", async () => {
    const a = server.addImage(uuid(1));
    server.addImage(uuid(2));
    await engine().sync();
    await db().blobs.put({ key: `${a.id}:thumb-256`, imageId: a.id, variant: "thumb-256", blob: new Blob(["x"]), size: 1, savedAt: 1, pins: [] });
    server.purge(a.id);
    await engine().sync();
    expect(await db().images.get(a.id)).toBeUndefined();
    expect(await db().images.count()).toBe(1);
    expect(await db().blobs.count()).toBe(0);
  });

  it("a page that deletes an id and then brings it back (a re-created client id) keeps it; the other order deletes it", async () => {
    const prompt = (id: string, version: number) => ({ id, title: "t", promptText: "p", negativePrompt: "", category: null, tags: [], isFavorite: false, isTemplate: false, variables: {}, isPublic: false, exampleImageId: null, usageCount: 0, lastUsedAt: null, createdAt: "2026-12-01T00:00:00.000Z", updatedAt: "2026-12-01T00:00:00.000Z", version });
    const page = (prompts: ReturnType<typeof prompt>[], tombstones: { entity: "prompt"; id: string; version: number }[]) => ({ images: [], projects: [], collections: [], prompts, jobs: [], settings: null, tombstones, cursor: "20", hasMore: false });
    await applyPage(page([prompt(uuid(1), 10)], [{ entity: "prompt", id: uuid(1), version: 5 }]));
    expect(await db().prompts.get(uuid(1))).toMatchObject({ version: 10 });
    await applyPage(page([prompt(uuid(2), 10)], [{ entity: "prompt", id: uuid(2), version: 12 }]));
    expect(await db().prompts.get(uuid(2))).toBeUndefined();
  });

  it("keeps the settings a page brought, and a page without settings leaves them", async () => {
    const settings = { defaultModelId: "local/sketch", defaultParameters: { numImages: 2 }, theme: "dark" as const, galleryViewMode: "grid" as const, notificationsEnabled: true, settings: {}, presets: [], version: 3, updatedAt: null };
    const empty = { images: [], projects: [], collections: [], prompts: [], jobs: [], tombstones: [], hasMore: false };
    await applyPage({ ...empty, settings, cursor: "3" });
    await applyPage({ ...empty, settings: null, cursor: "4" });
    expect(await localSettings()).toMatchObject({ defaultModelId: "local/sketch", defaultParameters: { numImages: 2 } });
    expect((await db().syncMeta.get("sync"))!.cursor).toBe("4");
  });

  it("a pulled row does not undo a change still waiting in the outbox", async () => {
    const img = server.addImage(uuid(1));
    const e = engine();
    await e.sync();
    online = false;
    await enqueue({ type: "image.update", imageId: img.id, patch: { rating: 4 } });
    server.addImage(img.id, { tags: ["from-elsewhere"] }); // another device edited it
    // A pull page lands while the change still waits (it was made during the pull, or the push failed).
    await applyPage(await server.pull((await db().syncMeta.get("sync"))!.cursor, 500));
    const local = (await db().images.get(img.id))!;
    expect(local.rating).toBe(4);
    expect(local.tags).toEqual(["from-elsewhere"]);
  });
});

describe("backoff", () => {
  it("grows exponentially with jitter and a ceiling", () => {
    const lo = () => 0;
    const hi = () => 1;
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, { baseMs: 100, random: lo }))).toEqual([50, 100, 200, 400]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, { baseMs: 100, random: hi }))).toEqual([100, 200, 400, 800]);
    expect(backoffDelay(30, { baseMs: 100, maxMs: 1000, random: hi })).toBe(1000);
  });

  it("retries transient failures with growing waits, then keeps the outbox for next time", async () => {
    const img = server.addImage(uuid(1));
    const e = engine({ attempts: 3, backoff: { baseMs: 100, random: () => 1 } });
    await e.sync();
    await enqueue({ type: "image.update", imageId: img.id, patch: { isFavorite: true } });
    server.failNext = [networkError(), new ApiError(503, "INTERNAL", "busy"), networkError()];
    const report = await e.sync();
    e.stop();
    expect(sleeps).toEqual([100, 200]);
    expect(report.error).toBeTruthy();
    expect(await db().outbox.count()).toBe(1);
    expect((await db().syncMeta.get("sync"))!.lastError).toBe("offline");
    const next = await e.sync();
    e.stop();
    expect(next.pushed).toBe(1);
    expect(await db().outbox.count()).toBe(0);
  });

  it("does not retry a refusal of the whole request; the batch is kept as failed, never dropped", async () => {
    const img = server.addImage(uuid(1));
    const e = engine();
    await e.sync();
    await enqueue({ type: "image.update", imageId: img.id, patch: { isFavorite: true } });
    server.failNext = [new ApiError(400, "VALIDATION_FAILED", "Bad batch")];
    const report = await e.sync();
    expect(sleeps).toEqual([]);
    expect(report.unhandled[0]!.error!.message).toBe("Bad batch");
    expect(await db().outbox.where("status").equals("failed").count()).toBe(1);
  });
});
