import { errorBodySchema } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/harness";
import { delivered, mid, syncUser } from "./sync.testing";

describe("GET /api/sync/pull", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it("pages every kind of row in global version order, and a caught-up cursor answers nothing", async () => {
    const s = await syncUser(t);
    const img = await s.image({ tags: ["sea"] });
    const projectId = mid();
    const collectionId = mid();
    const promptId = mid();
    const results = await s.push([
      { id: mid(), type: "project.create", project: { id: projectId, name: "Harbours" } },
      { id: mid(), type: "collection.create", collection: { id: collectionId, name: "Best" } },
      { id: mid(), type: "collection.addImages", collectionId, imageIds: [img] },
      { id: mid(), type: "prompt.create", prompt: { id: promptId, title: "Dawn", promptText: "a harbour at dawn", tags: ["sea", "sea"] } },
      { id: mid(), type: "generation.enqueue", request: { prompt: "a lighthouse", modelId: "local/sketch", parameters: { numImages: 1 } } },
    ]);
    expect(results.map((r) => r.status)).toEqual(["applied", "applied", "applied", "applied", "applied"]);
    const jobId = results[4]!.entityId!;

    const { pages, cursor } = await s.pullAll(undefined, 2);
    expect(pages.length).toBe(3); // 5 rows, 2 a page
    expect(pages.slice(0, -1).every((p) => p.hasMore)).toBe(true);
    expect(pages.at(-1)!.hasMore).toBe(false);
    const rows = delivered(pages);
    expect(rows.map((r) => `${r.kind}:${r.id}`).sort()).toEqual(
      [`image:${img}`, `project:${projectId}`, `collection:${collectionId}`, `prompt:${promptId}`].sort(),
    );
    expect(pages.flatMap((p) => p.jobs.map((j) => j.id))).toEqual([jobId]);
    // Global order: page cursors rise, and every row of a page is above the previous page's cursor.
    let prev = 0;
    for (const p of pages) {
      const versions = delivered([p]).map((r) => r.version);
      expect(versions.every((v) => v > prev && v <= Number(p.cursor))).toBe(true);
      prev = Number(p.cursor);
    }
    const image = pages.flatMap((p) => p.images)[0]!;
    expect(image).toMatchObject({ id: img, tags: ["sea"], urls: { thumb: `/api/images/${img}/file/thumb-256` } });
    const collection = pages.flatMap((p) => p.collections)[0]!;
    expect(collection.items).toEqual([{ imageId: img, position: expect.any(String) }]);
    expect(collection).toMatchObject({ imageCount: 1, effectiveCoverImageId: img });
    expect(pages.flatMap((p) => p.prompts)[0]).toMatchObject({ id: promptId, tags: ["sea"], negativePrompt: "" });
    expect(pages.flatMap((p) => p.projects)[0]).toMatchObject({ id: projectId, name: "Harbours" });

    const again = await s.pull(cursor);
    expect(delivered([again])).toEqual([]);
    expect(again).toMatchObject({ jobs: [], cursor, hasMore: false });
  });

  it("delivers an edited row again, once, at its new version", async () => {
    const s = await syncUser(t);
    const img = await s.image();
    const first = await s.pullAll();
    const [r] = await s.push([{ id: mid(), type: "image.update", imageId: img, patch: { isFavorite: true } }]);
    const next = await s.pull(first.cursor);
    expect(next.images.map((i) => [i.id, i.isFavorite, i.version])).toEqual([[img, true, r!.version]]);
    expect(next.cursor).toBe(String(r!.version));
  });

  it("answers tombstones for deleted collections and prompts and purged images, and moves their holders on", async () => {
    const s = await syncUser(t);
    const [a, b] = [await s.image(), await s.image()];
    const collectionId = mid();
    const promptId = mid();
    const projectId = mid();
    await s.push([
      { id: mid(), type: "collection.create", collection: { id: collectionId, name: "Keep", coverImageId: a } },
      { id: mid(), type: "collection.addImages", collectionId, imageIds: [a, b] },
      { id: mid(), type: "prompt.create", prompt: { id: promptId, title: "x", promptText: "y" } },
      { id: mid(), type: "project.create", project: { id: projectId, name: "P" } },
    ]);
    const start = (await s.pullAll()).cursor;

    await s.push([{ id: mid(), type: "image.trash", imageIds: [a] }]);
    expect((await s.call(`/api/images/${a}/permanent`, { method: "DELETE" })).status).toBe(200);
    const otherCollection = mid();
    await s.push([
      { id: mid(), type: "collection.create", collection: { id: otherCollection, name: "Gone" } },
      { id: mid(), type: "collection.delete", collectionId: otherCollection },
      { id: mid(), type: "prompt.delete", promptId },
    ]);
    expect((await s.call(`/api/projects/${projectId}`, { method: "DELETE" })).status).toBe(200);

    const { pages } = await s.pullAll(start);
    const tombstones = pages.flatMap((p) => p.tombstones).map((x) => `${x.entity}:${x.id}`);
    expect(tombstones.sort()).toEqual([`collection:${otherCollection}`, `image:${a}`, `project:${projectId}`, `prompt:${promptId}`].sort());
    // The purge changed the collection's membership and cover: it comes again without the image.
    const kept = pages.flatMap((p) => p.collections).find((c) => c.id === collectionId)!;
    expect(kept.items.map((i) => i.imageId)).toEqual([b]);
    expect(kept.coverImageId).toBeNull();
    // Tombstones carry fresh versions, above the cursor they were pulled from.
    expect(pages.flatMap((p) => p.tombstones).every((x) => x.version > Number(start))).toBe(true);
  });

  it("delivers reordered membership and trashed members (the device hides them)", async () => {
    const s = await syncUser(t);
    const [a, b, c] = [await s.image(), await s.image(), await s.image()];
    const collectionId = mid();
    await s.push([
      { id: mid(), type: "collection.create", collection: { id: collectionId, name: "Order" } },
      { id: mid(), type: "collection.addImages", collectionId, imageIds: [a, b, c] },
    ]);
    const start = (await s.pullAll()).cursor;
    await s.push([
      { id: mid(), type: "collection.reorder", collectionId, imageId: c, afterImageId: null },
      { id: mid(), type: "image.trash", imageIds: [b] },
    ]);
    const page = await s.pull(start);
    expect(page.collections[0]!.items.map((i) => i.imageId)).toEqual([c, a, b]);
    expect(page.collections[0]).toMatchObject({ imageCount: 2, effectiveCoverImageId: c });
    expect(page.images.map((i) => [i.id, i.deletedAt !== null])).toEqual([[b, true]]);
  });

  it("validates the cursor and the limit", async () => {
    const s = await syncUser(t);
    for (const q of ["cursor=abc", "cursor=-1", "cursor=9999999999999999999", "limit=0", `limit=${100_000}`]) {
      const res = await s.call(`/api/sync/pull?${q}`);
      expect(res.status, q).toBe(400);
      expect(errorBodySchema.parse(await res.json()).error.code).toBe("VALIDATION_FAILED");
    }
  });

  it("delivers the user's settings and generation defaults when they change, and not again after", async () => {
    const s = await syncUser(t);
    const { cursor } = await s.pullAll();
    const put = await s.call("/api/settings/defaults", { method: "PUT", body: { defaultModelId: "local/sketch", defaultParameters: { numImages: 2 } } });
    expect(put.status, await put.clone().text()).toBe(200);
    // Under load (other writers holding versions) a change can wait for a later pull: pull until it arrives.
    let changed = await s.pullAll(cursor);
    let settings = changed.pages.map((p) => p.settings).find(Boolean);
    for (let i = 0; !settings && i < 20; i++) {
      await new Promise((r) => setTimeout(r, 100));
      changed = await s.pullAll(changed.cursor);
      settings = changed.pages.map((p) => p.settings).find(Boolean);
    }
    expect(settings).toMatchObject({ defaultModelId: "local/sketch", defaultParameters: { numImages: 2 } });
    const again = await s.pullAll(changed.cursor);
    expect(again.pages.every((p) => p.settings === null)).toBe(true);
  });
});
