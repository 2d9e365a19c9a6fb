import { randomUUID } from "node:crypto";
import type { CommunityPage, PublicProfile, PublicUserPage, PublishResult } from "@image-studio/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, notifications } from "../../src/db/schema";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, makePng, ok, storeImage } from "../images/fixtures";

const anon = (t: TestApp, path: string) => t.request(path);
const code = async (res: Response) => ((await res.clone().json()) as { error?: { code?: string } }).error?.code;

describe("public gallery and community", () => {
  let t: TestApp;
  let owner: SignedUpUser;
  let other: SignedUpUser;
  let admin: SignedUpUser;
  let handle: string;

  const picture = async (u: SignedUpUser, prompt: string) => storeImage(t, u.user.id, await makePng({ hue: Math.floor(Math.random() * 200) }), { prompt, altText: prompt });
  const publish = (u: SignedUpUser, id: string, published = true) => caller(t, u)(`/api/images/${id}/publish`, { body: { published } });
  const setProfile = (u: SignedUpUser, body: Record<string, unknown>) => caller(t, u)("/api/account/public-profile", { method: "PUT", body });
  const feed = async (query = "") => ok<CommunityPage>(anon(t, `/api/community/images${query}`));

  beforeAll(async () => {
    const adminEmail = `admin-${randomUUID()}@example.test`;
    t = await createTestApp({ ADMIN_EMAILS: adminEmail });
    [owner, other, admin] = await Promise.all([signUp(t), signUp(t), signUp(t, { email: adminEmail })]);
    handle = `maker-${randomUUID().slice(0, 8)}`;
  });
  afterAll(() => t.close());

  it("a handle is validated, reserved words and taken handles are refused, and it is stored lower case", async () => {
    for (const bad of ["ab", "admin", "Community", "has space", "-dash-first", "x".repeat(31), "émile"]) {
      const res = await setProfile(owner, { handle: bad });
      expect(res.status, bad).toBe(400);
    }
    const mine = await ok<PublicProfile>(setProfile(owner, { handle: handle.toUpperCase() }));
    expect(mine).toMatchObject({ handle, url: `/u/${handle}`, showPrompt: false, publishedCount: 0 });
    const taken = await setProfile(other, { handle });
    expect(taken.status).toBe(409);
    expect(await code(taken)).toBe("CONFLICT");
    expect(await ok<PublicProfile>(caller(t, owner)("/api/account/public-profile"))).toMatchObject({ handle });
    // An empty change changes nothing; a null handle gives the name up.
    expect(await ok<PublicProfile>(setProfile(owner, {}))).toMatchObject({ handle });
    const u = await signUp(t);
    await ok(setProfile(u, { handle: `gone-${randomUUID().slice(0, 6)}` }));
    expect(await ok<PublicProfile>(setProfile(u, { handle: null }))).toMatchObject({ handle: null, url: null });
  });

  it("publishing needs a handle, and only the owner can publish (someone else's image is a 404)", async () => {
    const img = await picture(other, "a lantern in fog");
    const res = await publish(other, img.id);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { details: { needsHandle: boolean } } }).error.details.needsHandle).toBe(true);
    expect((await publish(owner, img.id)).status).toBe(404);
    expect((await anon(t, `/api/community/files/${img.id}/thumb-256`)).status).toBe(404);
  });

  it("a published image shows anonymously on the profile and the community page, without any account data; prompts only when allowed", async () => {
    const img = await picture(owner, "a copper teapot on a windowsill");
    const result = await ok<PublishResult>(publish(owner, img.id));
    expect(result).toMatchObject({ id: img.id, isPublic: true, url: `/u/${handle}` });
    const page = await ok<PublicUserPage>(anon(t, `/api/community/users/${handle.toUpperCase()}`));
    expect(page.handle).toBe(handle);
    expect(page.items.map((i) => i.id)).toContain(img.id);
    const text = JSON.stringify(page) + JSON.stringify(await feed());
    expect(text).not.toContain(owner.email);
    expect(text).not.toContain(owner.user.id);
    expect(text).not.toContain("Test User");
    const item = page.items.find((i) => i.id === img.id)!;
    expect(item).toMatchObject({ prompt: null, parameters: null, modelId: null, altText: "" });
    for (const url of Object.values(item.urls)) {
      const file = await anon(t, url);
      expect(file.status, url).toBe(200);
      expect(file.headers.get("content-type")).toBe("image/webp");
      expect(file.headers.get("cache-control")).toBe("public, no-cache");
    }
    // Search by prompt words never reveals hidden prompts.
    expect((await feed("?q=copper%20teapot")).items.map((i) => i.id)).not.toContain(img.id);
    await ok(setProfile(owner, { showPrompt: true }));
    const shown = (await ok<PublicUserPage>(anon(t, `/api/community/users/${handle}`))).items.find((i) => i.id === img.id)!;
    expect(shown).toMatchObject({ prompt: "a copper teapot on a windowsill", altText: "a copper teapot on a windowsill" });
    expect((await feed("?q=TEAPOT%20copper")).items.map((i) => i.id)).toEqual([img.id]);
    expect((await feed("?q=teapot%20zebra")).items).toEqual([]);
    expect((await anon(t, "/api/community/users/nobody-here-at-all")).status).toBe(404);
  });

  it("an image unpublished, trashed or deleted disappears from every public page and its URLs stop working at once", async () => {
    const call = caller(t, owner);
    const gone = async (id: string) => {
      expect((await anon(t, `/api/community/files/${id}/preview-768`)).status).toBe(404);
      expect((await feed("?limit=60")).items.map((i) => i.id)).not.toContain(id);
      expect((await ok<PublicUserPage>(anon(t, `/api/community/users/${handle}?limit=60`))).items.map((i) => i.id)).not.toContain(id);
    };
    const a = await picture(owner, "first");
    const b = await picture(owner, "second");
    const c = await picture(owner, "third");
    for (const img of [a, b, c]) await ok(publish(owner, img.id));
    for (const img of [a, b, c]) expect((await anon(t, `/api/community/files/${img.id}/thumb-256`)).status).toBe(200);
    await ok(publish(owner, a.id, false));
    await gone(a.id);
    expect((await call(`/api/images/${b.id}`, { method: "DELETE" })).status).toBeLessThan(300);
    await gone(b.id);
    expect((await call(`/api/images/${c.id}/permanent`, { method: "DELETE" })).status).toBeLessThan(300);
    await gone(c.id);
    // A trashed image cannot be published either.
    expect((await publish(owner, b.id)).status).toBe(404);
  });

  it("a published image restored from the trash comes back unpublished; the owner republishes it", async () => {
    const call = caller(t, owner);
    const img = await picture(owner, "a kite over dunes");
    const bulk = await picture(owner, "a second kite");
    for (const i of [img, bulk]) await ok(publish(owner, i.id));
    expect((await call(`/api/images/${img.id}`, { method: "DELETE" })).status).toBeLessThan(300);
    expect((await call("/api/images/bulk-delete", { body: { imageIds: [bulk.id] } })).status).toBe(200);
    expect((await call(`/api/images/${img.id}/restore`, { method: "POST" })).status).toBeLessThan(300);
    expect((await call("/api/images/bulk-restore", { body: { imageIds: [bulk.id] } })).status).toBe(200);
    for (const i of [img, bulk]) {
      expect((await ok<{ isPublic: boolean }>(call(`/api/images/${i.id}`))).isPublic).toBe(false);
      expect((await anon(t, `/api/community/files/${i.id}/thumb-256`)).status).toBe(404);
      expect((await feed("?limit=60")).items.map((x) => x.id)).not.toContain(i.id);
    }
    const again = await ok<PublishResult>(publish(owner, img.id));
    expect(again.isPublic).toBe(true);
    expect((await anon(t, `/api/community/files/${img.id}/thumb-256`)).status).toBe(200);
  });

  it("favourites count once per user, sort the popular list, and only published images can be favourited", async () => {
    const x = await picture(owner, "x");
    const y = await picture(owner, "y");
    for (const img of [x, y]) await ok(publish(owner, img.id));
    const fav = (u: SignedUpUser, id: string, favorite = true) => caller(t, u)(`/api/community/images/${id}/favorite`, { body: { favorite } });
    expect(await ok(fav(other, y.id))).toMatchObject({ favorited: true, favorites: 1 });
    expect(await ok(fav(other, y.id))).toMatchObject({ favorited: true, favorites: 1 });
    expect(await ok(fav(admin, y.id))).toMatchObject({ favorites: 2 });
    expect((await anon(t, `/api/community/images/${y.id}/favorite`)).status).toBe(404); // GET is not a route
    const popular = await feed("?sort=popular&limit=60");
    const ids = popular.items.map((i) => i.id);
    expect(ids.indexOf(y.id)).toBeLessThan(ids.indexOf(x.id));
    const seen = await ok<CommunityPage>(caller(t, other)("/api/community/images?sort=popular&limit=60"));
    expect(seen.items.find((i) => i.id === y.id)).toMatchObject({ favorited: true, favorites: 2 });
    expect(await ok(fav(other, y.id, false))).toMatchObject({ favorited: false, favorites: 1 });
    const hidden = await picture(owner, "private");
    expect((await fav(other, hidden.id)).status).toBe(404);
  });

  it("pages through the feed with a cursor", async () => {
    for (let i = 0; i < 3; i++) await ok(publish(owner, (await picture(owner, `page ${i}`)).id));
    const first = await feed("?limit=2");
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBe("2");
    const second = await feed(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
  });

  it("an admin unpublishes an image: audited, the owner is notified, it is gone; users cannot", async () => {
    const img = await picture(owner, "something to moderate");
    await ok(publish(owner, img.id));
    const list = await ok<{ items: { id: string; ownerEmail: string }[] }>(caller(t, admin)("/api/admin/community/images?limit=60"));
    expect(list.items.find((i) => i.id === img.id)?.ownerEmail).toBe(owner.email);
    const path = `/api/admin/community/images/${img.id}/unpublish`;
    expect((await caller(t, other)(path, { body: { reason: "spam" } })).status).toBe(403);
    expect((await caller(t, admin)(path, { body: { reason: "" } })).status).toBe(400);
    expect(await ok(caller(t, admin)(path, { body: { reason: "Not suitable for the community" } }))).toMatchObject({ id: img.id, isPublic: false });
    expect((await anon(t, `/api/community/files/${img.id}/thumb-256`)).status).toBe(404);
    expect((await caller(t, admin)(path, { body: { reason: "again" } })).status).toBe(404);
    const db = t.deps.database.db;
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "image.unpublish"), eq(auditLog.targetId, img.id)));
    expect(entry).toMatchObject({ actorId: admin.user.id, details: { ownerId: owner.user.id, reason: "Not suitable for the community" } });
    const [note] = await db.select().from(notifications).where(and(eq(notifications.userId, owner.user.id), eq(notifications.kind, "community.unpublished")));
    expect(note?.body).toContain("Not suitable for the community");
    expect(note?.link).toBe(`/images/${img.id}`);
  });

  it("concurrent claims of one handle: exactly one account gets it", async () => {
    const want = `race-${randomUUID().slice(0, 8)}`;
    const [a, b] = await Promise.all([signUp(t), signUp(t)]);
    const results = await Promise.all([setProfile(a, { handle: want }), setProfile(b, { handle: want })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("concurrent favourites of one image by one user count once", async () => {
    const img = await picture(owner, "raced");
    await ok(publish(owner, img.id));
    const u = await signUp(t);
    await Promise.all(Array.from({ length: 5 }, () => caller(t, u)(`/api/community/images/${img.id}/favorite`, { body: { favorite: true } })));
    const page = await ok<CommunityPage>(caller(t, u)(`/api/community/images?limit=60`));
    expect(page.items.find((i) => i.id === img.id)).toMatchObject({ favorites: 1, favorited: true });
  });
});
