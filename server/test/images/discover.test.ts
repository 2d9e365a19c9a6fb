import type { Duplicates, ImageFacets, ImageList, RelatedImages, SimilarImage, StorageUsage } from "@image-studio/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projects } from "../../src/db/schema";
import { groupNearDuplicates } from "../../src/modules/images/similar.service";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, insertRow, makePng, ok, storeImage } from "./fixtures";

describe("search, similar images, duplicates and storage usage", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let call: ReturnType<typeof caller>;
  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
    call = caller(t, u);
  });
  afterAll(() => t.close());

  it("searches prompt, negative prompt, tags and model; every word must match", async () => {
    const a = await insertRow(t, u.user.id, { prompt: "Portrait of an astronaut", negativePrompt: "text, watermark", tags: ["space"], modelId: "fal-ai/flux/dev" });
    const b = await insertRow(t, u.user.id, { prompt: "astronaut riding a horse", tags: ["Western"], modelId: "local/sketch" });
    await insertRow(t, u.user.id, { prompt: "astronaut in the trash", deletedAt: new Date() });
    const other = await signUp(t);
    await insertRow(t, other.user.id, { prompt: "astronaut of someone else" });
    const ids = async (q: string) => (await ok<ImageList>(call(`/api/search/images?q=${encodeURIComponent(q)}`))).items.map((i) => i.id);
    expect(await ids("astronaut")).toEqual([b.id, a.id]);
    expect(await ids("watermark")).toEqual([a.id]);
    expect(await ids("western")).toEqual([b.id]);
    expect(await ids("flux astronaut")).toEqual([a.id]);
    expect(await ids("astronaut zebra")).toEqual([]);
    const page = await ok<ImageList>(call(`/api/search/images?q=astronaut&limit=1`));
    expect(page.items.map((i) => i.id)).toEqual([b.id]);
    const next = await ok<ImageList>(call(`/api/search/images?q=astronaut&limit=1&cursor=${page.nextCursor}`));
    expect(next.items.map((i) => i.id)).toEqual([a.id]);
    expect((await call("/api/search/images?q=")).status).toBe(400);
  });

  it("finds near-identical images by perceptual hash, and groups them for review", async () => {
    const who = await signUp(t);
    const c = caller(t, who);
    const base = await storeImage(t, who.user.id, await makePng({ hue: 0 }));
    const near = await storeImage(t, who.user.id, await makePng({ hue: 0, noise: 30 }), { isFavorite: true });
    const resized = await storeImage(t, who.user.id, await makePng({ hue: 0, width: 128, height: 128 }));
    const different = await storeImage(t, who.user.id, await makePng({ hue: 0, stripes: true }));
    const similar = await ok<{ items: SimilarImage[] }>(c(`/api/images/${base.id}/similar?threshold=6`));
    const found = similar.items.map((i) => i.id);
    expect(found).toContain(near.id);
    expect(found).toContain(resized.id);
    expect(found).not.toContain(different.id);
    expect(found).not.toContain(base.id);
    expect(similar.items.every((i) => i.distance <= 6)).toBe(true);

    const dupes = await ok<Duplicates>(c("/api/images/duplicates?threshold=4"));
    expect(dupes.totalGroups).toBe(1);
    const group = dupes.groups[0]!;
    expect(group.items.map((i) => i.id).sort()).toEqual([base.id, near.id, resized.id].sort());
    expect(group.items[0]!.id).toBe(near.id); // the favourite is the one to keep
    expect(group.items[0]!.distance).toBe(0);

    const related = await ok<RelatedImages>(c(`/api/images/${base.id}/related`));
    expect(related.similar.map((i) => i.id)).toContain(near.id);
  });

  it("relates parents, children, siblings and images with the same prompt", async () => {
    const parent = await insertRow(t, u.user.id, { prompt: "lighthouse at night" });
    const kid1 = await insertRow(t, u.user.id, { prompt: "lighthouse at night, variation", parentImageId: parent.id });
    const kid2 = await insertRow(t, u.user.id, { prompt: "lighthouse at night, upscale", parentImageId: parent.id });
    const twin = await insertRow(t, u.user.id, { prompt: "lighthouse at night" });
    const rel = await ok<RelatedImages>(call(`/api/images/${kid1.id}/related`));
    expect(rel.parent?.id).toBe(parent.id);
    expect(rel.siblings.map((s) => s.id)).toEqual([kid2.id]);
    const top = await ok<RelatedImages>(call(`/api/images/${parent.id}/related`));
    expect(top.children.map((s) => s.id)).toEqual([kid2.id, kid1.id]);
    expect(top.samePrompt.map((s) => s.id)).toEqual([twin.id]);
  });

  it("groups hashes transitively within the threshold (and only within it)", () => {
    const rows = [
      { id: "a", phash: "0000000000000000" },
      { id: "b", phash: "0000000000000003" }, // 2 bits from a
      { id: "c", phash: "000000000000000f" }, // 2 bits from b, 4 from a
      { id: "d", phash: "ffffffffffffffff" },
      { id: "e", phash: "ffffffffffffffff" }, // identical to d
      { id: "f", phash: "00ff00ff00ff00ff" },
    ];
    const groups = groupNearDuplicates(rows, 2).map((g) => g.sort().join(""));
    expect(groups.sort()).toEqual(["abc", "de"]);
    expect(groupNearDuplicates(rows, 0).map((g) => g.sort().join(""))).toEqual(["de"]);
  });

  it("reports storage use in total, in the trash, by project and by model", async () => {
    const who = await signUp(t);
    const [p] = await t.deps.database.db.insert(projects).values({ userId: who.user.id, name: "Client work" }).returning();
    await insertRow(t, who.user.id, { fileSize: 1000, modelId: "local/sketch", projectId: p!.id });
    await insertRow(t, who.user.id, { fileSize: 3000, modelId: "fal-ai/flux/dev", projectId: p!.id });
    await insertRow(t, who.user.id, { fileSize: 500, modelId: "local/sketch" });
    await insertRow(t, who.user.id, { fileSize: 7000, modelId: "local/sketch", deletedAt: new Date() });
    const usage = await ok<StorageUsage>(caller(t, who)("/api/usage/storage"));
    expect(usage.total).toEqual({ bytes: 4500, count: 3 });
    expect(usage.trash).toEqual({ bytes: 7000, count: 1 });
    expect(usage.byProject).toEqual([
      { projectId: p!.id, projectName: "Client work", bytes: 4000, count: 2 },
      { projectId: null, projectName: null, bytes: 500, count: 1 },
    ]);
    expect(usage.byModel).toEqual([
      { modelId: "fal-ai/flux/dev", bytes: 3000, count: 1 },
      { modelId: "local/sketch", bytes: 1500, count: 2 },
    ]);
    expect((await caller(t, null)("/api/usage/storage")).status).toBe(401);

    const facets = await ok<ImageFacets>(caller(t, who)("/api/images/facets"));
    expect(facets).toMatchObject({ total: 3, favorites: 0, trash: 1, projects: [{ id: p!.id, name: "Client work", count: 2 }], collections: [] });
    expect(facets.models).toEqual([
      { modelId: "local/sketch", count: 2 },
      { modelId: "fal-ai/flux/dev", count: 1 },
    ]);
  });

  it("counts tags for the filter sidebar, most used first", async () => {
    const who = await signUp(t);
    await insertRow(t, who.user.id, { tags: ["b", "a"] });
    await insertRow(t, who.user.id, { tags: ["a"] });
    await insertRow(t, who.user.id, { tags: ["z"], deletedAt: new Date() });
    const facets = await ok<ImageFacets>(caller(t, who)("/api/images/facets"));
    expect(facets.tags).toEqual([
      { tag: "a", count: 2 },
      { tag: "b", count: 1 },
    ]);
  });
});
