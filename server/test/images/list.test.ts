import { randomUUID } from "node:crypto";
import type { ImageList, ImageSummary } from "@image-studio/shared";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectionImages, collections, images, projects } from "../../src/db/schema";
import { encodeCursor } from "../../src/modules/images/images.cursor";
import { toSummary } from "../../src/modules/images/images.mapper";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, insertRow, ok } from "./fixtures";

describe("GET /api/images — filters, sorts and keyset pagination", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let get: (qs: string) => Promise<ImageList>;
  const ids: Record<string, string> = {};
  let projectId: string;
  let collectionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
    const call = caller(t, u);
    get = (qs) => ok<ImageList>(call(`/api/images?${qs}`));
    const db = t.deps.database.db;
    const [p] = await db.insert(projects).values({ userId: u.user.id, name: "Harbours" }).returning();
    projectId = p!.id;
    const uid = u.user.id;
    const rows = [
      ["cat", { prompt: "a ginger cat on a windowsill", modelId: "fal-ai/flux/dev", width: 1024, height: 1024, tags: ["cat", "pets"], rating: 5, isFavorite: true, projectId }],
      ["dog", { prompt: "a happy dog in the snow", negativePrompt: "blurry, cartoon", modelId: "fal-ai/flux/schnell", width: 1360, height: 768, tags: ["pets"], rating: 3 }],
      ["wide", { prompt: "zebra crossing cinematic", modelId: "local/sketch", width: 1536, height: 656, tags: ["street"], rating: 1, projectId }],
      ["tall", { prompt: "tall lighthouse", modelId: "local/sketch", width: 768, height: 1360, tags: [] as string[] }],
      ["small", { prompt: "tiny icon 100%_done", modelId: "local/sketch-fast", width: 256, height: 256, tags: ["icon"] }],
    ] as const;
    for (const [name, over] of rows) ids[name] = (await insertRow(t, uid, { ...over, tags: [...over.tags] })).id;
    ids.child = (await insertRow(t, uid, { prompt: "a ginger cat variation", parentImageId: ids.cat, operation: "variation", modelId: "local/sketch" })).id;
    ids.trashed = (await insertRow(t, uid, { prompt: "deleted cat", deletedAt: new Date() })).id;
    const [c] = await db.insert(collections).values({ userId: uid, name: "Best" }).returning();
    collectionId = c!.id;
    await db.insert(collectionImages).values([ids.dog!, ids.small!].map((imageId, i) => ({ collectionId, imageId, position: `a${i}` })));
    // Someone else's images never show up.
    const other = await signUp(t);
    await insertRow(t, other.user.id, { prompt: "a ginger cat that is not yours" });
  });
  afterAll(() => t.close());

  const names = (items: ImageSummary[]) => items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0] ?? i.id);

  it("lists the owner's live images newest first, with tile fields", async () => {
    const page = await get("");
    expect(names(page.items)).toEqual(["child", "small", "tall", "wide", "dog", "cat"]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[5]).toMatchObject({ isFavorite: true, rating: 5, tags: ["cat", "pets"], width: 1024, projectId, deletedAt: null });
  });

  it("gives every tile field exactly as the image's own page has it (live and trashed, nulls and all)", async () => {
    const call = caller(t, u);
    const tileKeys = Object.keys((await get("")).items[0]!) as (keyof ImageSummary)[];
    for (const [qs, name] of [["", "cat"], ["", "child"], ["trash=true", "trashed"]] as const) {
      const tile = (await get(qs)).items.find((i) => i.id === ids[name])!;
      const detail = await ok<ImageSummary>(call(`/api/images/${ids[name]}`));
      // A tile's prompt is cut at 300 characters; these are shorter.
      expect(tile).toEqual(Object.fromEntries(tileKeys.map((k) => [k, detail[k]])));
    }
    expect(tileKeys).toEqual(expect.arrayContaining(["createdAt", "deletedAt", "tags", "rating", "durationSeconds", "version", "thumbhash"]));
  });

  it.each([
    ["modelId=local/sketch", ["child", "tall", "wide"]],
    ["modelId=fal-ai/flux/dev,fal-ai/flux/schnell", ["dog", "cat"]],
    [`projectId=PROJECT`, ["wide", "cat"]],
    ["projectId=none", ["child", "small", "tall", "dog"]],
    [`collectionId=COLLECTION`, ["small", "dog"]],
    ["tags=pets", ["dog", "cat"]],
    ["tags=pets&tags=cat", ["cat"]],
    ["favorite=true", ["cat"]],
    ["favorite=false", ["child", "small", "tall", "wide", "dog"]],
    ["aspect=square", ["child", "small", "cat"]],
    ["aspect=landscape", ["wide", "dog"]],
    ["aspect=portrait", ["tall"]],
    ["aspect=16:9", ["dog"]],
    ["aspect=21:9", ["wide"]],
    ["minWidth=1024", ["wide", "dog", "cat"]],
    ["minHeight=1024", ["tall", "cat"]],
    ["minMegapixels=1", ["tall", "wide", "dog", "cat"]],
    ["minRating=3", ["dog", "cat"]],
    ["unrated=true", ["child", "small", "tall"]],
    ["hasParent=true", ["child"]],
    ["hasParent=false", ["small", "tall", "wide", "dog", "cat"]],
    ["trash=true", ["trashed"]],
    ["q=ginger", ["child", "cat"]],
    ["q=GINGER%20window", ["cat"]],
    ["q=blurry", ["dog"]],
    ["q=schnell", ["dog"]],
    ["q=street", ["wide"]],
    ["q=100%25_", ["small"]],
    ["q=%25", ["small"]],
    ["q=%25%25", []],
  ])("filters by %s", async (qs, expected) => {
    const page = await get(qs.replace("PROJECT", projectId).replace("COLLECTION", collectionId));
    expect(names(page.items)).toEqual(expected);
  });

  it("filters by date range (date-only bounds cover whole days)", async () => {
    const all = (await get("")).items;
    const dog = all.find((i) => i.id === ids.dog)!;
    const tall = all.find((i) => i.id === ids.tall)!;
    expect(names((await get(`from=${encodeURIComponent(dog.createdAt)}&to=${encodeURIComponent(tall.createdAt)}`)).items)).toEqual(["tall", "wide", "dog"]);
    const day = dog.createdAt.slice(0, 10);
    expect((await get(`from=${day}&to=${day}`)).items.length).toBe(6);
    expect((await get(`to=2000-01-01`)).items).toEqual([]);
  });

  it.each([
    ["sort=date&order=asc", ["cat", "dog", "wide", "tall", "small", "child"]],
    ["sort=prompt&order=asc", ["cat", "child", "dog", "tall", "small", "wide"]],
    ["sort=rating", ["cat", "dog", "wide", "child", "small", "tall"]],
    ["sort=model&order=asc", ["cat", "dog", "wide", "tall", "child", "small"]],
  ])("sorts by %s, across pages of 2 as well", async (qs, expected) => {
    expect(names((await get(qs)).items)).toEqual(expected);
    const walked: ImageSummary[] = [];
    let cursor: string | null = null;
    do {
      const page: ImageList = await get(`${qs}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      walked.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(names(walked)).toEqual(expected);
  });

  it("refuses a cursor made for another sort, and a forged one, with 400", async () => {
    const { nextCursor } = await get("limit=1");
    const res = await caller(t, u)(`/api/images?sort=prompt&cursor=${nextCursor}`);
    expect(res.status).toBe(400);
    const forged = Buffer.from(JSON.stringify({ s: "date", o: "desc", k: ["not a date", randomUUID()] })).toString("base64url");
    expect((await caller(t, u)(`/api/images?cursor=${forged}`)).status).toBe(400);
    expect((await caller(t, u)(`/api/images?cursor=%%%`)).status).toBe(400);
    expect((await caller(t, u)(`/api/images?aspect=round`)).status).toBe(400);
    expect((await caller(t, u)(`/api/images?limit=5000`)).status).toBe(400);
  });
});

describe("keyset pagination under concurrent inserts", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("walks every image exactly once while new ones keep arriving, even with identical timestamps", async () => {
    const u = await signUp(t);
    const same = new Date(Date.UTC(2026, 5, 1, 12, 0, 0, 123));
    const before: string[] = [];
    for (let i = 0; i < 25; i++) before.push((await insertRow(t, u.user.id, { createdAt: i % 5 === 0 ? same : new Date(same.getTime() - i * 1000 + 0.5) })).id);
    // Timestamps that differ only in microseconds (PostgreSQL keeps them; JavaScript dates do not).
    await t.deps.database.db.execute(
      sql`UPDATE images SET created_at = created_at + (random() * interval '900 microseconds') WHERE user_id = ${u.user.id}`,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page: ImageList = await ok<ImageList>(caller(t, u)(`/api/images?limit=4${cursor ? `&cursor=${cursor}` : ""}`));
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      // New images land while the user scrolls: newer than anything listed, so they never shift the pages.
      await insertRow(t, u.user.id, { createdAt: new Date(), prompt: `new ${round++}` });
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...before].sort());
  });

  it("gives pages of exactly the size asked, on and between the prepared statements' row counts", async () => {
    const u = await signUp(t);
    for (let i = 0; i < 23; i++) await insertRow(t, u.user.id, { createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
    const walk = async (limit: number) => {
      const sizes: number[] = [];
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: ImageList = await ok<ImageList>(caller(t, u)(`/api/images?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`));
        sizes.push(page.items.length);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      return { sizes, seen };
    };
    const all = (await walk(200)).seen;
    expect(all).toHaveLength(23);
    for (const [limit, sizes] of [[1, Array(23).fill(1)], [7, [7, 7, 7, 2]], [20, [20, 3]], [21, [21, 2]], [22, [22, 1]], [23, [23]], [50, [23]]] as const) {
      const w = await walk(limit);
      expect(w.sizes, `limit ${limit}`).toEqual(sizes);
      expect(w.seen, `limit ${limit}`).toEqual(all);
    }
    // On PGlite the pages run as named statements (parsed once), as node-postgres runs them on PostgreSQL.
    if (t.deps.database.kind === "pglite") {
      const res = (await t.deps.database.db.execute(sql`SELECT statement FROM pg_prepared_statements`)) as unknown as { rows: { statement: string }[] };
      const pages = res.rows.map((r) => r.statement).filter((text) => /from "images"/.test(text) && /limit (21|201)$/.test(text));
      expect(pages.length).toBeGreaterThanOrEqual(3); // first pages of 21 and 201 rows, and pages after a cursor
    }
  });
});

describe("GET /api/images — the page's text", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // The page is sent as PostgreSQL wrote each tile (or, for the rows it cannot write exactly, as toSummary does):
  // it must be JSON.stringify(toSummary(row)) of the image's own record, character for character.
  it("is JSON.stringify of each tile's toSummary, text for text, for awkward values too (live, trash, pages, sorts)", async () => {
    const u = await signUp(t);
    const uid = u.user.id;
    const db = t.deps.database.db;
    const [p] = await db.insert(projects).values({ userId: uid, name: "P" }).returning();
    const parent = await insertRow(t, uid, { prompt: "parent" });
    const nasty = 'quote " backslash \\ newline \n tab \t bell \u0001 del \u007f sep \u2028 é ß 漢字 😀';
    const rows = [
      { prompt: "x".repeat(299) + "😀tail" }, // JavaScript cuts the emoji in half at 300
      { prompt: "é".repeat(200) + "😀" + "y".repeat(200) }, // cut by PostgreSQL inside the BMP, emoji within
      { prompt: "😀".repeat(10) + " short" },
      { prompt: "a".repeat(450) + nasty },
      { prompt: nasty, altText: nasty, tags: ['a"b', "c\\d", "", "😀"], thumbhash: "YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw", rating: 5, isFavorite: true, projectId: p!.id },
      { prompt: "video", mediaType: "video" as const, durationSeconds: 2.5, operation: "animate", parentImageId: parent.id },
      { prompt: "tiny duration", mediaType: "video" as const, durationSeconds: 1e-5 },
      { prompt: "huge duration", mediaType: "video" as const, durationSeconds: 1e20 },
      { prompt: "zero duration", mediaType: "video" as const, durationSeconds: 0 },
      { prompt: "third", mediaType: "video" as const, durationSeconds: 1 / 3 },
      { prompt: "old", createdAt: new Date(Date.UTC(999, 0, 1, 0, 0, 0, 5)) },
      { prompt: "binned", deletedAt: new Date(Date.UTC(2026, 2, 3, 4, 5, 6, 7)) },
    ];
    for (const over of rows) await insertRow(t, uid, over);
    // Microseconds (JavaScript dates keep milliseconds: toISOString drops the rest) and a negative zero.
    await db.execute(sql`UPDATE images SET created_at = created_at + interval '987 microseconds', deleted_at = deleted_at + interval '654 microseconds' WHERE user_id = ${uid}`);
    await db.execute(sql`UPDATE images SET duration_seconds = '-0'::float8 WHERE user_id = ${uid} AND prompt = 'zero duration'`);

    const all = await db.select().from(images).where(eq(images.userId, uid));
    const call = caller(t, u);
    const text = async (qs: string) => {
      const res = await call(`/api/images?${qs}`, { headers: { "Accept-Encoding": "identity" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("cache-control")).toBe("private, no-cache");
      return res.text();
    };
    for (const [qs, trash] of [["", false], ["trash=true", true], ["sort=prompt&order=asc", false], ["sort=deleted&trash=true", true], ["sort=rating", false], ["projectId=" + p!.id, false]] as const) {
      let cursor: string | null = null;
      let pages = 0;
      do {
        const body = await text(`${qs}&limit=4${cursor ? `&cursor=${cursor}` : ""}`);
        const page = JSON.parse(body) as ImageList;
        const expected = page.items.map((i) => toSummary(all.find((r) => r.id === i.id)!));
        expect(page.items.every((i) => all.find((r) => r.id === i.id)!.deletedAt !== null === trash)).toBe(true);
        expect(body).toBe(JSON.stringify({ items: expected, nextCursor: page.nextCursor }));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBeGreaterThan(trash || qs.startsWith("projectId") ? 0 : 1);
    }
    // Every live image came through, with each awkward value as toSummary writes it.
    const live = JSON.parse(await text("limit=100")) as ImageList;
    expect(live.items).toHaveLength(all.filter((r) => !r.deletedAt).length);
    const byPrompt = (start: string) => live.items.find((i) => i.prompt.startsWith(start))!;
    expect(byPrompt("x").prompt).toBe("x".repeat(299) + "\ud83d");
    expect(byPrompt("tiny").durationSeconds).toBe(1e-5);
    expect(byPrompt("zero").durationSeconds).toBe(0);
    expect(byPrompt("old").createdAt).toBe("0999-01-01T00:00:00.005Z");
    // The cursor of a page is the last tile's sort key, as before.
    const first = JSON.parse(await text("limit=1")) as ImageList;
    const top = all.filter((r) => !r.deletedAt).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
    expect(first.items[0]!.id).toBe(top.id);
    const micros = `${top.createdAt.toISOString().slice(0, -1)}987Z`;
    expect(first.nextCursor).toBe(encodeCursor("date", "desc", JSON.stringify([micros, top.id])));
  });
});
