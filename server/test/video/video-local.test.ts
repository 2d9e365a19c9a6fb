import { imageDetailSchema, imageListSchema, jobSchema } from "@image-studio/shared";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditTransactions, images } from "../../src/db/schema";
import { signUp, type SignedUpUser, type TestApp } from "../harness";
import { caller, finished, imageOf, makePng, originalBytes, startWithWorker, storeImage, upload } from "../iteration/helpers";
import { storeVideo } from "../images/fixtures";

/** Image → video on the local engine, the video as a media type, and frames back into the gallery. */
describe("animation on the local engine", () => {
  let t: TestApp;
  let stop: () => Promise<void>;
  let u: SignedUpUser;
  beforeAll(async () => {
    ({ t, stop } = await startWithWorker());
    u = await signUp(t);
  });
  afterAll(() => stop());

  async function animate(imageId: string, body: Record<string, unknown>) {
    const res = await caller(t, u)(`/api/images/${imageId}/animate`, { body });
    expect(res.status, await res.clone().text()).toBe(202);
    return jobSchema.parse(await res.json());
  }

  it("animates an image into a looping animated WebP stored as a video with poster thumbnails, in the lineage", async () => {
    const src = await storeImage(t, u.user.id, await makePng({ width: 320, height: 240, hue: 200 }), { prompt: "a harbour at dawn" });
    const job = await animate(src.id, { duration: 2, motion: "pan-right" });
    expect(job).toMatchObject({ operation: "image-to-video", modelId: "local/animate", parentImageId: src.id, creditsHeld: 1 });
    const done = await finished(t, u, job.id);
    expect(done.status, done.errorMessage ?? "").toBe("completed");
    expect(done.creditsCharged).toBe(1);
    const row = await imageOf(t, done);
    expect(row).toMatchObject({ mediaType: "video", format: "webp", width: 320, height: 240, parentImageId: src.id, operation: "image-to-video", durationSeconds: 2 });
    const clip = await originalBytes(t, row.filePath);
    const meta = await sharp(clip, { animated: true }).metadata();
    expect(meta.pages).toBe(16);
    expect(meta.loop).toBe(0);
    // Frames differ (the camera moves), and the file served is the clip, with its type and byte ranges.
    const first = await sharp(clip, { page: 0 }).raw().toBuffer();
    const last = await sharp(clip, { page: 15 }).raw().toBuffer();
    expect(first.equals(last)).toBe(false);
    const call = caller(t, u);
    const file = await call(`/api/images/${row.id}/file/original`);
    expect(file.headers.get("content-type")).toBe("image/webp");
    expect(Buffer.from(await file.arrayBuffer()).equals(clip)).toBe(true);
    const thumb = await call(`/api/images/${row.id}/file/thumb-256`);
    expect(thumb.status).toBe(200);
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).pages ?? 1).toBe(1);
    const detail = imageDetailSchema.parse(await (await call(`/api/images/${row.id}`)).json());
    expect(detail).toMatchObject({ mediaType: "video", durationSeconds: 2 });
    expect((await call(`/api/images/download/${row.id}`)).headers.get("content-disposition")).toMatch(/\.webp"/);
  });

  it("the gallery filters videos and images apart", async () => {
    const u2 = await signUp(t);
    const img = await storeImage(t, u2.user.id, await makePng({ hue: 30 }));
    const vid = await storeVideo(t, u2.user.id, await makePng({ hue: 60 }));
    const call = caller(t, u2);
    const videos = imageListSchema.parse(await (await call("/api/images?mediaType=video")).json());
    expect(videos.items.map((i) => [i.id, i.mediaType])).toEqual([[vid.id, "video"]]);
    const stills = imageListSchema.parse(await (await call("/api/images?mediaType=image")).json());
    expect(stills.items.map((i) => i.id)).toEqual([img.id]);
    expect((await call("/api/images?mediaType=gif")).status).toBe(400);
  });

  it("saves a frame of a video as a new image whose parent is the video; a retry with the same clientId saves once", async () => {
    const vid = await storeVideo(t, u.user.id, await makePng({ width: 200, height: 100, hue: 300 }), { prompt: "a clip", tags: ["sea"] });
    const call = caller(t, u);
    const body = { timeSeconds: 1.6, clientId: "frame-test-1" };
    const res = await call(`/api/images/${vid.id}/frames`, { body });
    expect(res.status, await res.clone().text()).toBe(201);
    const frame = imageDetailSchema.parse(await res.json());
    expect(frame).toMatchObject({ mediaType: "image", parentImageId: vid.id, operation: "video-frame", width: 200, height: 100, tags: ["sea"], costCredits: 0 });
    // 2 s at 4 fps: 1.6 s is the 7th frame (index 6).
    expect(frame.parameters).toEqual({ timeSeconds: 1.6, frameIndex: 6 });
    const clip = await originalBytes(t, vid.filePath);
    const [row] = await t.deps.database.db.select().from(images).where(eq(images.id, frame.id));
    const saved = await sharp(await originalBytes(t, row!.filePath)).removeAlpha().raw().toBuffer();
    expect(saved.equals(await sharp(clip, { page: 6 }).removeAlpha().raw().toBuffer())).toBe(true);
    const again = await call(`/api/images/${vid.id}/frames`, { body });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(frame.id);
    const lineage = (await (await call(`/api/images/${frame.id}/lineage`)).json()) as { ancestors: string[] };
    expect(lineage.ancestors).toEqual([vid.id]);
    // The video's own family tree opens too (the image page and /lineage/:id of a video), frame included.
    const ofVideo = await call(`/api/images/${vid.id}/lineage`);
    expect(ofVideo.status, await ofVideo.clone().text()).toBe(200);
    expect(((await ofVideo.json()) as { nodes: { id: string }[] }).nodes.map((n) => n.id)).toContain(frame.id);
  });

  it("refuses what makes no sense with a clear 400, and someone else's video is a 404", async () => {
    const call = caller(t, u);
    const img = await storeImage(t, u.user.id, await makePng({ hue: 10 }));
    const vid = await storeVideo(t, u.user.id, await makePng({ hue: 90 }));
    const notVideo = await call(`/api/images/${img.id}/frames`, { body: { timeSeconds: 0 } });
    expect(notVideo.status).toBe(400);
    expect(((await notVideo.json()) as { error: { message: string } }).error.message).toMatch(/not a video/);
    const late = await call(`/api/images/${vid.id}/frames`, { body: { timeSeconds: 9 } });
    expect(late.status).toBe(400);
    expect(((await late.json()) as { error: { message: string } }).error.message).toMatch(/2\.00 s long/);
    const animVideo = await call(`/api/images/${vid.id}/animate`, { body: {} });
    expect(animVideo.status).toBe(400);
    expect(((await animVideo.json()) as { error: { message: string } }).error.message).toMatch(/is a video/);
    const upscaleVideo = await call(`/api/images/${vid.id}/upscale`, { body: { scale: 2 } });
    expect(upscaleVideo.status).toBe(400);
    const tooLong = await call(`/api/images/${img.id}/animate`, { body: { duration: 8 } });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(await tooLong.json())).toMatch(/duration/);
    const other = await signUp(t);
    expect((await caller(t, other)(`/api/images/${vid.id}/frames`, { body: { timeSeconds: 0 } })).status).toBe(404);
    expect((await caller(t, other)(`/api/images/${img.id}/animate`, { body: {} })).status).toBe(404);
  });

  it("an MP4 video takes the frame the browser decoded, and checks it has the video's size", async () => {
    const call = caller(t, u);
    const vid = await storeVideo(t, u.user.id, await makePng({ width: 64, height: 64, hue: 90 }), { format: "mp4" });
    const missing = await call(`/api/images/${vid.id}/frames`, { body: { timeSeconds: 0.5 } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/captured by your browser/);
    const wrong = ((await (await upload(t, u, await makePng({ width: 32, height: 32, hue: 5 }))).json()) as { uploadId: string }).uploadId;
    const bad = await call(`/api/images/${vid.id}/frames`, { body: { timeSeconds: 0.5, uploadId: wrong } });
    expect(bad.status).toBe(400);
    const right = ((await (await upload(t, u, await makePng({ width: 64, height: 64, hue: 5 }))).json()) as { uploadId: string }).uploadId;
    const ok = await call(`/api/images/${vid.id}/frames`, { body: { timeSeconds: 0.5, uploadId: right } });
    expect(ok.status, await ok.clone().text()).toBe(201);
    expect(((await ok.json()) as { metadata: unknown }).metadata).toMatchObject({ capturedBy: "browser", frameOf: vid.id });
  });

  it("holds, charges and records the credit like other jobs", async () => {
    const src = await storeImage(t, u.user.id, await makePng({ hue: 150 }));
    const done = await finished(t, u, (await animate(src.id, { duration: 1 })).id);
    const tx = await t.deps.database.db.select().from(creditTransactions).where(eq(creditTransactions.jobId, done.id));
    expect(tx.map((r) => [r.kind, r.amount])).toEqual([["hold", -1]]);
  });
});

describe("storage usage", () => {
  let t: TestApp;
  let stop: () => Promise<void>;
  beforeAll(async () => void ({ t, stop } = await startWithWorker()));
  afterAll(() => stop());

  it("counts videos apart from images", async () => {
    const u = await signUp(t);
    const img = await storeImage(t, u.user.id, await makePng({ hue: 10 }));
    const vid = await storeVideo(t, u.user.id, await makePng({ hue: 20 }));
    const usage = (await (await caller(t, u)("/api/usage/storage")).json()) as { byMediaType: unknown };
    expect(usage.byMediaType).toEqual([
      { mediaType: "image", bytes: img.fileSize, count: 1 },
      { mediaType: "video", bytes: vid.fileSize, count: 1 },
    ]);
  });
});

describe("downloads with metadata stripping on", () => {
  let t: TestApp;
  let stop: () => Promise<void>;
  beforeAll(async () => void ({ t, stop } = await startWithWorker()));
  afterAll(() => stop());

  it("serves a video's clip whole (every frame), not a re-encoded still", async () => {
    const u = await signUp(t);
    const call = caller(t, u);
    expect((await call("/api/settings", { method: "PUT", body: { settings: { downloadMetadata: false } } })).status).toBe(200);
    const vid = await storeVideo(t, u.user.id, await makePng({ hue: 40 }));
    const res = await call(`/api/images/download/${vid.id}`);
    const body = Buffer.from(await res.arrayBuffer());
    expect((await sharp(body, { animated: true }).metadata()).pages).toBe(8);
  });
});
