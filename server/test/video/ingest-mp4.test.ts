import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { images } from "../../src/db/schema";
import { insertImages, storeOutputs } from "../../src/jobs/ingest";
import type { JobRow } from "../../src/jobs/queue.repo";
import { createTestApp, signUp, type TestApp } from "../harness";
import { TINY_MP4 } from "../fixtures/video";
import { caller, makePng, storeImage } from "../images/fixtures";

/** An MP4 result (fal's Kling) stored by ingest: the clip is the original, the poster (its source image) gives the variants. */
describe("ingesting an MP4 video", () => {
  let t: TestApp;
  beforeAll(async () => void (t = await createTestApp()));
  afterAll(() => t.close());

  it("stores the clip with its type, the variants from the source image, and the row as a video", async () => {
    const u = await signUp(t);
    const src = await storeImage(t, u.user.id, await makePng({ width: 64, height: 48, hue: 120 }));
    const job = {
      id: randomUUID(),
      userId: u.user.id,
      projectId: null,
      prompt: "a kite in wind",
      negativePrompt: "",
      modelId: "fal-ai/kling-video/v2.1/standard/image-to-video",
      operation: "image-to-video",
      parentImageId: src.id,
      provider: "fal",
      parameters: { duration: 5 },
      inputs: { sourceImageId: src.id },
    } as unknown as JobRow;
    const result = { images: [{ data: TINY_MP4, contentType: "video/mp4", width: 64, height: 48, video: { format: "mp4" as const, durationSeconds: 1 } }], seed: 7 };
    const outputs = await storeOutputs(t.deps, job, result);
    await insertImages(t.deps.database.db, job, outputs, result, 5);
    const [row] = await t.deps.database.db.select().from(images).where(eq(images.id, outputs[0]!.imageId));
    expect(row).toMatchObject({ mediaType: "video", format: "mp4", width: 64, height: 48, durationSeconds: 1, fileSize: TINY_MP4.length, parentImageId: src.id });
    expect(row!.filePath).toMatch(/original\.mp4$/);
    expect(row!.metadata.video).toEqual({ frameCount: null, fps: null, posterFromSource: true });
    const call = caller(t, u);
    const file = await call(`/api/images/${row!.id}/file/original`);
    expect(file.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await file.arrayBuffer()).equals(TINY_MP4)).toBe(true);
    const poster = await call(`/api/images/${row!.id}/file/thumb-256`);
    expect(poster.status).toBe(200);
    expect(poster.headers.get("content-type")).toBe("image/webp");
  });
});
