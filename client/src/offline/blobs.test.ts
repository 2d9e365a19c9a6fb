import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cacheFile, evictUnpinned, isQuotaError, putBlob } from "./blobs";
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

  it("saves a project offline (thumbnails + originals, pinned) and unsaving releases them", async () => {
    const pid = uuid(77);
    await db().images.bulkPut([makeImage(uuid(1), { projectId: pid }), makeImage(uuid(2), { projectId: pid }), makeImage(uuid(3))]);
    const fetcher = vi.fn(async () => new Response(new Blob(["img"]), { status: 200 }));
    const saved = await saveGallery("project", pid, "Trip", undefined, fetcher as unknown as typeof fetch);
    expect(saved).toMatchObject({ status: "ready", imageIds: [uuid(1), uuid(2)], bytes: 12 });
    expect(fetcher).toHaveBeenCalledTimes(4);
    expect((await db().blobs.toArray()).every((b) => b.pins.includes(`project:${pid}`))).toBe(true);
    await cacheFile(uuid(1), "thumb-256", "collection:c", fetcher as unknown as typeof fetch);
    expect(fetcher).toHaveBeenCalledTimes(4); // already on the device: only a second pin
    await unsaveGallery(`project:${pid}`);
    expect((await db().blobs.toArray()).map((b) => [b.key, b.pins])).toEqual([[`${uuid(1)}:thumb-256`, ["collection:c"]]]);
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
