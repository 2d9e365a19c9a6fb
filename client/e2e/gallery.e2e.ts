import type { ImageList } from "@image-studio/shared";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, baseURL, launch, swipe, visitorIp, watchErrors } from "./browser";
import { generateMany } from "./image-helpers";

/**
 * The gallery in a real browser against the built app. Images are made through the real generation API with
 * the local engine (no test-only seeding path).
 */

const PASSWORD = "correct horse battery staple";
const JOBS = 30; // × 4 images each = 120 images: more than one page (100), and many screens of tiles

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

async function signUp(request: APIRequestContext): Promise<void> {
  const email = `gallery-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const reg = await request.post("/api/auth/register", { data: { email, password: PASSWORD, name: "Gallery Tester" } });
  expect(reg.status(), await reg.text()).toBe(201);
  let token = "";
  for (let i = 0; i < 50 && !token; i++) {
    const box = (await (await request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`)).json()) as { items: { text: string }[] };
    token = decodeURIComponent(/[?&]token=([^\s&"<]+)/.exec(box.items[0]?.text ?? "")?.[1] ?? "");
    if (!token) await new Promise((r) => setTimeout(r, 100));
  }
  expect((await request.post("/api/auth/verify-email", { data: { token } })).ok()).toBe(true);
  const login = await request.post("/api/auth/login", { data: { email, password: PASSWORD } });
  expect(login.ok(), await login.text()).toBe(true);
}

const tiles = (page: Page) => page.locator('[data-testid="gallery-tile"]');
/** Waits for more than `min` tiles in the page (the first page of the gallery has rendered). */
const tilesShown = (page: Page, min: number) => expect.poll(() => tiles(page).count(), { timeout: 15_000 }).toBeGreaterThan(min);
const currentSlideSrc = (page: Page) => page.locator(".yarl__slide_current img").first().getAttribute("src");

describe("gallery", () => {
  let browser: Browser;
  let state: StorageState;
  let ids: string[];
  const context = async (opts: { width?: number; height?: number; touch?: boolean; colorScheme?: "light" | "dark" } = {}) => {
    const ctx = await browser.newContext({
      baseURL: baseURL(),
      storageState: state,
      viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
      hasTouch: opts.touch ?? false,
      isMobile: opts.touch ?? false,
      colorScheme: opts.colorScheme ?? "light",
    });
    ctx.setDefaultTimeout(15_000);
    return ctx;
  };
  /** A page of its own (a new context), its errors watched. */
  const open = async (opts: Parameters<typeof context>[0] = {}) => {
    const ctx = await context(opts);
    const page = await ctx.newPage();
    return { ctx, page, errors: watchErrors(page) };
  };

  beforeAll(async () => {
    browser = await launch();
    const setup = await browser.newContext({ baseURL: baseURL(), extraHTTPHeaders: { "x-forwarded-for": visitorIp() } });
    await signUp(setup.request);
    ids = await generateMany(setup.request, JOBS);
    state = await setup.storageState();
    await setup.close();
  }, 180_000);
  afterAll(() => browser?.close());

  it("scrolls through many images with a bounded number of tiles in the page", async () => {
    const { ctx, page, errors } = await open();
    await page.goto("/gallery");
    await tilesShown(page, 10);
    const first = await tiles(page).count();
    expect(first).toBeLessThan(ids.length); // virtualised: not every image is in the DOM
    // Scroll to the end: the second page loads and the last image appears.
    const lastId = ids[ids.length - 1]!;
    let maxInDom = 0;
    // The app scrolls in its <main>, not the window: wheel over the images.
    await page.mouse.move(640, 500);
    for (let i = 0; i < 40; i++) {
      await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(120);
      maxInDom = Math.max(maxInDom, await tiles(page).count());
      if (await page.locator(`[data-image-id="${lastId}"]`).count()) break;
    }
    await expect.poll(() => page.locator(`[data-image-id="${lastId}"]`).count(), { timeout: 10_000 }).toBe(1);
    expect(maxInDom).toBeLessThan(80);
    await expect.poll(() => page.getByText(`That's all ${ids.length} images.`).isVisible()).toBe(true);
    // The first tile has long left the DOM.
    expect(await page.locator(`[data-image-id="${ids[0]}"]`).count()).toBe(0);
    // Images really load (blur-up placeholder replaced by the WebP thumbnail).
    const loaded = () => page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('[data-testid="gallery-tile"] img')].filter((i) => i.complete && i.naturalWidth > 0).length);
    await expect.poll(loaded, { timeout: 10_000 }).toBeGreaterThan(5);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("lays out the masonry wall: each image at its aspect ratio in the shortest lane, none overlapping, to the last", async () => {
    const { ctx, page, errors } = await open({ width: 1024, height: 768 });
    const ratio = new Map<string, number>();
    let cursor: string | null = null;
    do {
      const list = (await (await ctx.request.get(`/api/images?limit=200${cursor ? `&cursor=${cursor}` : ""}`)).json()) as ImageList;
      for (const i of list.items) ratio.set(i.id, i.height / i.width);
      cursor = list.nextCursor;
    } while (cursor);
    await page.goto("/gallery?view=masonry");
    await tilesShown(page, 5);
    const boxes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="gallery-tile"]')].map((el) => {
          const r = el.getBoundingClientRect();
          return { id: el.dataset.imageId!, x: r.x, y: r.y, w: r.width, h: r.height, pos: Number(el.getAttribute("aria-posinset")) };
        }),
      );
    const check = (list: Awaited<ReturnType<typeof boxes>>) => {
      // Lanes of one width; each tile as tall as its image is at that width (to the pixel); no two overlap.
      for (const b of list) {
        expect(Math.abs(b.w - list[0]!.w)).toBeLessThan(1);
        expect(Math.abs(b.h - b.w * ratio.get(b.id)!)).toBeLessThanOrEqual(1);
        for (const o of list) if (o !== b) expect(b.x + b.w <= o.x + 1 || o.x + o.w <= b.x + 1 || b.y + b.h <= o.y + 1 || o.y + o.h <= b.y + 1).toBe(true);
      }
      // The page's order (and so the reading order) is the gallery's.
      expect(list.map((b) => b.pos)).toEqual(list.map((b) => b.pos).sort((x, y) => x - y));
    };
    const first = await boxes();
    check(first);
    // Three shapes side by side in several lanes: not a grid of squares.
    expect(new Set(first.map((b) => Math.round(b.x))).size).toBeGreaterThan(2);
    expect(new Set(first.map((b) => Math.round(b.h))).size).toBe(3);
    // Down to the end: the next page joins the wall and its last image appears; the wall stays virtualised.
    const lastId = ids[ids.length - 1]!;
    let maxInDom = 0;
    for (let i = 0; i < 80 && !(await page.locator(`[data-image-id="${lastId}"]`).count()); i++) {
      await page.evaluate(() => document.querySelector("[data-scroll-root]")!.scrollBy({ top: 600, behavior: "instant" }));
      await page.waitForTimeout(50);
      maxInDom = Math.max(maxInDom, await tiles(page).count());
    }
    await expect.poll(() => page.locator(`[data-image-id="${lastId}"]`).count(), { timeout: 10_000 }).toBe(1);
    expect(maxInDom).toBeLessThan(60);
    expect(await page.locator(`[data-image-id="${ids[0]}"]`).count()).toBe(0);
    check(await boxes());
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("draws a flung wall as one-element placeholders, and the real tiles as soon as it stops", async () => {
    for (const view of ["grid", "masonry", "list"]) {
      const { ctx, page, errors } = await open();
      await page.goto(`/gallery?view=${view}`);
      await tilesShown(page, 5);
      // Most of a screen every frame (a flick, a scroll-bar drag) down to the end and back up to the top.
      const flung = await page.evaluate(
        () =>
          new Promise<{ placeholders: number; tilesWhileFlung: number }>((resolve) => {
            const root = document.querySelector<HTMLElement>("[data-scroll-root]")!;
            let placeholders = 0;
            let tilesWhileFlung = 0;
            let down = true;
            let frames = 0;
            const step = () => {
              const p = document.querySelectorAll('[data-testid="gallery-placeholder"]').length;
              placeholders = Math.max(placeholders, p);
              if (p)
                tilesWhileFlung = Math.max(
                  tilesWhileFlung,
                  document.querySelectorAll('[data-testid="gallery-tile"]').length,
                );
              if (down && root.scrollTop + root.clientHeight >= root.scrollHeight - 4) down = false;
              if ((!down && root.scrollTop === 0) || ++frames > 600) return resolve({ placeholders, tilesWhileFlung });
              root.scrollBy({ top: (down ? 0.75 : -0.75) * root.clientHeight, behavior: "instant" });
              requestAnimationFrame(step);
            };
            requestAnimationFrame(step);
          }),
      );
      expect(flung.placeholders).toBeGreaterThan(0);
      expect(flung.tilesWhileFlung).toBe(0);
      // Stopped at the top: real tiles, the first image among them, no placeholder left; its thumbnail loads.
      await expect.poll(() => page.locator(`[data-testid="gallery-tile"][data-image-id="${ids[0]}"]`).count()).toBe(1);
      expect(await page.locator('[data-testid="gallery-placeholder"]').count()).toBe(0);
      await expect
        .poll(
          () =>
            page.evaluate((id) => {
              const img = document.querySelector<HTMLImageElement>(`[data-image-id="${id}"] img`);
              return Boolean(img?.complete && img.naturalWidth > 0);
            }, ids[0]!),
          { timeout: 10_000 },
        )
        .toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await ctx.close();
    }
  });

  it("opens the lightbox and follows touch swipes: left, right, and down to close", async () => {
    const { ctx, page, errors } = await open({ width: 390, height: 844, touch: true });
    await page.goto("/gallery");
    await tilesShown(page, 3);
    await page.locator(`[data-image-id="${ids[0]}"] button`).first().tap();
    await expect.poll(() => currentSlideSrc(page)).toContain(ids[0]!);
    const cdp = await ctx.newCDPSession(page);
    await swipe(cdp, 300, 420, -220, 0);
    await expect.poll(() => currentSlideSrc(page)).toContain(ids[1]!);
    await swipe(cdp, 300, 420, -220, 0);
    await expect.poll(() => currentSlideSrc(page)).toContain(ids[2]!);
    await swipe(cdp, 90, 420, 220, 0);
    await expect.poll(() => currentSlideSrc(page)).toContain(ids[1]!);
    await swipe(cdp, 200, 300, 0, 260);
    await expect.poll(() => page.locator(".yarl__container").count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("opens at the top on a fresh visit, a new page at its top, and Back where the gallery was left", async () => {
    const { ctx, page, errors } = await open();
    const scrollTop = () => page.evaluate(() => document.querySelector<HTMLElement>("[data-scroll-root]")!.scrollTop);
    await page.goto("/gallery");
    await tilesShown(page, 10);
    expect(await scrollTop()).toBe(0);
    await page.evaluate(() => document.querySelector<HTMLElement>("[data-scroll-root]")!.scrollTo({ top: 1500, behavior: "instant" }));
    await expect.poll(scrollTop).toBe(1500);
    // Client-side to another page (the side bar's link: a click on one in <main> would scroll it into view first).
    await page.locator("aside").getByRole("link", { name: "Collections", exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/collections");
    await expect.poll(scrollTop).toBe(0);
    // Back: the gallery where it was.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/gallery");
    await expect.poll(scrollTop).toBe(1500);
    // A reload: there too.
    await page.reload();
    await tilesShown(page, 10);
    await expect.poll(scrollTop).toBe(1500);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("sorts from the toolbar's menu, with the mouse and with the keyboard", async () => {
    const { ctx, page, errors } = await open({ width: 390, height: 844, touch: true });
    await page.goto("/gallery?view=list");
    await tilesShown(page, 3);
    const firstId = () => tiles(page).first().getAttribute("data-image-id");
    expect(await firstId()).toBe(ids[0]);
    const sort = page.getByRole("combobox", { name: "Sort by" });
    await expect.poll(() => sort.textContent()).toBe("Newest first");
    // Its items mount on first open (not with the page): the menu still lists every order and marks the current one.
    await sort.click();
    const menu = page.getByRole("listbox");
    await expect.poll(() => menu.getByRole("option").allTextContents()).toEqual(["Newest first", "Oldest first", "Highest rated", "Prompt A–Z", "Prompt Z–A", "Model"]);
    expect(await menu.getByRole("option", { name: "Newest first" }).getAttribute("aria-selected")).toBe("true");
    await menu.getByRole("option", { name: "Oldest first" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("order")).toBe("asc");
    await expect.poll(firstId).toBe(ids[ids.length - 1]);
    await expect.poll(() => sort.textContent()).toBe("Oldest first");
    // The keyboard: open, move up one, choose.
    await sort.focus();
    await page.keyboard.press("Enter");
    // Open, it focuses the current order.
    await expect.poll(() => menu.getByRole("option", { name: "Oldest first" }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => menu.getByRole("option", { name: "Newest first" }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => sort.textContent()).toBe("Newest first");
    await expect.poll(firstId).toBe(ids[0]);
    // A fresh page, the menu never opened: typing on the focused menu picks the order whose name starts so.
    await page.reload();
    await tilesShown(page, 3);
    await sort.focus();
    await page.keyboard.press("h");
    await expect.poll(() => sort.textContent()).toBe("Highest rated");
    await expect.poll(() => new URL(page.url()).searchParams.get("sort")).toBe("rating");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("selects with click and shift-click, deletes, and restores from the trash", async () => {
    const { ctx, page, errors } = await open();
    await page.goto("/gallery");
    await tilesShown(page, 3);
    const chosen = ids.slice(0, 3);
    const checkbox = (id: string) => page.locator(`[data-image-id="${id}"]`).getByRole("checkbox");
    await page.locator(`[data-image-id="${chosen[0]}"]`).hover();
    await checkbox(chosen[0]!).click();
    await checkbox(chosen[2]!).click({ modifiers: ["Shift"] });
    await expect.poll(() => page.getByText("3 selected").isVisible()).toBe(true);
    await page.getByRole("toolbar", { name: "Selected images" }).getByRole("button", { name: /Delete/ }).click();
    await expect.poll(() => page.getByText("Moved 3 images to the trash").isVisible()).toBe(true);
    for (const id of chosen) expect(await page.locator(`[data-image-id="${id}"]`).count()).toBe(0);

    await page.getByRole("navigation", { name: "Gallery views" }).getByRole("link", { name: "Trash" }).click();
    await expect.poll(() => tiles(page).count(), { timeout: 10_000 }).toBe(3);
    await page.locator("main h1").click(); // focus the page, not an input
    await page.keyboard.press("ControlOrMeta+a");
    await expect.poll(() => page.getByText("3 selected").isVisible()).toBe(true);
    await page.getByRole("toolbar", { name: "Selected images" }).getByRole("button", { name: "Restore" }).click();
    await expect.poll(() => page.getByText("Restored 3 images").isVisible()).toBe(true);
    await expect.poll(() => tiles(page).count()).toBe(0);
    await expect.poll(() => page.getByRole("heading", { name: "The trash is empty" }).isVisible()).toBe(true);

    await page.getByRole("navigation", { name: "Gallery views" }).getByRole("link", { name: "All images" }).click();
    for (const id of chosen) await expect.poll(() => page.locator(`[data-image-id="${id}"]`).count(), { timeout: 10_000 }).toBe(1);
    const api = (await (await ctx.request.get(`/api/images/${chosen[1]}`)).json()) as { deletedAt: string | null };
    expect(api.deletedAt).toBeNull();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("shows an image page with metadata, zoom and a link that reuses the settings", async () => {
    const { ctx, page, errors } = await open();
    await page.goto(`/images/${ids[5]}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 10_000 }).toContain("e2e scene");
    await expect.poll(() => page.getByText("local/sketch-fast").first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("button", { name: "Zoom in" }).isVisible()).toBe(true);
    const use = page.getByRole("link", { name: "Use these settings" });
    const href = (await use.getAttribute("href")) ?? "";
    expect(href).toContain("/studio?");
    expect(decodeURIComponent(href)).toContain("modelId");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
