import type { ImageList, ImageListQueryInput } from "@image-studio/shared";
import { Dexie } from "dexie";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, OfflineDB, setDatabase } from "./db";
import { localImagePage, localImagePageInMemory, tuning } from "./local-gallery";
import { makeImage, uuid } from "./test-support";

const P1 = uuid(0xa001);
const P2 = uuid(0xa002);
const C1 = uuid(0xc001);

beforeEach(async () => {
  setDatabase(new OfflineDB(`test-${crypto.randomUUID()}`));
  // 240 images: shared timestamps (the id breaks the tie), two projects and none, tags, favourites, ratings,
  // shapes, models, a few in the trash; and a collection in hand-made order with a missing and a repeated id.
  const rows = Array.from({ length: 240 }, (_, n) =>
    makeImage(uuid(n + 1), {
      createdAt: new Date(Date.UTC(2026, 0, 1) + ((n * 37) % 80) * 60_000).toISOString(), // 3 per minute, not in id order
      projectId: n % 4 === 0 ? P1 : n % 4 === 1 ? P2 : null,
      tags: [...(n % 3 === 0 ? ["a"] : []), ...(n % 5 === 0 ? ["b"] : []), ...(n === 17 ? ["rare"] : [])],
      isFavorite: n % 7 === 0,
      rating: n % 6 === 0 ? null : (n % 5) + 1,
      width: n % 2 ? 1024 : 768,
      height: n % 8 < 4 ? 1360 : 1024,
      modelId: n % 3 ? "fal-ai/flux/dev" : "local/sketch",
      prompt: `${["Harbour", "forest", "city"][n % 3]} ${n % 11}`,
      deletedAt: n % 23 === 0 ? new Date(Date.UTC(2026, 1, 1) + n * 1000).toISOString() : null,
    }),
  );
  await db().images.bulkPut(rows);
  const items = [uuid(50), uuid(3), uuid(999), uuid(120), uuid(3), uuid(24), uuid(200)].map((imageId, i) => ({ imageId, position: String(i) }));
  await db().collections.put({ id: C1, name: "c", description: "", coverImageId: null, effectiveCoverImageId: null, smartFilter: null, isSmart: false, imageCount: items.length, createdAt: "", updatedAt: "", version: 1, items });
});
afterEach(async () => {
  tuning.tagIndexMax = 1000;
  await db().delete();
  setDatabase(null);
});

const QUERIES: ImageListQueryInput[] = [
  {},
  { order: "asc" },
  { sort: "date", order: "desc" },
  { favorite: true },
  { favorite: "false" as never },
  { projectId: P1 },
  { projectId: P1, order: "asc" },
  { projectId: P2, favorite: true },
  { projectId: "none" },
  { tags: ["a"] },
  { tags: "a,b" as never },
  { tags: ["rare"] },
  { tags: ["missing"] },
  { projectId: P1, tags: ["b"] },
  { trash: true },
  { trash: true, sort: "deleted" },
  { sort: "prompt", order: "asc" },
  { sort: "rating" },
  { sort: "rating", order: "asc" },
  { sort: "prompt" },
  { sort: "rating", favorite: true },
  { sort: "prompt", q: "forest", order: "asc" },
  { sort: "rating", trash: true },
  { sort: "model", projectId: P2 },
  { sort: "prompt", tags: ["a"] },
  { collectionId: C1 },
  { collectionId: C1, sort: "date" },
  { q: "harbour" },
  { minRating: 3, favorite: true },
  { aspect: "portrait", modelId: "local/sketch" },
  { from: "2026-01-01T00:30:00.000Z", to: "2026-01-01" },
];

/** Every page of a query, following nextCursor. */
async function allPages(page: typeof localImagePage, q: ImageListQueryInput, limit: number): Promise<ImageList[]> {
  const pages: ImageList[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(q, cursor, limit);
    pages.push(p);
    cursor = p.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

describe("local gallery: indexed path", () => {
  it.each(QUERIES.map((q) => [JSON.stringify(q), q] as const))("returns what the in-memory path returns: %s", async (_, q) => {
    for (const limit of [7, 100]) {
      const expected = await allPages(localImagePageInMemory, q, limit);
      expect(await allPages(localImagePage, q, limit)).toEqual(expected);
    }
    const expected = await allPages(localImagePageInMemory, q, 100);
    if (!q.trash && !q.tags) expect(expected.flatMap((p) => p.items).length).toBeGreaterThan(0); // the query means something
  });

  it("walks the date index for a common tag as it reads the tag's rows for a rare one", async () => {
    tuning.tagIndexMax = 0;
    for (const q of [{ tags: ["a"] }, { tags: "a,b" as never, order: "asc" as const }, { tags: ["a"], sort: "prompt" as const }]) {
      expect(await allPages(localImagePage, q, 9)).toEqual(await allPages(localImagePageInMemory, q, 9));
    }
  });

  it("newest first: the default page is the newest live images, ties by id, and pages do not overlap", async () => {
    const [first, second] = await allPages(localImagePage, {}, 5);
    const ids = [...first!.items, ...second!.items].map((i) => i.id);
    // The newest minute (79) holds n = 67, 147, 227 (n·37 ≡ 79 mod 80), i.e. ids 68, 148, 228: by id, descending.
    expect(ids.slice(0, 3)).toEqual([uuid(228), uuid(148), uuid(68)]);
    expect(new Set(ids).size).toBe(10);
    expect(first!.nextCursor).toBe("local:5");
  });

  it("an offset past the end is an empty last page", async () => {
    expect(await localImagePage({}, "local:5000", 10)).toEqual({ items: [], nextCursor: null });
    expect(await localImagePage({ projectId: P1 }, "local:5000", 10)).toEqual({ items: [], nextCursor: null });
  });

  it("a device still on version 1 upgrades in place and its project pages come from the new index", async () => {
    const name = `test-v1-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ images: "id, createdAt, projectId, version, *tags" });
    await v1.table("images").bulkPut(await db().images.toArray());
    v1.close();
    const expected = await allPages(localImagePageInMemory, { projectId: P1 }, 10);
    await db().delete();
    setDatabase(new OfflineDB(name));
    expect(db().isOpen()).toBe(false);
    expect(await allPages(localImagePage, { projectId: P1 }, 10)).toEqual(expected);
    expect([...db().backendDB().transaction("images").objectStore("images").indexNames]).toContain("[projectId+createdAt]");
  });

  it("prompt and rating orders follow edits (update, modify) through the sort-key index", async () => {
    await db().images.update(uuid(5), { prompt: "AAA first of all", rating: 5 });
    await db().images.where("id").equals(uuid(6)).modify((r) => {
      r.prompt = "aab second";
      r.rating = null;
    });
    const byPrompt = await localImagePage({ sort: "prompt", order: "asc" }, undefined, 2);
    expect(byPrompt.items.map((i) => i.id)).toEqual([uuid(5), uuid(6)]);
    expect(byPrompt.items[0]).not.toHaveProperty("sortPrompt");
    for (const q of [{ sort: "prompt" as const }, { sort: "rating" as const }, { sort: "rating" as const, order: "asc" as const }]) {
      expect(await allPages(localImagePage, q, 50)).toEqual(await allPages(localImagePageInMemory, q, 50));
    }
  });

  it("a device on version 2 gains the sort keys and indexes on upgrade", async () => {
    const name = `test-v2-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores({ images: "id, createdAt, projectId, version, *tags, [projectId+createdAt]" });
    // Rows as version 2 stored them: without the sort keys.
    const rows = (await db().images.toArray()).map((row) => {
      const { sortPrompt: _p, sortRating: _r, ...rest } = row as typeof row & { sortPrompt?: string; sortRating?: number };
      return rest;
    });
    await v2.table("images").bulkPut(rows);
    v2.close();
    const q = { sort: "prompt" as const, order: "asc" as const };
    const expected = await allPages(localImagePageInMemory, q, 25);
    await db().delete();
    setDatabase(new OfflineDB(name));
    expect(await allPages(localImagePage, q, 25)).toEqual(expected);
    const names = [...db().backendDB().transaction("images").objectStore("images").indexNames];
    expect(names).toEqual(expect.arrayContaining(["[sortPrompt+createdAt]", "[sortRating+createdAt]"]));
    expect((await db().images.get(uuid(2)))).toMatchObject({ sortPrompt: expect.any(String), sortRating: expect.any(Number) });
  });
});
