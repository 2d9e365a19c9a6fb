import type { RetentionSettings } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectionImages, collections, images, projects } from "../../src/db/schema";
import { runDraftCleanup } from "../../src/modules/account-data/account-data.retention";
import { createTestApp, signUp, type TestApp } from "../harness";
import { caller, insertRow } from "../images/fixtures";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 5, 1, 12));
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

describe("retention settings", () => {
  it("are off by default, saved per user and validated", async () => {
    const u = await signUp(t);
    const call = caller(t, u);
    expect(await (await call("/api/account/retention")).json()).toEqual({ trashAutoDeleteDays: null, draftAutoDeleteDays: null });
    const put = await call("/api/account/retention", { method: "PUT", body: { trashAutoDeleteDays: 30, draftAutoDeleteDays: 14 } });
    expect(put.status).toBe(200);
    expect((await put.json()) as RetentionSettings).toEqual({ trashAutoDeleteDays: 30, draftAutoDeleteDays: 14 });
    // The trash setting is the same one the trash page shows.
    expect(await (await call("/api/images/trash/settings")).json()).toEqual({ autoDeleteDays: 30 });
    expect((await call("/api/account/retention", { method: "PUT", body: { draftAutoDeleteDays: null } })).status).toBe(200);
    expect(await (await call("/api/account/retention")).json()).toEqual({ trashAutoDeleteDays: 30, draftAutoDeleteDays: null });
    for (const body of [{ draftAutoDeleteDays: 0 }, { trashAutoDeleteDays: 1.5 }, { draftAutoDeleteDays: "7" }, { trashAutoDeleteDays: 99999 }])
      expect((await call("/api/account/retention", { method: "PUT", body })).status).toBe(400);
    expect(await (await caller(t, (await signUp(t)))("/api/account/retention")).json()).toEqual({ trashAutoDeleteDays: null, draftAutoDeleteDays: null });
  });
});

describe("draft clean-up pass", () => {
  it("moves only old, uncurated drafts of users who opted in to the trash", async () => {
    const u = await signUp(t);
    const off = await signUp(t);
    const db = t.deps.database.db;
    expect((await caller(t, u)("/api/account/retention", { method: "PUT", body: { draftAutoDeleteDays: 7 } })).status).toBe(200);
    const [project] = await db.insert(projects).values({ userId: u.user.id, name: "Keep" }).returning();
    const [col] = await db.insert(collections).values({ userId: u.user.id, name: "Keep" }).returning();
    const oldDraft = await insertRow(t, u.user.id, { createdAt: daysAgo(10) });
    const edge = await insertRow(t, u.user.id, { createdAt: daysAgo(6) });
    const kept = [
      await insertRow(t, u.user.id, { createdAt: daysAgo(10), isFavorite: true }),
      await insertRow(t, u.user.id, { createdAt: daysAgo(10), rating: 2 }),
      await insertRow(t, u.user.id, { createdAt: daysAgo(10), tags: ["client"] }),
      await insertRow(t, u.user.id, { createdAt: daysAgo(10), projectId: project!.id }),
      await insertRow(t, u.user.id, { createdAt: daysAgo(10) }),
      edge,
    ];
    await db.insert(collectionImages).values({ collectionId: col!.id, imageId: kept[4]!.id, position: "a0" });
    const notOptedIn = await insertRow(t, off.user.id, { createdAt: daysAgo(100) });

    await runDraftCleanup(t.deps, NOW);
    const deletedAt = async (id: string) => (await db.select({ d: images.deletedAt }).from(images).where(eq(images.id, id)))[0]!.d;
    expect(await deletedAt(oldDraft.id)).toEqual(NOW);
    for (const k of kept) expect(await deletedAt(k.id)).toBeNull();
    expect(await deletedAt(notOptedIn.id)).toBeNull();

    // A second pass changes nothing; a day later the edge case's turn has come.
    const before = (await db.select({ v: images.version }).from(images).where(eq(images.id, oldDraft.id)))[0]!.v;
    await runDraftCleanup(t.deps, NOW);
    expect((await db.select({ v: images.version }).from(images).where(eq(images.id, oldDraft.id)))[0]!.v).toBe(before);
    await runDraftCleanup(t.deps, new Date(NOW.getTime() + 1.5 * DAY));
    expect(await deletedAt(edge.id)).not.toBeNull();
  });
});
