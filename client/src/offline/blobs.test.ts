import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { filesRedirected, resetFileDeliveryForTests } from "@/lib/file-delivery";
import { bestBlob, cacheFile, evictUnpinned, getBlob, isQuotaError, putBlob } from "./blobs";
import { estimateBytes } from "./display";
import { type BlobRow, db, OfflineDB, setDatabase } from "./db";
import { localImagePage } from "./local-queries";
import { enqueue } from "./outbox";
import { saveGallery, unsaveGallery } from "./saved";
import { clearOfflineData } from "./storage";
import { makeImage, uuid } from "./test-support";

beforeEach(() => setDatabase(new OfflineDB(`test-${crypto.randomUUID()}`)));
afterEach(async () => {
  vi.restoreAllMocks();
  await db().delete();
  setDatabase(null);
});

const row = (n: number, pins: string[] = [], size = 100): BlobRow => ({
  key: `${uuid(n)}:thumb-256`,
  imageId: uuid(n),
  variant: "thumb-256",
  blob: new Blob(["x".repeat(size)]),
  size,
  savedAt: n,
  pins,
});

const quotaError = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");

describe("blob cache", () => {
  it("on a full disk evicts unpinned blobs oldest-first, keeps pinned ones and the outbox, and stores the new one", async () => {
    await db().images.put(makeImage(uuid(50)));
    await enqueue({ type: "image.update", imageId: uuid(50), patch: { isFavorite: true } });
    await db().blobs.bulkPut([row(1), row(2, ["project:p"]), row(3), row(4)]);
    const put = db().blobs.put.bind(db().blobs);
    let calls = 0;
    vi.spyOn(db().blobs, "put").mockImplementation((...args: Parameters<typeof put>) => {
      calls += 1;
      return calls === 1 ? (Promise.reject(quotaError()) as never) : put(...args);
    });
    await putBlob(row(9, [], 150), 3);
    const keys = (await db().blobs.toArray()).map((r) => r.savedAt);
    // 150 × 4 = 600 bytes wanted, but an 8 MB floor: every unpinned blob goes, the pinned one stays.
    expect(keys.sort()).toEqual([2, 9]);
    expect(await db().outbox.count()).toBe(1);
  });

  it("evicts only as much as asked, oldest first", async () => {
    await db().blobs.bulkPut([row(1), row(2), row(3, ["collection:c"]), row(4)]);
    expect(await evictUnpinned(150)).toBe(200);
    expect((await db().blobs.toArray()).map((r) => r.savedAt).sort()).toEqual([3, 4]);
  });

  it("gives up (throws) when nothing can be evicted", async () => {
    await db().blobs.bulkPut([row(1, ["project:p"])]);
    vi.spyOn(db().blobs, "put").mockRejectedValue(quotaError());
    await expect(putBlob(row(2))).rejects.toSatisfy(isQuotaError);
    expect(await db().blobs.count()).toBe(1);
  });

  it("notes a download that ended on the bucket (S3 signed URLs): pictures then keep going through the worker", async () => {
    const res = new Response(new Blob(["img"]), { status: 200 });
    Object.defineProperty(res, "url", { value: "http://127.0.0.1:9000/bucket/u/1/thumb-256.webp?X-Amz-Signature=s" });
    await cacheFile(uuid(1), "thumb-256", undefined, (async () => res) as unknown as typeof fetch);
    expect(filesRedirected()).toBe(true);
    localStorage.clear();
    resetFileDeliveryForTests();
  });

  it("saves a project offline (thumbnails + display copies, pinned) and unsaving releases them", async () => {
    const pid = uuid(77);
    await db().images.bulkPut([makeImage(uuid(1), { projectId: pid }), makeImage(uuid(2), { projectId: pid }), makeImage(uuid(3))]);
    const fetcher = vi.fn(async () => new Response(new Blob(["img"]), { status: 200 }));
    const saved = await saveGallery("project", pid, "Trip", { fetcher: fetcher as unknown as typeof fetch });
    // 256 px originals are their own display copy: 3 bytes each for thumb and display, the original not kept.
    expect(saved).toMatchObject({ status: "ready", imageIds: [uuid(1), uuid(2)], bytes: 12, originals: false });
    expect(fetcher).toHaveBeenCalledTimes(4);
    expect((await db().blobs.toArray()).map((b) => b.variant).sort()).toEqual(["display-1280", "display-1280", "thumb-256", "thumb-256"]);
    expect((await db().blobs.toArray()).every((b) => b.pins.includes(`project:${pid}`))).toBe(true);
    await cacheFile(uuid(1), "thumb-256", "collection:c", fetcher as unknown as typeof fetch);
    expect(fetcher).toHaveBeenCalledTimes(4); // already on the device: only a second pin
    await unsaveGallery(`project:${pid}`);
    expect((await db().blobs.toArray()).map((b) => [b.key, b.pins])).toEqual([[`${uuid(1)}:thumb-256`, ["collection:c"]]]);
  });

  it("makes 1280 px display copies of big images, keeps originals only on request, and counts every pinned byte", async () => {
    const cid = uuid(88);
    await db().images.bulkPut([makeImage(uuid(1), { width: 2048, height: 1024, fileSize: 4000 })]);
    await db().collections.put({ id: cid, items: [{ imageId: uuid(1), position: "a" }] } as never);
    const fetcher = vi.fn(async (url: string) => new Response(new Blob([url.endsWith("original") ? "o".repeat(4000) : "t".repeat(50)]), { status: 200 }));
    const resize = vi.fn(async (_b: Blob, w: number, h: number) => new Blob(["d".repeat(w + h)]));
    const opts = { fetcher: fetcher as unknown as typeof fetch, resize };
    expect(estimateBytes([makeImage(uuid(1), { width: 2048, height: 1024, fileSize: 4000 })], false)).toBe(25_000 + Math.round(4000 * (1280 * 640) / (2048 * 1024)));

    const display = await saveGallery("collection", cid, "Wide", opts);
    expect(resize).toHaveBeenCalledWith(expect.any(Blob), 1280, 640);
    expect(display.bytes).toBe(50 + 1920); // thumb + display: a wide picture's earlier "0.0 MB" is gone
    expect(await getBlob(uuid(1), "original")).toBeUndefined();
    // Offline, the lightbox's preview and original requests get the display copy.
    expect((await bestBlob(uuid(1), "preview-768"))?.variant).toBe("display-1280");
    expect((await bestBlob(uuid(1), "original"))?.variant).toBe("display-1280");

    const full = await saveGallery("collection", cid, "Wide", { ...opts, originals: true });
    expect(full).toMatchObject({ originals: true, bytes: 50 + 1920 + 4000 });
    expect((await bestBlob(uuid(1), "original"))?.variant).toBe("original");
    // Back to display size only: the original goes, the rest stays.
    expect((await saveGallery("collection", cid, "Wide", opts)).bytes).toBe(50 + 1920);
    expect(await getBlob(uuid(1), "original")).toBeUndefined();
  });

  it("clearing offline data keeps unsent changes unless told otherwise", async () => {
    await db().images.put(makeImage(uuid(1)));
    await enqueue({ type: "image.update", imageId: uuid(1), patch: { rating: 2 } });
    await db().blobs.put(row(1));
    await clearOfflineData();
    expect([await db().images.count(), await db().blobs.count(), await db().outbox.count()]).toEqual([0, 0, 1]);
    await clearOfflineData({ dropUnsent: true });
    expect(await db().outbox.count()).toBe(0);
  });
});

describe("local gallery", () => {
  it("filters, sorts and pages like the server, with an offset cursor", async () => {
    await db().images.bulkPut([1, 2, 3, 4, 5].map((n) => makeImage(uuid(n), { isFavorite: n % 2 === 1, deletedAt: n === 5 ? "2026-01-02T00:00:00Z" : null })));
    const first = await localImagePage({}, undefined, 2);
    expect(first.items.map((i) => i.id)).toEqual([uuid(4), uuid(3)]);
    const second = await localImagePage({}, first.nextCursor!, 2);
    expect(second.items.map((i) => i.id)).toEqual([uuid(2), uuid(1)]);
    expect(second.nextCursor).toBeNull();
    expect((await localImagePage({ favorite: true }, undefined)).items.map((i) => i.id)).toEqual([uuid(3), uuid(1)]);
    expect((await localImagePage({ trash: true }, undefined)).items.map((i) => i.id)).toEqual([uuid(5)]);
  });
});
