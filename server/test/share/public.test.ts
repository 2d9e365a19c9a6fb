import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema";
import { cookieFrom, createTestApp, randomIp, type SignedUpUser, signUp, type TestApp } from "../harness";
import sharp from "sharp";
import { caller, ok, storeVideo } from "../images/fixtures";
import { makePng } from "../iteration/helpers";
import { anon, code, image, openView, share, viewOf } from "./helpers";

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe("share links: what an anonymous holder of the token gets", () => {
  let t: TestApp;
  let owner: SignedUpUser;
  let other: SignedUpUser;

  beforeAll(async () => {
    t = await createTestApp();
    [owner, other] = await Promise.all([signUp(t), signUp(t)]);
  });
  afterAll(() => t.close());

  it("opens one image with token-scoped URLs that work without an account, and nothing of the owner's account", async () => {
    const img = await image(t, owner, { prompt: "a paper boat on a puddle", negativePrompt: "blurry", parameters: { seed: 42, steps: 20 } });
    const link = await share(t, owner, "image", img.id);
    const res = await viewOf(t, link);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("x-robots-tag")).toMatch(/noindex/);
    const text = await res.text();
    expect(text).not.toContain(owner.email);
    expect(text).not.toContain(owner.user.id);
    const view = JSON.parse(text);
    expect(view).toMatchObject({ kind: "image", allowDownload: true, showPrompt: true });
    expect(view.images[0]).toMatchObject({ id: img.id, prompt: "a paper boat on a puddle", negativePrompt: "blurry", seed: 42 });
    expect(view.images[0]).toMatchObject({ mediaType: "image", urls: { video: null } });
    for (const url of Object.values(view.images[0].urls).filter(Boolean) as string[]) {
      expect(url.startsWith(`/api/share/${link.token}/files/${img.id}/`)).toBe(true);
      const file = await t.request(url);
      expect(file.status, url).toBe(200);
      expect(file.headers.get("cache-control")).toBe("private, no-cache");
    }
    const dl = await t.request(view.images[0].urls.download);
    expect(dl.headers.get("content-disposition")).toMatch(/^attachment/);
    // The kind is part of the path: an image token under /project/ is unknown.
    expect((await anon(t, `/api/share/project/${link.token}`)).status).toBe(404);
    expect((await anon(t, `/api/share/image/${"x".repeat(43)}`)).status).toBe(404);
  });

  it("plays a shared video (its clip, even without downloads) and has no clip for an image", async () => {
    const vid = await storeVideo(t, owner.user.id, await makePng({ hue: 200 }));
    const link = await share(t, owner, "image", vid.id, { allowDownload: false });
    const shared = (await openView(t, link)).images[0]!;
    expect(shared).toMatchObject({ id: vid.id, mediaType: "video", format: "webp", durationSeconds: 2, urls: { original: null, download: null } });
    const clip = await t.request(shared.urls.video!);
    expect(clip.status).toBe(200);
    expect(clip.headers.get("content-disposition")).toMatch(/^inline/);
    expect((await sharp(await bytes(clip), { animated: true }).metadata()).pages).toBe(8);
    // A still has no "video" file, and the clip of a video this link doesn't share is not found.
    const img = await image(t, owner);
    const imgLink = await share(t, owner, "image", img.id);
    expect((await t.request(`/api/share/${imgLink.token}/files/${img.id}/video`)).status).toBe(404);
    expect((await t.request(`/api/share/${imgLink.token}/files/${vid.id}/video`)).status).toBe(404);
  });

  it("opens only what it shares: never another image of the owner, nor someone else's", async () => {
    const shared = await image(t, owner);
    const unshared = await image(t, owner);
    const foreign = await image(t, other);
    const link = await share(t, owner, "image", shared.id);
    for (const id of [unshared.id, foreign.id, randomUUID()]) {
      for (const v of ["thumb-256", "preview-768", "video", "original", "download"]) {
        expect((await t.request(`/api/share/${link.token}/files/${id}/${v}`)).status, `${id} ${v}`).toBe(404);
      }
    }
    // A project link opens its images and nothing outside the project.
    const call = caller(t, owner);
    const project = await ok<{ id: string }>(call("/api/projects", { body: { name: "Harbour" } }), 201);
    const inside = await image(t, owner, { projectId: project.id });
    const plink = await share(t, owner, "project", project.id);
    const view = await openView(t, plink);
    expect(view.images.map((i) => i.id)).toEqual([inside.id]);
    expect((await t.request(`/api/share/${plink.token}/files/${inside.id}/thumb-256`)).status).toBe(200);
    expect((await t.request(`/api/share/${plink.token}/files/${unshared.id}/thumb-256`)).status).toBe(404);
    // Trashed images leave the share at once.
    await ok(call(`/api/images/${inside.id}`, { method: "DELETE" }));
    expect((await openView(t, plink)).images).toEqual([]);
    expect((await t.request(`/api/share/${plink.token}/files/${inside.id}/thumb-256`)).status).toBe(404);
  });

  it("opens a collection's members only, in the collection's order", async () => {
    const call = caller(t, owner);
    const [a, b, outside] = [await image(t, owner), await image(t, owner), await image(t, owner)];
    const coll = await ok<{ id: string }>(call("/api/collections", { body: { name: "Favourites", description: "the best" } }), 201);
    await ok(call(`/api/collections/${coll.id}/images`, { body: { imageIds: [a.id, b.id] } }));
    const link = await share(t, owner, "collection", coll.id);
    const view = await openView(t, link);
    expect(view).toMatchObject({ kind: "collection", title: "Favourites", description: "the best" });
    expect(view.images.map((i) => i.id)).toEqual([a.id, b.id]);
    expect((await t.request(view.images[1]!.urls.preview)).status).toBe(200);
    expect((await t.request(`/api/share/${link.token}/files/${outside.id}/preview-768`)).status).toBe(404);
  });

  it("without downloads: no original or download URL, and those files answer 404", async () => {
    const img = await image(t, owner);
    const link = await share(t, owner, "image", img.id, { allowDownload: false });
    const view = await openView(t, link);
    expect(view.images[0]!.urls).toMatchObject({ original: null, download: null });
    expect((await t.request(view.images[0]!.urls.preview)).status).toBe(200);
    for (const v of ["original", "download"]) expect((await t.request(`/api/share/${link.token}/files/${img.id}/${v}`)).status).toBe(404);
    // Turning downloads on later opens them.
    await ok(caller(t, owner)(`/api/share/${link.token}`, { method: "PATCH", body: { allowDownload: true } }));
    const orig = await t.request(`/api/share/${link.token}/files/${img.id}/original`);
    expect(orig.status).toBe(200);
    expect(orig.headers.get("content-type")).toBe("image/png");
    expect((await bytes(orig)).length).toBeGreaterThan(0);
  });

  it("with the prompt hidden: no prompt, negative prompt, model or parameters, and the title is not the prompt", async () => {
    // Generated images carry their prompt as alt text too: that must stay hidden as well.
    const img = await image(t, owner, { prompt: "secret recipe prompt", altText: "secret recipe prompt", negativePrompt: "secret negative", parameters: { seed: 7, guidance: 3 } });
    const link = await share(t, owner, "image", img.id, { showPrompt: false });
    const res = await viewOf(t, link);
    const text = await res.text();
    expect(text).not.toContain("secret");
    const view = JSON.parse(text);
    expect(view.images[0]).toMatchObject({ prompt: null, negativePrompt: null, parameters: null, seed: null, modelId: null });
    expect(view.title).toBe("Shared image");
    // An alt text the owner wrote (not the prompt) is kept: it describes the picture, not how it was made.
    const described = await image(t, owner, { prompt: "secret again", altText: "A red kite" });
    const l2 = await share(t, owner, "image", described.id, { showPrompt: false });
    expect((await openView(t, l2)).images[0]!.altText).toBe("A red kite");
  });

  it("asks for a password (401 SHARE_PASSWORD_REQUIRED), accepts the header or an unlock cookie, and guards the files too", async () => {
    const img = await image(t, owner);
    const link = await share(t, owner, "image", img.id, { password: "harbour lights" });
    const locked = await viewOf(t, link);
    expect(locked.status).toBe(401);
    expect(await code(locked)).toBe("SHARE_PASSWORD_REQUIRED");
    expect(await locked.text()).not.toContain(img.id);
    expect((await t.request(`/api/share/${link.token}/files/${img.id}/thumb-256`)).status).toBe(401);

    const ip = randomIp();
    const wrong = await viewOf(t, link, { "X-Share-Password": "harbour light" }, ip);
    expect(wrong.status).toBe(401);
    expect(await code(wrong)).toBe("SHARE_PASSWORD_REQUIRED");
    const right = await viewOf(t, link, { "X-Share-Password": "harbour lights" }, ip);
    expect(right.status).toBe(200);

    const unlock = await anon(t, `/api/share/${link.token}/unlock`, { body: { password: "harbour lights" } });
    expect(unlock.status).toBe(200);
    const setCookie = unlock.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Path=\/api\/share\//);
    const cookie = cookieFrom(unlock);
    expect((await anon(t, `/api/share/image/${link.token}`, { cookie })).status).toBe(200);
    expect((await anon(t, `/api/share/${link.token}/files/${img.id}/thumb-256`, { cookie })).status).toBe(200);
    // Another link's cookie opens nothing here, and a new password ends earlier unlocks.
    const other = await share(t, owner, "image", img.id, { password: "harbour lights" });
    expect((await anon(t, `/api/share/image/${other.token}`, { cookie })).status).toBe(401);
    await ok(caller(t, owner)(`/api/share/${link.token}`, { method: "PATCH", body: { password: "brand new words" } }));
    expect((await anon(t, `/api/share/image/${link.token}`, { cookie })).status).toBe(401);
  });

  it("rate limits repeated wrong passwords (429), even for the right one, per client", async () => {
    const img = await image(t, owner);
    const link = await share(t, owner, "image", img.id, { password: "correct one" });
    const ip = randomIp();
    for (let i = 0; i < 5; i++) expect((await viewOf(t, link, { "X-Share-Password": `guess ${i}` }, ip)).status).toBe(401);
    const limited = await viewOf(t, link, { "X-Share-Password": "guess 6" }, ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await viewOf(t, link, { "X-Share-Password": "correct one" }, ip)).status).toBe(429);
    expect((await anon(t, `/api/share/${link.token}/unlock`, { body: { password: "correct one" }, ip })).status).toBe(429);
    // Another viewer is not locked out by this one.
    expect((await viewOf(t, link, { "X-Share-Password": "correct one" }, randomIp())).status).toBe(200);
  });

  it("revoking closes the page and every picture URL at once, cached copies included", async () => {
    const img = await image(t, owner);
    const link = await share(t, owner, "image", img.id);
    const view = await openView(t, link);
    const first = await t.request(view.images[0]!.urls.preview);
    const etag = first.headers.get("etag")!;
    expect((await t.request(view.images[0]!.urls.preview, { headers: { "If-None-Match": etag } })).status).toBe(304);
    await ok(caller(t, owner)(`/api/share/${link.token}`, { method: "DELETE" }));
    const gone = await viewOf(t, link);
    expect(gone.status).toBe(410);
    expect(((await gone.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe("revoked");
    for (const url of Object.values(view.images[0]!.urls).filter(Boolean)) expect((await t.request(url!)).status).toBe(404);
    expect((await t.request(view.images[0]!.urls.preview, { headers: { "If-None-Match": etag } })).status).toBe(404);
  });

  it("tells the owner once a day that a link was viewed", async () => {
    const img = await image(t, owner, { altText: "Morning fog" });
    const link = await share(t, owner, "image", img.id);
    await openView(t, link);
    await openView(t, link);
    const rows = await t.deps.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, owner.user.id), eq(notifications.kind, "share.viewed")));
    const mine = rows.filter((r) => (r.data as { linkId?: string }).linkId === link.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toContain("Morning fog");
  });

  it("a deleted target makes the link unknown (404)", async () => {
    const call = caller(t, owner);
    const coll = await ok<{ id: string }>(call("/api/collections", { body: { name: "Short-lived" } }), 201);
    const link = await share(t, owner, "collection", coll.id);
    await ok(call(`/api/collections/${coll.id}`, { method: "DELETE" }));
    expect((await viewOf(t, link)).status).toBe(404);
  });
});
