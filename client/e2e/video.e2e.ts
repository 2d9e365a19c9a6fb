import type { ImageDetail, ImageList, Lineage } from "@image-studio/shared";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { launch, newContext, watchErrors } from "./browser";
import { generateImage } from "./image-helpers";

/**
 * Animation in a real browser, on the local engine (no FAL_KEY): Animate an image from its page → the clip plays
 * on its own image page → a frame is saved → the frame is a new image, the video's child in the lineage, and the
 * gallery's "Videos" filter shows the video alone.
 */

/** Polls the API until `read` answers something truthy (jobs run on the same cores as the browser). */
async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 480; i++) {
    const value = await read();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen in time`);
}

async function videos(request: APIRequestContext): Promise<ImageList["items"]> {
  return ((await (await request.get("/api/images?mediaType=video&limit=10")).json()) as ImageList).items;
}

describe("video", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let imageId: string;
  let videoId: string;

  beforeAll(async () => {
    browser = await launch();
    context = await newContext(browser);
    await signUpInContext(context, "Video Tester");
    imageId = await generateImage(context.request, "e2e: a paper boat on a pond");
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("animates an image on the local engine from its page", { timeout: 180_000 }, async () => {
    await page.goto(`/images/${imageId}`);
    await page.getByRole("button", { name: "Animate" }).first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("Model").inputValue()).resolves.toBe("local/animate");
    await dialog.getByLabel("Camera").selectOption("pan-right");
    await dialog.getByRole("button", { name: "Animate" }).click();
    await page.getByText("Animation queued").waitFor();

    const video = await until(async () => (await videos(context.request))[0], "the animation");
    videoId = video.id;
    expect(video).toMatchObject({ mediaType: "video", format: "webp", parentImageId: imageId });
  });

  it("plays the clip on the video's image page", { timeout: 60_000 }, async () => {
    await page.goto(`/images/${videoId}`);
    const clip = page.getByRole("img", { name: /paper boat/ }).first();
    await clip.waitFor();
    // The animated WebP itself (not the still poster) is what plays, decoded by the browser.
    await expect.poll(() => clip.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.currentSrc)).toMatch(/\/original/);
    await page.getByText("Animated WebP from the local engine (not AI)").waitFor();
    await page.getByRole("button", { name: "Pause" }).click();
    await expect.poll(() => clip.evaluate((img: HTMLImageElement) => img.currentSrc)).not.toMatch(/\/original/);
    await page.getByRole("button", { name: "Play" }).click();
    await page.screenshot({ path: "/tmp/video-page-1280-light.png" });
  });

  it("saves a frame that lands in the gallery as the video's child", { timeout: 90_000 }, async () => {
    const scrubber = page.getByRole("slider", { name: "Frame time in seconds" });
    await scrubber.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const at = Number(await scrubber.inputValue());
    expect(at).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Save frame" }).click();
    await page.getByText(/Frame at .* saved/).waitFor();

    const tree = await until(async () => {
      const t = (await (await context.request.get(`/api/images/${videoId}/lineage`)).json()) as Lineage;
      return t.nodes.some((n) => n.operation === "video-frame") ? t : undefined;
    }, "the frame in the lineage");
    const frame = tree.nodes.find((n) => n.operation === "video-frame")!;
    expect(frame.parentImageId).toBe(videoId);
    const detail = (await (await context.request.get(`/api/images/${frame.id}`)).json()) as ImageDetail;
    expect(detail).toMatchObject({ mediaType: "image", parentImageId: videoId });

    await page.goto("/gallery");
    await page.locator(`[data-testid="gallery-tile"][data-image-id="${frame.id}"]`).waitFor();
    await page.goto(`/lineage/${videoId}`);
    await page.getByRole("treeitem", { name: /^video-frame: / }).waitFor();
  });

  it("shows only the video under the gallery's Videos filter", { timeout: 60_000 }, async () => {
    await page.goto("/gallery?media=video");
    const tiles = page.locator('[data-testid="gallery-tile"]');
    await tiles.first().waitFor();
    await expect.poll(() => tiles.evaluateAll((els) => els.map((e) => e.getAttribute("data-image-id")))).toEqual([videoId]);
    await tiles.first().getByText("Video").waitFor();
  });

  it("plays the video in the gallery lightbox, without the image-only quick tools", { timeout: 60_000 }, async () => {
    await page.goto("/gallery?media=video");
    await page.locator(`[data-testid="gallery-tile"][data-image-id="${videoId}"]`).click();
    const slide = page.locator(".yarl__slide_current img");
    await slide.waitFor();
    await expect.poll(() => slide.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.currentSrc)).toMatch(new RegExp(`/api/images/${videoId}/file/original$`));
    await page.getByRole("button", { name: "Close viewer" }).waitFor();
    expect(await page.getByRole("button", { name: "Variation" }).count()).toBe(0);
    await page.screenshot({ path: "/tmp/video-lightbox-1280-light.png" });
    await page.keyboard.press("Escape");
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  it("plays a shared video for a stranger, even when downloads are off", { timeout: 90_000 }, async () => {
    const res = await context.request.post(`/api/share/image/${videoId}`, { data: { allowDownload: false } });
    expect(res.status(), await res.text()).toBe(201);
    const { token } = (await res.json()) as { token: string };
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of [390, 1280]) {
        const stranger = await newContext(browser, { width, height: 844, colorScheme });
        const view = await stranger.newPage();
        const viewErrors = watchErrors(view);
        await view.goto(`/s/${token}`);
        const clip = view.locator("figure img");
        await expect.poll(() => clip.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.currentSrc)).toMatch(new RegExp(`/files/${videoId}/video$`));
        await view.getByText(/^Video · 0:02/).waitFor();
        expect(await view.getByRole("link", { name: /Download/ }).count()).toBe(0);
        await view.screenshot({ path: `/tmp/video-share-${width}-${colorScheme}.png` });
        expect(viewErrors).toEqual([]);
        await stranger.close();
      }
    }
  });
});
