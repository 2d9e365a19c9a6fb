import { randomUUID } from "node:crypto";
import type { BulkResult, ImageComment, ImageDetail, ImageList, TrashSettings } from "@image-studio/shared";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { imageComments, images, projects, tombstones } from "../../src/db/schema";
import { runTrashCleanup } from "../../src/modules/images/trash.service";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, insertRow, makePng, ok, storeImage } from "./fixtures";

describe("image actions", () => {
  let t: TestApp;
  let u: SignedUpUser;
  let call: ReturnType<typeof caller>;
  const version = async (id: string) => (await t.deps.database.db.select({ v: images.version }).from(images).where(eq(images.id, id)))[0]?.v;

  beforeAll(async () => {
    t = await createTestApp();
    u = await signUp(t);
    call = caller(t, u);
  });
  afterAll(() => t.close());

  it("reads one image with its metadata, and edits tags, rating, notes, alt text and project", async () => {
    const [p] = await t.deps.database.db.insert(projects).values({ userId: u.user.id, name: "Posters" }).returning();
    const row = await insertRow(t, u.user.id, { prompt: "neon city", negativePrompt: "fog", parameters: { seed: 42, steps: 20 }, generationTime: 1.5, costCredits: 3 });
    const detail = await ok<ImageDetail>(call(`/api/images/${row.id}`));
    expect(detail).toMatchObject({ prompt: "neon city", negativePrompt: "fog", seed: 42, generationTime: 1.5, costCredits: 3, urls: { thumb: `/api/images/${row.id}/file/thumb-256` } });
    const v0 = detail.version;
    const edited = await ok<ImageDetail>(
      call(`/api/images/${row.id}`, { method: "PUT", body: { tags: ["neon", " city ", "neon"], rating: 4, notes: "print A2", altText: "A neon-lit street", projectId: p!.id } }),
    );
    expect(edited).toMatchObject({ tags: ["neon", "city"], rating: 4, notes: "print A2", altText: "A neon-lit street", projectId: p!.id, projectName: "Posters" });
    expect(edited.version).toBeGreaterThan(v0);
    const meta = await ok<Record<string, unknown>>(call(`/api/images/${row.id}/metadata`));
    expect(meta).toMatchObject({ id: row.id, prompt: "neon city", seed: 42, parameters: { seed: 42, steps: 20 }, tags: ["neon", "city"], fileName: `neon-city-${row.id.slice(0, 8)}.png` });
  });

  it("refuses a stale version with 409, another user's project with 404, and bad input with 400", async () => {
    const row = await insertRow(t, u.user.id);
    const stale = await call(`/api/images/${row.id}`, { method: "PUT", body: { rating: 2, version: row.version - 1 } });
    expect(stale.status).toBe(409);
    await ok(call(`/api/images/${row.id}`, { method: "PUT", body: { rating: 2, version: row.version } }));
    const other = await signUp(t);
    const [theirs] = await t.deps.database.db.insert(projects).values({ userId: other.user.id, name: "theirs" }).returning();
    expect((await call(`/api/images/${row.id}`, { method: "PUT", body: { projectId: theirs!.id } })).status).toBe(404);
    expect((await call(`/api/images/${row.id}`, { method: "PUT", body: { rating: 6 } })).status).toBe(400);
    expect((await call(`/api/images/${row.id}`, { method: "PUT", body: { owner: "me" } })).status).toBe(400);
  });

  it("favourites (set, never toggle) and rates, bumping the sync version each time", async () => {
    const row = await insertRow(t, u.user.id);
    let v = row.version;
    const fav = await ok<ImageDetail>(call(`/api/images/${row.id}/favorite`, { method: "POST", body: { favorite: true } }));
    expect(fav.isFavorite).toBe(true);
    expect(fav.version).toBeGreaterThan(v);
    v = fav.version;
    const unset = await ok<ImageDetail>(call(`/api/images/${row.id}/favorite`, { method: "POST", body: { favorite: false } }));
    expect(unset.isFavorite).toBe(false);
    const rated = await ok<ImageDetail>(call(`/api/images/${row.id}/rate`, { method: "POST", body: { rating: 5 } }));
    expect(rated.rating).toBe(5);
    expect(rated.version).toBeGreaterThan(v);
    expect((await ok<ImageDetail>(call(`/api/images/${row.id}/rate`, { method: "POST", body: { rating: null } }))).rating).toBeNull();
  });

  it("moves to the trash, restores, and deletes forever with a tombstone and the files gone", async () => {
    const row = await storeImage(t, u.user.id, await makePng({ hue: 10 }));
    const v0 = row.version;
    const trashed = await ok<ImageDetail>(call(`/api/images/${row.id}`, { method: "DELETE" }));
    expect(trashed.deletedAt).not.toBeNull();
    expect(trashed.version).toBeGreaterThan(v0);
    expect((await ok<ImageList>(call("/api/images"))).items.map((i) => i.id)).not.toContain(row.id);
    expect((await ok<ImageList>(call("/api/images?trash=true"))).items.map((i) => i.id)).toContain(row.id);
    const restored = await ok<ImageDetail>(call(`/api/images/${row.id}/restore`, { method: "POST" }));
    expect(restored.deletedAt).toBeNull();
    expect(restored.version).toBeGreaterThan(trashed.version);
    expect(await t.deps.storage.exists(row.filePath)).toBe(true);
    await ok(call(`/api/images/${row.id}/permanent`, { method: "DELETE" }));
    expect(await version(row.id)).toBeUndefined();
    const [tomb] = await t.deps.database.db.select().from(tombstones).where(eq(tombstones.entityId, row.id));
    expect(tomb).toMatchObject({ userId: u.user.id, entity: "image" });
    expect(tomb!.version).toBeGreaterThan(restored.version);
    expect(await t.deps.storage.exists(row.filePath)).toBe(false);
    expect((await call(`/api/images/${row.id}`)).status).toBe(404);
    expect((await call(`/api/images/${row.id}/file/thumb-256`)).status).toBe(404);
  });

  it("empties the trash, leaving live images alone", async () => {
    const who = await signUp(t);
    const c = caller(t, who);
    const live = await insertRow(t, who.user.id);
    const gone = await Promise.all([1, 2, 3].map(() => insertRow(t, who.user.id, { deletedAt: new Date() })));
    const res = await ok<BulkResult>(c("/api/images/trash/empty", { method: "POST" }));
    expect(res.affected.sort()).toEqual(gone.map((g) => g.id).sort());
    const left = await t.deps.database.db.select({ id: images.id }).from(images).where(eq(images.userId, who.user.id));
    expect(left.map((l) => l.id)).toEqual([live.id]);
    const tombs = await t.deps.database.db.select().from(tombstones).where(eq(tombstones.userId, who.user.id));
    expect(tombs).toHaveLength(3);
  });

  it("runs bulk delete, restore, move, tag, favourite and purge, touching only the caller's images", async () => {
    const mine = await Promise.all([0, 1, 2].map((i) => insertRow(t, u.user.id, { tags: i === 0 ? ["keep", "old"] : [] })));
    const other = await signUp(t);
    const theirs = await insertRow(t, other.user.id);
    const ids = [...mine.map((m) => m.id), theirs.id];
    const bulk = (path: string, body: Record<string, unknown>) => ok<BulkResult>(call(`/api/images/${path}`, { method: "POST", body: { imageIds: ids, ...body } }));
    expect((await bulk("bulk-delete", {})).affected.sort()).toEqual(mine.map((m) => m.id).sort());
    expect((await bulk("bulk-delete", {})).affected).toEqual([]); // already in the trash
    expect((await bulk("bulk-restore", {})).affected).toHaveLength(3);
    const [p] = await t.deps.database.db.insert(projects).values({ userId: u.user.id, name: "Moved" }).returning();
    expect((await bulk("bulk-move", { projectId: p!.id })).affected).toHaveLength(3);
    expect((await bulk("bulk-tag", { add: ["new", "keep"], remove: ["old"] })).affected).toHaveLength(3);
    expect((await bulk("bulk-favorite", { favorite: true })).affected).toHaveLength(3);
    const rows = await t.deps.database.db.select().from(images).where(inArray(images.id, ids));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(mine[0]!.id)).toMatchObject({ projectId: p!.id, isFavorite: true, tags: ["keep", "new"] });
    expect(byId.get(mine[1]!.id)!.tags).toEqual(["new", "keep"]);
    expect(byId.get(mine[1]!.id)!.version).toBeGreaterThan(mine[1]!.version);
    expect(byId.get(theirs.id)).toMatchObject({ projectId: null, isFavorite: false, tags: [], deletedAt: null, version: theirs.version });
    expect((await bulk("bulk-purge", {})).affected).toHaveLength(3);
    expect(await version(theirs.id)).toBe(theirs.version);
    expect((await call("/api/images/bulk-move", { method: "POST", body: { imageIds: ids, projectId: randomUUID() } })).status).toBe(404);
    expect((await call("/api/images/bulk-delete", { method: "POST", body: { imageIds: [] } })).status).toBe(400);
    expect((await call("/api/images/bulk-tag", { method: "POST", body: { imageIds: ids } })).status).toBe(400);
  });

  it("lets people add, edit and delete their own comments", async () => {
    const row = await insertRow(t, u.user.id);
    const base = `/api/images/${row.id}/comments`;
    const added = await ok<ImageComment>(call(base, { method: "POST", body: { text: "  love the light  " } }), 201);
    expect(added).toMatchObject({ text: "love the light", isOwn: true, authorName: "Test User" });
    const edited = await ok<ImageComment>(call(`${base}/${added.id}`, { method: "PUT", body: { text: "love the colours" } }));
    expect(edited.text).toBe("love the colours");
    expect((await ok<{ items: ImageComment[] }>(call(base))).items.map((c) => c.text)).toEqual(["love the colours"]);
    expect((await call(base, { method: "POST", body: { text: "   " } })).status).toBe(400);
    // Another person's comment cannot be edited or deleted by the image owner (it is not theirs).
    const other = await signUp(t);
    const [c] = await t.deps.database.db
      .insert(imageComments)
      .values({ imageId: row.id, userId: other.user.id, commentText: "from a friend" })
      .returning();
    expect((await call(`${base}/${c!.id}`, { method: "PUT", body: { text: "hijacked" } })).status).toBe(404);
    expect((await call(`${base}/${c!.id}`, { method: "DELETE" })).status).toBe(404);
    const listed = (await ok<{ items: ImageComment[] }>(call(base))).items;
    expect(listed.map((x) => [x.text, x.isOwn])).toEqual([
      ["love the colours", true],
      ["from a friend", false],
    ]);
    await ok(call(`${base}/${added.id}`, { method: "DELETE" }));
    expect((await ok<{ items: ImageComment[] }>(call(base))).items).toHaveLength(1);
  });

  it("keeps the trash retention setting (off by default) and auto-deletes only expired trash", async () => {
    const who = await signUp(t);
    const c = caller(t, who);
    expect(await ok<TrashSettings>(c("/api/images/trash/settings"))).toEqual({ autoDeleteDays: null });
    const old = await insertRow(t, who.user.id, { deletedAt: new Date(Date.now() - 10 * 86_400_000) });
    const recent = await insertRow(t, who.user.id, { deletedAt: new Date(Date.now() - 2 * 86_400_000) });
    const live = await insertRow(t, who.user.id);
    await runTrashCleanup(t.deps);
    expect(await version(old.id)).toBeDefined(); // off: nothing happens
    expect(await ok<TrashSettings>(c("/api/images/trash/settings", { method: "PUT", body: { autoDeleteDays: 7 } }))).toEqual({ autoDeleteDays: 7 });
    // Two processes running the cleanup at the same time delete (and tombstone) each image once.
    const [a, b] = await Promise.all([runTrashCleanup(t.deps), runTrashCleanup(t.deps)]);
    expect(a.deleted + b.deleted).toBe(1);
    expect(await version(old.id)).toBeUndefined();
    expect(await version(recent.id)).toBeDefined();
    expect(await version(live.id)).toBeDefined();
    const tombs = await t.deps.database.db.select().from(tombstones).where(and(eq(tombstones.userId, who.user.id), eq(tombstones.entityId, old.id)));
    expect(tombs).toHaveLength(1);
    expect(await ok<TrashSettings>(c("/api/images/trash/settings", { method: "PUT", body: { autoDeleteDays: null } }))).toEqual({ autoDeleteDays: null });
  });
});
