import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ImageList, ImportResult } from "@image-studio/shared";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { launch, newContext, watchErrors } from "./browser";
import { storedZip } from "./zip";

/**
 * An MP4 (what fal's Kling returns) playing on its image page in Chromium. The browser tier runs the local engine
 * (no fal), so the MP4 comes in the way a user would bring one: an account archive with the clip and its poster,
 * imported through /api/account/import. The clip is server/test/fixtures/tiny-h264.mp4 (H.264, 64×48, 1 s; its
 * origin is in server/test/fixtures/video.ts).
 */
const MP4 = readFileSync(path.resolve("server/test/fixtures/tiny-h264.mp4"));

/** A WebP poster drawn by the browser itself (the e2e tier has no image library). */
async function posterWebp(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement("canvas");
    c.width = 64;
    c.height = 48;
    const g = c.getContext("2d")!;
    g.fillStyle = "#2a6f97";
    g.fillRect(0, 0, 64, 48);
    g.fillStyle = "#f4d35e";
    g.fillRect(16, 12, 32, 24);
    return c.toDataURL("image/webp");
  });
  return Buffer.from(dataUrl.split(",")[1]!, "base64");
}

function archive(poster: Buffer): Buffer {
  const id = randomUUID();
  const manifest = {
    format: "image-studio-archive/v1",
    exportedAt: new Date().toISOString(),
    settings: null,
    projects: [],
    collections: [],
    prompts: [],
    images: [
      {
        id,
        file: `images/${id}.mp4`,
        mediaType: "video",
        durationSeconds: 1,
        poster: `posters/${id}.webp`,
        projectId: null,
        parentImageId: null,
        prompt: "e2e: a test pattern in motion",
        negativePrompt: "",
        modelId: "fal-ai/kling-video/v2.1/standard/image-to-video",
        modelVersion: null,
        parameters: {},
        generationTime: null,
        costCredits: 0,
        operation: "image-to-video",
        isFavorite: false,
        rating: null,
        tags: [],
        notes: "",
        altText: "A test pattern in motion",
        metadata: { video: { frameCount: null, fps: null, posterFromSource: true } },
        createdAt: new Date().toISOString(),
      },
    ],
  };
  return storedZip({
    "manifest.json": Buffer.from(JSON.stringify(manifest)),
    [`images/${id}.mp4`]: MP4,
    [`posters/${id}.webp`]: poster,
  });
}

describe("MP4 playback", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let videoId: string;

  beforeAll(async () => {
    browser = await launch();
    context = await newContext(browser);
    await signUpInContext(context, "MP4 Tester");
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("imports an archive holding an MP4 and its poster", async () => {
    await page.goto("/gallery");
    const res = await context.request.post("/api/account/import", {
      multipart: { file: { name: "archive.zip", mimeType: "application/zip", buffer: archive(await posterWebp(page)) } },
    });
    expect(res.status(), await res.text()).toBe(201);
    expect((await res.json()) as ImportResult).toMatchObject({ images: 1, skipped: [] });
    const list = (await (await context.request.get("/api/images?mediaType=video&limit=10")).json()) as ImageList;
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ mediaType: "video", format: "mp4", width: 64, height: 48 });
    videoId = list.items[0]!.id;
  });

  it("Chromium plays the MP4 on its image page: poster shown, metadata decoded, byte ranges answered 206", { timeout: 60_000 }, async () => {
    const media: Response[] = [];
    page.on("response", (r) => {
      if (r.url().endsWith(`/api/images/${videoId}/file/original`)) media.push(r);
    });
    await page.goto(`/images/${videoId}`);
    const video = page.getByLabel("A test pattern in motion").and(page.locator("video"));
    await video.waitFor();
    // The poster is the imported still, served as the preview variant.
    const poster = await video.getAttribute("poster");
    expect(poster).toMatch(new RegExp(`/api/images/${videoId}/file/preview`));
    const posterRes = await context.request.get(poster!);
    expect(posterRes.status()).toBe(200);
    expect(posterRes.headers()["content-type"]).toBe("image/webp");
    // Metadata loads (preload="metadata"): the browser knows the length and the picture size.
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => ({ ready: v.readyState >= 1, duration: v.duration, width: v.videoWidth })))
      .toEqual({ ready: true, duration: 1, width: 64 });
    // Playing decodes frames: current data is there and time moves.
    await video.evaluate((v: HTMLVideoElement) => v.play());
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.currentTime > 0 && !v.error)).toBe(true);
    // Chromium fetched the clip with Range requests, answered 206 with the clip's type.
    expect(media.length).toBeGreaterThan(0);
    expect(media.some((r) => r.status() === 206)).toBe(true);
    for (const r of media) expect(r.headers()["content-type"]).toBe("video/mp4");
    await page.screenshot({ path: "/tmp/video-mp4-1280-light.png" });
    expect(errors).toEqual([]);
  });
});
