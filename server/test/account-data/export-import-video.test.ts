import { randomUUID } from "node:crypto";
import type { ImageDetail, ImportResult } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { images } from "../../src/db/schema";
import { processGeneratedImage } from "../../src/lib/image-processing";
import { originalKey, variantKey } from "../../src/storage/keys";
import { TEST_ORIGIN, signUp, type SignedUpUser, type TestApp } from "../harness";
import { insertRow, unzip } from "../images/fixtures";
import { caller, finished, imageOf, makePng, originalBytes, startWithWorker, storeImage } from "../iteration/helpers";
import { TINY_MP4 } from "../fixtures/video";

/** Videos in the account archive: the clip, its poster and its frame facts go out and come back in. */
describe("account export and import with videos", () => {
  let t: TestApp;
  let stop: () => Promise<void>;
  beforeAll(async () => void ({ t, stop } = await startWithWorker()));
  afterAll(() => stop());

  const exportZip = async (u: SignedUpUser) => {
    const res = await caller(t, u)("/api/account/export", { method: "POST" });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };
  const importZip = (u: SignedUpUser, data: Buffer) => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(data)], { type: "application/zip" }), "archive.zip");
    return t.request("/api/account/import", {
      method: "POST",
      headers: { Origin: TEST_ORIGIN, Cookie: u.cookie, "X-Forwarded-For": u.ip },
      body: form,
    });
  };

  /** An MP4 as fal's Kling returns it: the clip stored as the original, the variants made from its poster. */
  async function storeMp4(u: SignedUpUser) {
    const id = randomUUID();
    const poster = await processGeneratedImage(await makePng({ width: 64, height: 48, hue: 77 }));
    await t.deps.storage.put(originalKey(u.user.id, id, "mp4"), TINY_MP4, { contentType: "video/mp4" });
    for (const v of poster.variants)
      await t.deps.storage.put(variantKey(u.user.id, id, `${v.name}.webp`), v.data, { contentType: v.contentType });
    return insertRow(t, u.user.id, {
      id,
      filePath: originalKey(u.user.id, id, "mp4"),
      width: 64,
      height: 48,
      fileSize: TINY_MP4.length,
      format: "mp4",
      mediaType: "video",
      durationSeconds: 1,
      operation: "image-to-video",
      modelId: "fal-ai/kling-video/v2.1/standard/image-to-video",
      prompt: "a kite in wind",
      thumbhash: poster.thumbhash,
      metadata: { video: { frameCount: null, fps: null, posterFromSource: true } },
    });
  }

  it("round-trips a local-engine animation, an MP4 and an image: the clips play with their types and ranges, the posters show", async () => {
    const u = await signUp(t);
    const call = caller(t, u);
    const still = await storeImage(t, u.user.id, await makePng({ width: 160, height: 120, hue: 20 }), {
      prompt: "a lighthouse",
    });
    const res = await call(`/api/images/${still.id}/animate`, { body: { duration: 2, motion: "zoom-in" } });
    expect(res.status, await res.clone().text()).toBe(202);
    const done = await finished(t, u, ((await res.json()) as { id: string }).id);
    expect(done.status, done.errorMessage ?? "").toBe("completed");
    const anim = await imageOf(t, done);
    const clip = await originalBytes(t, anim.filePath);
    await storeMp4(u);

    const zip = await exportZip(u);
    const entries = unzip(zip);
    expect(entries.get(`images/${anim.id}.webp`)?.equals(clip)).toBe(true);
    expect(entries.has(`posters/${anim.id}.webp`)).toBe(true);
    const manifest = JSON.parse(entries.get("manifest.json")!.toString()) as {
      images: { id: string; mediaType: string; file: string; poster: string | null }[];
    };
    expect(manifest.images.find((i) => i.id === anim.id)).toMatchObject({
      mediaType: "video",
      poster: `posters/${anim.id}.webp`,
    });
    expect(manifest.images.find((i) => i.id === still.id)).toMatchObject({ mediaType: "image", poster: null });

    const b = await signUp(t);
    const imported = await importZip(b, zip);
    expect(imported.status, await imported.clone().text()).toBe(201);
    expect((await imported.json()) as ImportResult).toMatchObject({ images: 3, skipped: [] });
    const rows = await t.deps.database.db.select().from(images).where(eq(images.userId, b.user.id));
    const webp = rows.find((r) => r.format === "webp" && r.mediaType === "video")!;
    const mp4 = rows.find((r) => r.format === "mp4")!;
    const lighthouse = rows.find((r) => r.prompt === "a lighthouse" && r.mediaType === "image")!;
    // The animation is still the child of its (imported) source image.
    expect(webp).toMatchObject({
      width: anim.width,
      height: anim.height,
      durationSeconds: 2,
      fileSize: clip.length,
      parentImageId: lighthouse.id,
    });
    expect(webp.metadata.video).toEqual(anim.metadata.video);
    expect(mp4).toMatchObject({
      mediaType: "video",
      width: 64,
      height: 48,
      durationSeconds: 1,
      fileSize: TINY_MP4.length,
    });

    const callB = caller(t, b);
    for (const [row, type, bytes] of [
      [webp, "image/webp", clip],
      [mp4, "video/mp4", TINY_MP4],
    ] as const) {
      const file = await callB(`/api/images/${row.id}/file/original`);
      expect(file.headers.get("content-type")).toBe(type);
      expect(Buffer.from(await file.arrayBuffer()).equals(bytes)).toBe(true);
      const part = await callB(`/api/images/${row.id}/file/original`, { headers: { Range: "bytes=0-99" } });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes 0-99/${bytes.length}`);
      const poster = await callB(`/api/images/${row.id}/file/preview-768`);
      expect(poster.status).toBe(200);
      expect((await sharp(Buffer.from(await poster.arrayBuffer())).metadata()).width).toBeGreaterThan(0);
      const detail = (await (await callB(`/api/images/${row.id}`)).json()) as ImageDetail;
      expect(detail).toMatchObject({ mediaType: "video", format: row.format });
    }
    // The animation's frames still come out of the imported clip.
    const frame = await callB(`/api/images/${webp.id}/frames`, { body: { timeSeconds: 1 } });
    expect(frame.status, await frame.clone().text()).toBe(201);
  });

  it("skips a video whose clip is not a video or whose MP4 has no poster, and says which", async () => {
    const u = await signUp(t);
    await storeMp4(u);
    const entries = unzip(await exportZip(u));
    const manifest = JSON.parse(entries.get("manifest.json")!.toString()) as {
      images: { file: string; poster: string }[];
    };
    const { file, poster } = manifest.images[0]!;
    const archiver = (await import("archiver")).default;
    const rezip = async (files: Record<string, Buffer | string>) => {
      const a = archiver("zip");
      const chunks: Buffer[] = [];
      a.on("data", (c: Buffer) => chunks.push(c));
      const end = new Promise((r) => a.on("end", r));
      for (const [name, data] of Object.entries(files)) a.append(data, { name });
      await a.finalize();
      await end;
      return Buffer.concat(chunks);
    };
    const b = await signUp(t);
    const noPoster = await importZip(
      b,
      await rezip({ "manifest.json": entries.get("manifest.json")!, [file]: entries.get(file)! }),
    );
    expect(((await noPoster.json()) as ImportResult).skipped).toEqual([
      expect.stringMatching(/poster frame .* is missing/),
    ]);
    const notVideo = await importZip(
      b,
      await rezip({
        "manifest.json": entries.get("manifest.json")!,
        [file]: await makePng(),
        [poster]: entries.get(poster)!,
      }),
    );
    expect(((await notVideo.json()) as ImportResult).skipped).toEqual([expect.stringMatching(/not an MP4 video/)]);
    expect(await t.deps.database.db.select().from(images).where(eq(images.userId, b.user.id))).toEqual([]);
  });
});
