import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShareLink, ShareLinkList } from "@image-studio/shared";
import { shareLinks } from "../../src/db/schema";
import { createTestApp, type SignedUpUser, signUp, type TestApp } from "../harness";
import { caller, ok } from "../images/fixtures";
import { code, image, movableClock, openView, share, viewOf } from "./helpers";

const HOUR = 3_600_000;

describe("share links: the owner's side", () => {
  let t: TestApp;
  let owner: SignedUpUser;
  let other: SignedUpUser;
  const clock = movableClock();

  beforeAll(async () => {
    t = await createTestApp();
    t.deps.clock = clock;
    [owner, other] = await Promise.all([signUp(t), signUp(t)]);
  });
  afterAll(() => t.close());

  it("creates a link with a long random token and a public URL, and never stores the password in plain", async () => {
    const img = await image(t, owner, { prompt: "a red kite over the dunes" });
    const link = await share(t, owner, "image", img.id, { password: "open sesame", allowDownload: false, showPrompt: false });
    expect(link).toMatchObject({ kind: "image", targetId: img.id, hasPassword: true, allowDownload: false, showPrompt: false, viewCount: 0, status: "active" });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits
    expect(link.url).toBe(`http://localhost:3000/s/${link.token}`);
    expect(JSON.stringify(link)).not.toContain("open sesame");
    const [row] = await t.deps.database.db.select().from(shareLinks).where(eq(shareLinks.id, link.id));
    expect(row!.passwordHash).toBeTruthy();
    expect(row!.passwordHash).not.toContain("open sesame");
    const again = await share(t, owner, "image", img.id);
    expect(again.token).not.toBe(link.token);
  });

  it("answers the aliases POST /api/images/:id/share and /api/projects/:id/share", async () => {
    const call = caller(t, owner);
    const img = await image(t, owner);
    const byImage = await ok<ShareLink>(call(`/api/images/${img.id}/share`, { body: { showPrompt: false } }), 201);
    expect(byImage).toMatchObject({ kind: "image", targetId: img.id, showPrompt: false });
    const project = await ok<{ id: string }>(call("/api/projects", { body: { name: "Kites" } }), 201);
    const byProject = await ok<ShareLink>(call(`/api/projects/${project.id}/share`, { body: {} }), 201);
    expect(byProject).toMatchObject({ kind: "project", targetId: project.id, targetName: "Kites" });
  });

  it("answers someone else's (or an unknown) image, project or collection with 404, and makes no link", async () => {
    const img = await image(t, owner);
    const call = caller(t, owner);
    const project = await ok<{ id: string }>(call("/api/projects", { body: { name: "Mine" } }), 201);
    const coll = await ok<{ id: string }>(call("/api/collections", { body: { name: "Mine too" } }), 201);
    const theirs = caller(t, other);
    for (const [kind, id] of [["image", img.id], ["project", project.id], ["collection", coll.id], ["image", randomUUID()]] as const) {
      const res = await theirs(`/api/share/${kind}/${id}`, { body: {} });
      expect(res.status, `${kind}`).toBe(404);
    }
    expect((await theirs(`/api/images/${img.id}/share`, { body: {} })).status).toBe(404);
    expect((await ok<ShareLinkList>(theirs("/api/share"))).items).toEqual([]);
  });

  it("rejects bad options with a clear 400", async () => {
    const img = await image(t, owner);
    const call = caller(t, owner);
    for (const body of [{ password: "abc" }, { expiresAt: "tomorrow" }, { expiresIn: "2y" }, { allowDownload: "yes" }, { extra: 1 }, { expiresAt: new Date(Date.now() + HOUR).toISOString(), expiresIn: "1d" }]) {
      const res = await call(`/api/share/image/${img.id}`, { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await code(res)).toBe("VALIDATION_FAILED");
    }
    clock.set(new Date());
    const past = await call(`/api/share/image/${img.id}`, { body: { expiresAt: new Date(clock.now().getTime() - 1000).toISOString() } });
    expect(past.status).toBe(400);
    clock.set(undefined as unknown as Date);
  });

  it("lists every link with views and last viewed; edits and revokes; others can't touch them", async () => {
    const img = await image(t, owner, { altText: "A lighthouse at dusk" });
    const link = await share(t, owner, "image", img.id);
    await openView(t, link);
    await openView(t, link);
    const call = caller(t, owner);
    const listed = (await ok<ShareLinkList>(call("/api/share"))).items.find((l) => l.id === link.id)!;
    expect(listed).toMatchObject({ viewCount: 2, targetName: "A lighthouse at dusk", thumbImageId: img.id, status: "active" });
    expect(listed.lastViewedAt).not.toBeNull();

    const theirs = caller(t, other);
    expect((await theirs(`/api/share/${link.token}`, { method: "PATCH", body: { allowDownload: false } })).status).toBe(404);
    expect((await theirs(`/api/share/${link.token}`, { method: "DELETE" })).status).toBe(404);

    const edited = await ok<ShareLink>(call(`/api/share/${link.token}`, { method: "PATCH", body: { allowDownload: false, password: "a new secret", expiresIn: "7d" } }));
    expect(edited).toMatchObject({ allowDownload: false, hasPassword: true, status: "active" });
    expect(edited.expiresAt).not.toBeNull();
    const cleared = await ok<ShareLink>(call(`/api/share/${link.token}`, { method: "PATCH", body: { password: null, expiresAt: null } }));
    expect(cleared).toMatchObject({ hasPassword: false, expiresAt: null });

    const revoked = await ok<ShareLink>(call(`/api/share/${link.token}`, { method: "DELETE" }));
    expect(revoked.status).toBe("revoked");
    expect((await call(`/api/share/${link.token}`, { method: "PATCH", body: { showPrompt: false } })).status).toBe(409);
    expect((await ok<ShareLinkList>(call("/api/share"))).items.find((l) => l.id === link.id)!.status).toBe("revoked");
  });

  it("expires by preset on the server's clock: 1 hour later the link is gone (410) and its pictures 404", async () => {
    const start = new Date();
    clock.set(start);
    const img = await image(t, owner);
    const link = await share(t, owner, "image", img.id, { expiresIn: "1h" });
    expect(new Date(link.expiresAt!).getTime()).toBe(start.getTime() + HOUR);
    const view = await openView(t, link);
    expect((await t.request(view.images[0]!.urls.thumb)).status).toBe(200);
    clock.set(new Date(start.getTime() + HOUR + 1));
    const res = await viewOf(t, link);
    expect(res.status).toBe(410);
    expect(((await res.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe("expired");
    expect((await t.request(view.images[0]!.urls.thumb)).status).toBe(404);
    const listed = (await ok<ShareLinkList>(caller(t, owner)("/api/share"))).items.find((l) => l.id === link.id)!;
    expect(listed.status).toBe("expired");
    clock.set(undefined as unknown as Date);
  });

  it("counts concurrent views without losing one (a counter, run on PostgreSQL in CI)", async () => {
    const img = await image(t, owner);
    const link = await share(t, owner, "image", img.id);
    await Promise.all(Array.from({ length: 12 }, () => openView(t, link)));
    const listed = (await ok<ShareLinkList>(caller(t, owner)("/api/share"))).items.find((l) => l.id === link.id)!;
    expect(listed.viewCount).toBe(12);
  });

  it("does not count the owner's own visits", async () => {
    const img = await image(t, owner);
    const link = await share(t, owner, "image", img.id);
    await ok(caller(t, owner)(`/api/share/image/${link.token}`));
    expect((await ok<ShareLinkList>(caller(t, owner)("/api/share"))).items.find((l) => l.id === link.id)!.viewCount).toBe(0);
  });
});
