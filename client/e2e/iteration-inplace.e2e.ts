import type { MeResponse } from "@image-studio/shared";
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";
import { generateImage } from "./image-helpers";

/**
 * Iterations report in place, like the studio: progress on the image page, in the lightbox and on the
 * image-to-image page, then a link to each new image; the studio's result tiles iterate too, and the header's
 * credit balance follows.
 */

// Generous: the local engine renders on the same two cores as the browser and the server.
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 60_000, interval: 100 });

const serverBalance = async (request: APIRequestContext) => ((await (await request.get("/api/auth/session")).json()) as MeResponse).user.creditsBalance;
const headerBalance = async (page: Page) => Number((await page.getByTitle("Credit balance").innerText()).replace(/\D/g, ""));
const panel = (page: Page) => page.getByRole("region", { name: "Iterations of this image" });

/** The in-place row shows the studio's progress or status, then links to the new images. */
async function expectNewImages(scope: Locator, label: RegExp, count: number) {
  const link = scope.getByRole("link", { name: label });
  await poll(() => link.count()).toBe(count);
  await poll(() => link.first().locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
}

describe("iteration results in place", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let imageId: string;
  beforeAll(async () => {
    browser = await launch();
    context = await newContext(browser);
    await signUpInContext(context, "In-place Tester");
    imageId = await generateImage(context.request, "e2e: a lighthouse on a cliff");
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows a variation's progress and new images on the image page; the header balance follows", { timeout: 120_000 }, async () => {
    await page.goto(`/images/${imageId}`);
    await page.getByRole("button", { name: "Variation", exact: true }).click();
    const row = panel(page).getByTestId("iteration-job");
    await row.getByText("Variation", { exact: true }).waitFor();
    await expectNewImages(row, /^Open new image \d of 2 \(variation\)$/, 2);
    await row.getByText("Done", { exact: true }).waitFor();
    expect(await row.getByRole("progressbar").count()).toBe(0);
    // Credits were held and charged: the header shows the server's balance without a reload.
    await poll(async () => (await headerBalance(page)) === (await serverBalance(context.request))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole("link", { name: "Open new image 1 of 2 (variation)" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/images/") && !url.pathname.endsWith(imageId));
  });

  it("shows an upscale's result in the gallery lightbox", { timeout: 120_000 }, async () => {
    await page.goto("/gallery");
    await page.locator('[data-testid="gallery-tile"]').first().click();
    await page.getByRole("button", { name: "Upscale 2×" }).click();
    await expectNewImages(panel(page), /^Open new image 1 of 1 \(upscale\)$/, 1);
    await panel(page).getByRole("link", { name: "Open new image 1 of 1 (upscale)" }).click();
    await page.waitForURL((url) => url.pathname.startsWith("/images/"));
  });

  it("shows an image-to-image result on its page", { timeout: 120_000 }, async () => {
    await page.goto(`/image-to-image?image=${imageId}`);
    await page.getByRole("textbox", { name: "Prompt" }).fill("e2e: the same lighthouse in snow");
    await page.getByRole("button", { name: "Generate from this picture" }).click();
    await expectNewImages(page.getByRole("region", { name: "Iterations of this image" }), /^Open new image 1 of 1 \(image to image\)$/, 1);
  });

  it("iterates from a studio result tile: the new job joins the results", { timeout: 120_000 }, async () => {
    await page.goto(`/studio?modelId=local/sketch-fast&prompt=${encodeURIComponent("e2e: a paper boat")}`);
    const controls = page.getByRole("complementary", { name: "Generation controls" });
    await controls.getByRole("button", { name: /^Generate/ }).click();
    const cards = page.getByRole("article");
    const image = cards.first().getByRole("img", { name: /1 of 1: e2e: a paper boat/ });
    await image.waitFor({ timeout: 30_000 });
    await image.hover();
    await cards.first().getByRole("button", { name: "Iterate on image 1" }).click();
    await page.getByRole("menuitem", { name: "Remove background" }).click();
    await poll(() => cards.count()).toBe(2);
    await cards.first().getByText("Done", { exact: true }).waitFor({ timeout: 30_000 });
    await poll(async () => (await headerBalance(page)) === (await serverBalance(context.request))).toBe(true);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
