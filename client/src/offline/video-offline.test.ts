import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deviceResponse, parseRange } from "../sw/device-response";
import { bestBlob } from "./blobs";
import { db, OfflineDB, setDatabase } from "./db";
import { estimateBytes } from "./display";
import { saveGallery, unsaveGallery } from "./saved";
import { makeImage, uuid } from "./test-support";

/** Videos in a saved gallery: the clip and its poster are kept (no display copy), and served in ranges. */

beforeEach(() => setDatabase(new OfflineDB(`test-${crypto.randomUUID()}`)));
afterEach(async () => {
  await db().delete();
  setDatabase(null);
});

const CLIP = "c".repeat(5000);
const video = (n: number, projectId: string) => makeImage(uuid(n), { projectId, mediaType: "video", format: "webp", durationSeconds: 2, width: 1920, height: 1080, fileSize: CLIP.length });

describe("videos in the offline copy", () => {
  it("keeps a video's clip and 768 px poster when its project is saved, without originals of the pictures", async () => {
    const pid = uuid(70);
    await db().images.bulkPut([video(1, pid), makeImage(uuid(2), { projectId: pid })]);
    const fetcher = vi.fn(async (url: string) => new Response(new Blob([url.endsWith("original") && url.includes(uuid(1)) ? CLIP : "p".repeat(40)], { type: "image/webp" })));
    const resize = vi.fn(async (b: Blob) => b);
    const saved = await saveGallery("project", pid, "Reel", { fetcher: fetcher as unknown as typeof fetch, resize });
    expect(saved.status).toBe("ready");
    const kept = (await db().blobs.toArray()).map((b) => b.key).sort();
    expect(kept).toEqual([`${uuid(1)}:original`, `${uuid(1)}:preview-768`, `${uuid(1)}:thumb-256`, `${uuid(2)}:display-1280`, `${uuid(2)}:thumb-256`].sort());
    expect(resize).not.toHaveBeenCalled(); // the picture is 256 px (its own display copy); the clip is never decoded
    expect((await bestBlob(uuid(1), "original"))?.size).toBe(CLIP.length);
    expect(saved.bytes).toBe(CLIP.length + 40 * 2 + 40 * 2);

    // Saved again at display size only: the picture's original is not kept, the video's clip is.
    await saveGallery("project", pid, "Reel", { fetcher: fetcher as unknown as typeof fetch, resize, originals: true });
    expect((await bestBlob(uuid(2), "original"))?.variant).toBe("original");
    await saveGallery("project", pid, "Reel", { fetcher: fetcher as unknown as typeof fetch, resize });
    expect((await bestBlob(uuid(2), "original"))?.variant).toBe("display-1280");
    expect((await bestBlob(uuid(1), "original"))?.variant).toBe("original");

    await unsaveGallery(`project:${pid}`);
    expect(await db().blobs.count()).toBe(0);
  });

  it("counts the clip and poster in the estimate whether or not originals are kept", () => {
    const v = video(1, uuid(70));
    expect(estimateBytes([v], false)).toBe(25_000 + 80_000 + CLIP.length);
    expect(estimateBytes([v], true)).toBe(estimateBytes([v], false));
  });

  it("answers a player's range requests from the device's blob", async () => {
    const blob = new Blob(["0123456789"], { type: "video/mp4" });
    const whole = deviceResponse(blob, null);
    expect([whole.status, whole.headers.get("Accept-Ranges"), await whole.text()]).toEqual([200, "bytes", "0123456789"]);
    const part = deviceResponse(blob, "bytes=2-5");
    expect([part.status, part.headers.get("Content-Range"), part.headers.get("Content-Type"), await part.text()]).toEqual([206, "bytes 2-5/10", "video/mp4", "2345"]);
    const open = deviceResponse(blob, "bytes=7-");
    expect([open.status, await open.text()]).toEqual([206, "789"]);
    const suffix = deviceResponse(blob, "bytes=-3");
    expect([suffix.headers.get("Content-Range"), await suffix.text()]).toEqual(["bytes 7-9/10", "789"]);
    expect(deviceResponse(blob, "bytes=20-30").status).toBe(416);
    expect(parseRange("bytes=0-99", 10)).toEqual([0, 9]);
    expect(parseRange("bytes=1-2,4-5", 10)).toBeUndefined(); // several ranges: the whole file
  });
});
