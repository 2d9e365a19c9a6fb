import type { APIRequestContext, Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, baseURL, launch, visitorIp, watchErrors } from "./browser";

/**
 * The app's layout at the sizes people use: the document never scrolls past the viewport on desktops and tablets
 * (only panels do), the image page on a phone, and the tablet layouts with 44 px touch targets.
 */

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000, interval: 100 });
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function generate(request: APIRequestContext, prompts: string[]): Promise<string[]> {
  for (const prompt of prompts) {
    const res = await request.post("/api/generate/text-to-image", {
      data: {
        prompt,
        modelId: "local/sketch",
        parameters: { numImages: 1, aspectRatio: "1:1", steps: 4, sampler: "euler_a" },
      },
    });
    expect(res.status(), await res.text()).toBe(202);
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    const page = (await (await request.get("/api/images?limit=50")).json()) as { items: { id: string }[] };
    if (page.items.length >= prompts.length) return page.items.map((i) => i.id);
    if (Date.now() > deadline) throw new Error(`only ${page.items.length} images were generated in time`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** How far the document itself can scroll (0 when only panels scroll). */
const documentOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);

async function swipe(cdp: CDPSession, x: number, y: number, dx: number) {
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x, y }] });
  for (let i = 1; i <= 8; i++)
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: x + (dx * i) / 8, y }] });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

const APP_PAGES = [
  "/dashboard",
  "/studio",
  "/image-to-image",
  "/gallery",
  "/favorites",
  "/trash",
  "/compare",
  "/projects",
  "/collections",
  "/prompts",
  "/queue",
  "/settings",
  "/duplicates",
];

describe("layout", () => {
  let browser: Browser;
  let state: StorageState;
  let ids: string[];
  const open = async (width: number, height: number, touch = false) => {
    const ctx = await browser.newContext({
      baseURL: baseURL(),
      storageState: state,
      viewport: { width, height },
      hasTouch: touch,
      isMobile: touch,
      extraHTTPHeaders: { "x-forwarded-for": visitorIp() },
    });
    ctx.setDefaultTimeout(15_000);
    return ctx;
  };

  beforeAll(async () => {
    browser = await launch();
    const setup = await browser.newContext({
      baseURL: baseURL(),
      extraHTTPHeaders: { "x-forwarded-for": visitorIp() },
    });
    await signUpInContext(setup, "Layout Tester");
    ids = await generate(setup.request, [
      "layout: a red kite over dunes",
      "layout: a blue whale in fog",
      "layout: a green fern at dawn",
    ]);
    state = await setup.storageState();
    await setup.close();
  }, 120_000);
  afterAll(() => browser?.close());

  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
  ] as const) {
    it(`keeps the studio in the viewport at ${width}×${height}: only its panels scroll`, async () => {
      const ctx = await open(width, height);
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto("/studio");
      const controls = page.getByRole("complementary", { name: "Generation controls" });
      await controls.waitFor();
      // The local engine has a sampler (a select whose hidden native <select> used to stretch the page).
      await controls.getByRole("combobox", { name: "Model" }).click();
      await page.locator('[role="option"][data-value^="Local sketch local/sketch "]').click();
      await controls.getByRole("combobox", { name: "Sampler" }).waitFor();
      await poll(() => documentOverflow(page)).toBeLessThanOrEqual(0);
      // Wheel over the controls, then the results; focus the last control: the app stays where it is.
      const box = (await controls.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, 3000);
      await controls.getByRole("combobox", { name: "Sampler" }).focus();
      await page.mouse.move(box.x + box.width + 100, box.y + 200);
      await page.mouse.wheel(0, 3000);
      await poll(() => page.evaluate(() => window.scrollY)).toBe(0);
      expect(await documentOverflow(page)).toBeLessThanOrEqual(0);
      const top = await page.getByRole("banner").boundingBox();
      expect(top?.y).toBe(0);
      expect((await controls.boundingBox())!.height).toBeLessThanOrEqual(height);
      expect(errors).toEqual([]);
      await ctx.close();
    }, 60_000);

    it(`never scrolls the document of any app page at ${width}×${height}`, async () => {
      const ctx = await open(width, height);
      const page = await ctx.newPage();
      for (const path of [...APP_PAGES, `/images/${ids[0]}`]) {
        await page.goto(path);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        await poll(async () => `${path}: ${await documentOverflow(page)}`).toBe(`${path}: 0`);
      }
      await ctx.close();
    }, 120_000);
  }

  it("shows the picture first on a phone, a compact action bar, labelled parameters, and swipes to neighbours", async () => {
    const ctx = await open(390, 844, true);
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto("/gallery");
    await page.locator('[data-testid="gallery-tile"]').first().waitFor();
    await page.goto(`/images/${ids[1]}`);
    const viewer = page.locator("main img.yarl__slide_image").first();
    await viewer.waitFor();
    const picture = (await viewer.boundingBox())!;
    // The whole picture is on screen, above every action.
    expect(picture.y + picture.height).toBeLessThanOrEqual(844);
    const actions = page.getByRole("group", { name: "Image actions" });
    expect((await actions.boundingBox())!.y).toBeGreaterThanOrEqual(picture.y + picture.height - 1);
    expect((await actions.boundingBox())!.height).toBeLessThanOrEqual(60);
    // Rare actions wait in the overflow menu.
    await actions.getByRole("button", { name: "More actions" }).click();
    const more = page.getByRole("dialog", { name: "More actions" });
    await poll(() => more.getByRole("button", { name: "Delete" }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await poll(() => more.count()).toBe(0);
    // Parameters are labelled as in the studio, not with their raw keys.
    const details = page.getByRole("complementary", { name: "Image details" });
    await poll(() => details.getByText("Aspect ratio", { exact: true }).count()).toBe(1);
    expect(await details.getByText("aspectRatio", { exact: true }).count()).toBe(0);
    expect(await details.getByText("Sampler", { exact: true }).count()).toBe(1);
    // Swipe left: the next image in the gallery; right: back.
    const cdp = await ctx.newCDPSession(page);
    const mid = { x: picture.x + picture.width / 2, y: picture.y + picture.height / 2 };
    await swipe(cdp, mid.x + 100, mid.y, -200);
    await poll(() => new URL(page.url()).pathname).toBe(`/images/${ids[2]}`);
    await page.locator("main img.yarl__slide_image").first().waitFor();
    await swipe(cdp, mid.x - 100, mid.y, 200);
    await poll(() => new URL(page.url()).pathname).toBe(`/images/${ids[1]}`);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it("uses a tablet's space at 768×1024: two-pane studio, four-across grid, a panel for the selected image, 44 px targets", async () => {
    const tablet = await browser.newContext({ baseURL: baseURL(), storageState: state, viewport: { width: 768, height: 1024 }, hasTouch: true, extraHTTPHeaders: { "x-forwarded-for": visitorIp() } });
    tablet.setDefaultTimeout(15_000);
    const page = await tablet.newPage();
    const errors = watchErrors(page);
    await page.goto("/studio");
    // Both panes at once: the settings beside the results, no "Open settings" sheet.
    await page.getByRole("complementary", { name: "Generation controls" }).waitFor();
    await page.getByRole("heading", { name: "Studio" }).waitFor();
    expect(await smallTargets(page)).toEqual([]);
    await page.goto("/gallery");
    const tiles = page.locator('[data-testid="gallery-tile"]');
    await tiles.first().waitFor();
    const grid = (await page.getByRole("list", { name: "Images" }).boundingBox())!;
    const tile = (await tiles.first().boundingBox())!;
    expect(tile.width * 4).toBeLessThanOrEqual(grid.width); // at least four across
    expect(await smallTargets(page)).toEqual([]);
    // Select one image: its panel opens beside the grid and leads to the image page.
    await tiles.first().hover();
    await tiles.first().getByRole("checkbox").click();
    const panel = page.getByRole("complementary", { name: "Selected image" });
    await panel.waitFor();
    expect((await panel.boundingBox())!.x).toBeGreaterThan(grid.x);
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await panel.getByRole("link", { name: "Open image page" }).click();
    await poll(() => new URL(page.url()).pathname).toBe(`/images/${ids[0]}`);
    await page.locator("main img.yarl__slide_image").first().waitFor();
    // The image page puts the picture first here too, its actions in one compact bar under it.
    const picture = (await page.locator("main img.yarl__slide_image").first().boundingBox())!;
    const bar = (await page.getByRole("group", { name: "Image actions" }).boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(picture.y + picture.height - 1);
    expect(bar.height).toBeLessThanOrEqual(60);
    expect(await smallTargets(page)).toEqual([]);
    expect(errors).toEqual([]);
    await tablet.close();
  }, 60_000);
});

/**
 * Interactive elements on screen smaller than 44 × 44 px (a control's invisible ::after hit area counts). Inline
 * text links and visually hidden skip links are exempt, as WCAG 2.5.8 allows.
 */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const selector =
      'button, a[href], [role="button"], [role="combobox"], [role="tab"], [role="checkbox"], [role="switch"], [role="radio"], [role="slider"], input:not([type="hidden"]), textarea, select';
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.closest('[aria-hidden="true"], .sr-only')) continue;
      if (el.tabIndex < 0 && el.getAttribute("role") !== "slider") continue;
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || r.bottom <= 0 || r.top >= innerHeight) continue;
      if (el.matches("a") && getComputedStyle(el).display === "inline") continue;
      const after = getComputedStyle(el, "::after");
      const hit = after.position === "absolute" ? [parseFloat(after.width) || 0, parseFloat(after.height) || 0] : [0, 0];
      const w = Math.max(r.width, hit[0]!);
      const h = Math.max(r.height, hit[1]!);
      if (w < 43.5 || h < 43.5) out.push(`${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 30)} (${Math.round(w)}×${Math.round(h)})`);
    }
    return out;
  });
}
