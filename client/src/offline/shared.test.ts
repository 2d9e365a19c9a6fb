import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db, OfflineDB, setDatabase } from "./db";
import { localImage, localImagePage, localProject, localProjects } from "./local-queries";
import { enqueue } from "./outbox";
import { autoCache, saveGallery, savedGalleries } from "./saved";
import { clearOfflineData } from "./storage";
import { SyncEngine } from "./sync";
import { FakeServer, uuid } from "./test-support";

/** A teammate's shared project on the device: pulled, kept apart from the user's own views, edited by role, removed. */

let server: FakeServer;
const P = uuid(500);
const engine = () => new SyncEngine({ transport: server, isOnline: () => true, lock: (fn) => fn(), sleep: async () => {} });
const sync = () => engine().sync();
const files = (bytes = 10) => (async () => new Response(new Blob([new Uint8Array(bytes)], { type: "image/png" }))) as unknown as typeof fetch;

beforeEach(() => {
  setDatabase(new OfflineDB(`test-${crypto.randomUUID()}`));
  server = new FakeServer();
});
afterEach(async () => {
  await db().delete();
  setDatabase(null);
});

describe("shared projects on the device", () => {
  it("brings a shared project and its images with the owner and role; the user's own views leave them out", async () => {
    const own = server.addImage(uuid(1), { isFavorite: true });
    server.share(P, "viewer");
    const a = server.addSharedImage(uuid(2), P, { prompt: "a harbour at dawn", isFavorite: true });
    const report = await sync();
    expect(report.error).toBeUndefined();

    expect(await localProject(P)).toMatchObject({ name: "Harbour", shared: { ownerName: "Olivia Owner", role: "viewer" }, imageCount: 1 });
    expect((await localImage(a.id))?.prompt).toBe("a harbour at dawn");
    // The project page and image page read them; the gallery, favourites and projects list are the user's own.
    expect((await localImagePage({ projectId: P }, undefined)).items.map((i) => i.id)).toEqual([a.id]);
    expect((await localImagePage({}, undefined)).items.map((i) => i.id)).toEqual([own.id]);
    expect((await localImagePage({ favorite: "true" }, undefined)).items.map((i) => i.id)).toEqual([own.id]);
    expect(await localProjects()).toEqual([]);
  });

  it("re-reads a project only when its images moved, from the device's cursor", async () => {
    server.share(P, "viewer");
    const a = server.addSharedImage(uuid(2), P);
    await sync();
    expect(server.sharedReads).toEqual([{ projectId: P, after: undefined }]);
    await sync();
    expect(server.sharedReads).toHaveLength(1); // nothing moved: no read

    server.editShared(a.id, { notes: "low tide" });
    const b = server.addSharedImage(uuid(3), P);
    await sync();
    expect(server.sharedReads.at(-1)?.after).toBe(String(a.version));
    expect((await localImage(a.id))?.notes).toBe("low tide");
    expect((await localImage(b.id))?.projectId).toBe(P);

    server.editShared(b.id, { projectId: null }); // the owner moves it out of the project
    await sync();
    expect(await localImage(b.id)).toBeUndefined();
    expect((await localImagePage({ projectId: P }, undefined)).items.map((i) => i.id)).toEqual([a.id]);
  });

  it("removes an unshared project with its images, files and offline mark on the next pull", async () => {
    server.share(P, "editor");
    const a = server.addSharedImage(uuid(2), P);
    await sync();
    const saved = await saveGallery("project", P, "Harbour", { fetcher: files(), resize: async (b) => b });
    expect(saved.status).toBe("ready");
    expect(await db().blobs.where("imageId").equals(a.id).count()).toBeGreaterThan(0);

    server.shared.delete(P);
    await sync();
    expect(await localProject(P)).toBeUndefined();
    expect(await localImage(a.id)).toBeUndefined();
    expect(await db().blobs.count()).toBe(0);
    expect(await savedGalleries()).toEqual([]);
    expect((await db().syncMeta.get("sync"))?.shared).toEqual({});
  });

  it("queues an editor's metadata edit and pushes it; a viewer's copy refuses edits on the device", async () => {
    server.share(P, "editor");
    const a = server.addSharedImage(uuid(2), P);
    await sync();
    await enqueue({ type: "image.update", imageId: a.id, patch: { rating: 4, tagsAdd: ["boats"] } });
    expect((await localImage(a.id))?.rating).toBe(4);
    await expect(enqueue({ type: "image.update", imageId: a.id, patch: { isFavorite: true } })).rejects.toThrow(/owner/);
    await expect(enqueue({ type: "image.trash", imageIds: [a.id] })).rejects.toThrow(/owner/);
    const report = await sync();
    expect(report.pushed).toBe(1);
    expect(server.sharedRows.get(a.id)).toMatchObject({ rating: 4, tags: ["boats"] });
    expect(await db().outbox.count()).toBe(0);

    server.share(P, "viewer"); // demoted: the next pull says so, and the copy turns read-only
    await sync();
    await expect(enqueue({ type: "image.update", imageId: a.id, patch: { rating: 1 } })).rejects.toThrow(/viewer/);
    expect((await localImage(a.id))?.rating).toBe(4);
    expect(await db().outbox.count()).toBe(0);
  });

  it("a viewer's edit queued before a demotion is refused by the server and reverted, the rest still sent", async () => {
    server.share(P, "editor");
    const a = server.addSharedImage(uuid(2), P);
    const own = server.addImage(uuid(1));
    await sync();
    await enqueue({ type: "image.update", imageId: a.id, patch: { rating: 2 } });
    await enqueue({ type: "image.update", imageId: own.id, patch: { rating: 5 } });
    server.share(P, "viewer");
    const report = await sync();
    expect(report.failed.map((f) => f.error?.code)).toEqual(["NOT_FOUND"]);
    expect(server.images.get(own.id)?.rating).toBe(5);
    expect(await localImage(a.id)).toMatchObject({ rating: null, shared: true });
    expect((await localImagePage({}, undefined)).items.map((i) => i.id)).toEqual([own.id]);
  });

  it("is not kept by the automatic cache, and goes with the rest on sign-out", async () => {
    server.share(P, "viewer");
    server.addSharedImage(uuid(2), P, { isFavorite: true });
    await sync();
    expect(await autoCache(1e9, files())).toBe(0);
    await clearOfflineData();
    expect(await localProject(P)).toBeUndefined();
    expect(await db().images.count()).toBe(0);
    expect((await db().syncMeta.get("sync"))?.shared).toBeUndefined();
  });
});
