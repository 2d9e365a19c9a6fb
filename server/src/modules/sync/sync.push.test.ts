import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationQueue, users } from "../../db/schema";
import { createTestApp, type TestApp } from "../../../test/harness";
import { mid, syncUser } from "./sync.testing";

describe("POST /api/sync/push", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const jobsOf = (userId: string) => t.deps.database.db.select().from(generationQueue).where(eq(generationQueue.userId, userId));
  const balance = async (userId: string) =>
    (await t.deps.database.db.select({ b: users.creditsBalance }).from(users).where(eq(users.id, userId)))[0]!.b;

  it("replays a batch without changing anything: same results, one job, one hold of credits", async () => {
    const s = await syncUser(t);
    const img = await s.image();
    const projectId = mid();
    const batch = [
      { id: mid(), type: "project.create", project: { id: projectId, name: "Once" } },
      { id: mid(), type: "image.update", imageId: img, patch: { tagsAdd: ["a"] } },
      { id: mid(), type: "generation.enqueue", request: { prompt: "a fox", modelId: "local/sketch" } },
      { id: mid(), type: "prompt.update", promptId: mid(), patch: { title: "nobody's" } },
    ];
    const first = await s.push(batch);
    expect(first.map((r) => r.status)).toEqual(["applied", "applied", "applied", "rejected"]);
    const credits = await balance(s.id);
    const afterFirst = (await s.call(`/api/images/${img}`).then((r) => r.json())) as { tags: string[]; version: number };

    const second = await s.push(batch);
    expect(second).toEqual(first);
    expect(await jobsOf(s.id)).toHaveLength(1);
    expect((await jobsOf(s.id))[0]!.clientId).toBe(batch[2]!.id);
    expect(await balance(s.id)).toBe(credits);
    const afterSecond = (await s.call(`/api/images/${img}`).then((r) => r.json())) as { tags: string[]; version: number };
    expect(afterSecond).toMatchObject({ tags: ["a"], version: afterFirst.version });
  });

  it("rejects an invalid mutation with VALIDATION_FAILED and still applies the others, in request order", async () => {
    const s = await syncUser(t);
    const img = await s.image();
    const good = mid();
    const results = await s.push([
      { id: mid(), type: "image.update", imageId: img, patch: {} },
      { id: "not-a-uuid", type: "image.trash", imageIds: [img] },
      { type: "no.such" },
      { id: good, type: "image.update", imageId: img, patch: { rating: 4 } },
      { id: mid(), type: "image.update", imageId: img, patch: { rating: 9 } },
    ]);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ["rejected", "VALIDATION_FAILED"],
      ["rejected", "VALIDATION_FAILED"],
      ["rejected", "VALIDATION_FAILED"],
      ["applied", undefined],
      ["rejected", "VALIDATION_FAILED"],
    ]);
    expect(results[1]!.id).toBe("not-a-uuid");
    expect(results[3]!.id).toBe(good);
    expect(results[0]!.error!.message).toMatch(/at least one field/i);
    const image = (await s.call(`/api/images/${img}`).then((r) => r.json())) as { rating: number; deletedAt: string | null };
    expect(image).toMatchObject({ rating: 4, deletedAt: null });
  });

  it("merges independent fields and tag edits from two devices", async () => {
    const s = await syncUser(t);
    const img = await s.image({ tags: ["old", "keep"], notes: "n0" });
    const base = (await s.pull()).images[0]!.version;
    const [a, b] = await s.push([
      { id: mid(), type: "image.update", imageId: img, baseVersion: base, patch: { notes: "from phone", tagsAdd: ["phone"], tagsRemove: ["old"] } },
      { id: mid(), type: "image.update", imageId: img, baseVersion: base, patch: { rating: 5, isFavorite: true, tagsAdd: ["laptop", "keep"] } },
    ]);
    expect([a!.status, b!.status]).toEqual(["applied", "applied"]);
    expect(b!.version).toBeGreaterThan(a!.version!);
    const image = (await s.call(`/api/images/${img}`).then((r) => r.json())) as Record<string, unknown>;
    expect(image).toMatchObject({ notes: "from phone", rating: 5, isFavorite: true, tags: ["keep", "phone", "laptop"], altText: "" });
  });

  it("lets a trash win over an edit made before it, until the image is restored", async () => {
    const s = await syncUser(t);
    const img = await s.image();
    const base = (await s.pull()).images[0]!.version;
    const [trash, stale] = await s.push([
      { id: mid(), type: "image.trash", imageIds: [img] },
      { id: mid(), type: "image.update", imageId: img, baseVersion: base, patch: { notes: "too late" } },
    ]);
    expect(trash).toMatchObject({ status: "applied", entityId: img });
    expect(stale).toMatchObject({ status: "conflict", error: { code: "CONFLICT" } });
    // An edit made having seen the trash applies (notes on a trashed image are allowed).
    const [seen] = await s.push([{ id: mid(), type: "image.update", imageId: img, baseVersion: trash!.version, patch: { notes: "seen" } }]);
    expect(seen!.status).toBe("applied");
    // Restored: an edit from an old version merges again.
    const [restore, late] = await s.push([
      { id: mid(), type: "image.restore", imageIds: [img] },
      { id: mid(), type: "image.update", imageId: img, baseVersion: base, patch: { altText: "restored" } },
    ]);
    expect([restore!.status, late!.status]).toEqual(["applied", "applied"]);
    const image = (await s.call(`/api/images/${img}`).then((r) => r.json())) as Record<string, unknown>;
    expect(image).toMatchObject({ notes: "seen", altText: "restored", deletedAt: null });
  });

  it("answers a lost optimistic project edit as a conflict, and a repeated delete as applied", async () => {
    const s = await syncUser(t);
    const projectId = mid();
    const collectionId = mid();
    const [created] = await s.push([{ id: mid(), type: "project.create", project: { id: projectId, name: "v1" } }]);
    const [ok, lost] = await s.push([
      { id: mid(), type: "project.update", projectId, patch: { name: "v2", version: created!.version } },
      { id: mid(), type: "project.update", projectId, patch: { name: "v3", version: created!.version } },
    ]);
    expect([ok!.status, lost!.status]).toEqual(["applied", "conflict"]);
    const results = await s.push([
      { id: mid(), type: "collection.create", collection: { id: collectionId, name: "c" } },
      { id: mid(), type: "collection.delete", collectionId },
      { id: mid(), type: "collection.delete", collectionId },
      { id: mid(), type: "collection.delete", collectionId: mid() },
    ]);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ["applied", undefined],
      ["applied", undefined],
      ["applied", undefined],
      ["rejected", "NOT_FOUND"],
    ]);
  });

  it("applies moves, collection and prompt edits, answering the entity and its new version", async () => {
    const s = await syncUser(t);
    const [a, b] = [await s.image(), await s.image()];
    const projectId = mid();
    const collectionId = mid();
    const promptId = mid();
    const results = await s.push([
      { id: mid(), type: "project.create", project: { id: projectId, name: "P" } },
      { id: mid(), type: "image.move", imageIds: [a, b], projectId },
      { id: mid(), type: "image.move", imageIds: [b], projectId: null },
      { id: mid(), type: "collection.create", collection: { id: collectionId, name: "C" } },
      { id: mid(), type: "collection.update", collectionId, patch: { description: "d" } },
      { id: mid(), type: "collection.addImages", collectionId, imageIds: [a, b, a] },
      { id: mid(), type: "collection.removeImage", collectionId, imageId: a },
      { id: mid(), type: "prompt.create", prompt: { id: promptId, title: "T", promptText: "p" } },
      { id: mid(), type: "prompt.update", promptId, patch: { category: "c" } },
      { id: mid(), type: "project.update", projectId, patch: { notes: "n" } },
    ]);
    expect(results.every((r) => r.status === "applied")).toBe(true);
    expect(results[1]).not.toHaveProperty("version"); // two images: no single version
    expect(results[2]).toMatchObject({ entityId: b, version: expect.any(Number) });
    const { pages } = await s.pullAll();
    const images = new Map(pages.flatMap((p) => p.images).map((i) => [i.id, i]));
    expect([images.get(a)!.projectId, images.get(b)!.projectId]).toEqual([projectId, null]);
    expect(images.get(b)!.version).toBe(results[2]!.version);
    const collection = pages.flatMap((p) => p.collections)[0]!;
    expect(collection).toMatchObject({ description: "d", version: results[6]!.version });
    expect(collection.items.map((i) => i.imageId)).toEqual([b]);
    expect(pages.flatMap((p) => p.prompts)[0]).toMatchObject({ category: "c", version: results[8]!.version });
    expect(pages.flatMap((p) => p.projects)[0]).toMatchObject({ notes: "n", imageCount: 1, version: results[9]!.version });
  });

  it("rejects a generation the user cannot afford, with the credits message, and queues nothing", async () => {
    const s = await syncUser(t);
    await t.deps.database.db.update(users).set({ creditsBalance: 0 }).where(eq(users.id, s.id));
    const [r] = await s.push([{ id: mid(), type: "generation.enqueue", request: { prompt: "a fox", modelId: "local/sketch" } }]);
    expect(r).toMatchObject({ status: "rejected", error: { code: "INSUFFICIENT_CREDITS", message: "This needs 1 credit and you have 0." } });
    expect(await jobsOf(s.id)).toHaveLength(0);
  });

  it("refuses more than SYNC_PUSH_MAX mutations or none, as a whole", async () => {
    const s = await syncUser(t);
    for (const mutations of [[], Array.from({ length: 101 }, () => ({ id: mid(), type: "image.trash", imageIds: [mid()] }))]) {
      const res = await s.call("/api/sync/push", { body: { mutations } });
      expect(res.status).toBe(400);
    }
  });
});
