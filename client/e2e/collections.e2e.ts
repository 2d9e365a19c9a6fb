import type { CollectionDetail, ImageList, Project } from "@image-studio/shared";
import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { axeViolations, launch, newContext, watchErrors } from "./browser";

/**
 * A collection's board as people use it: click, tap or Enter opens an image (online and offline), a quick
 * preview opens the lightbox, and a mouse drag reorders the board or lands on the side bar's projects and
 * collections without scrolling the window.
 */

async function generate(request: APIRequestContext, count: number): Promise<string[]> {
  const res = await request.post("/api/generate/text-to-image", {
    data: { prompt: "e2e collection: a copper kettle", modelId: "local/sketch-fast", parameters: { numImages: count, width: 256, height: 256 } },
  });
  expect(res.status(), await res.text()).toBe(202);
  for (let i = 0; i < 240; i++) {
    const page = (await (await request.get("/api/images?limit=50")).json()) as ImageList;
    if (page.items.length >= count) return page.items.map((i) => i.id);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("images were not generated in time");
}

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const tile = (page: Page, id: string) => page.locator(`[data-testid="collection-tile"][data-image-id="${id}"]`);
const tileIds = (page: Page) => page.locator('[data-testid="collection-tile"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-image-id")));

/** A mouse drag in small steps, as a hand makes it; `over` is checked before letting go. */
async function mouseDrag(page: Page, from: Locator, to: Locator, whileOver?: () => Promise<void>) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  const [ax, ay, bx, by] = [a.x + a.width / 2, a.y + a.height / 2, b.x + b.width / 2, b.y + b.height / 2];
  await page.mouse.move(ax, ay);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(ax + ((bx - ax) * i) / 12, ay + ((by - ay) * i) / 12);
  await whileOver?.();
  await page.mouse.up();
}

/** Rows in one store of the app's IndexedDB (the device's copy of the library). */
const idbCount = (page: Page, store: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("image-studio");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve(0);
          const req = db.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            resolve(req.result);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );

describe("collections", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let ids: string[];
  let col: CollectionDetail;

  beforeAll(async () => {
    browser = await launch();
    context = await newContext(browser, { width: 1280, height: 800 });
    await signUpInContext(context, "Collection Tester");
    ids = await generate(context.request, 4);
    col = (await (await context.request.post("/api/collections", { data: { name: "Kettles" } })).json()) as CollectionDetail;
    await context.request.post(`/api/collections/${col.id}/images`, { data: { imageIds: ids } });
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens an image on click and in the lightbox", async () => {
    await page.goto(`/collections/${col.id}`);
    await poll(() => tileIds(page)).toEqual(ids);
    expect(await axeViolations(page)).toEqual([]);
    await tile(page, ids[1]!).getByRole("link").click();
    await page.waitForURL((url) => url.pathname === `/images/${ids[1]}`);
    await page.goBack();
    await tile(page, ids[0]!).hover();
    await tile(page, ids[0]!).getByRole("button", { name: "Quick preview of image 1" }).click();
    await page.getByRole("button", { name: "Close viewer" }).waitFor();
    await page.getByRole("button", { name: "Next image" }).click();
    await page.getByRole("button", { name: "Close viewer" }).click();
    // Keyboard: Enter on a tile opens it too.
    await tile(page, ids[2]!).getByRole("link").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === `/images/${ids[2]}`);
  });

  it("reorders with a mouse, and drops an image on a side bar project without scrolling the window", async () => {
    const project = (await (await context.request.post("/api/projects", { data: { name: "Kettle project" } })).json()) as Project;
    // A short window: the page scrolls, and the side bar's targets sit near its bottom edge (where a drag used to
    // auto-scroll the window away from under the cursor).
    await page.setViewportSize({ width: 1280, height: 560 });
    await page.goto(`/collections/${col.id}`);
    await poll(() => tileIds(page)).toEqual(ids);
    await mouseDrag(page, tile(page, ids[0]!), tile(page, ids[1]!));
    const reordered = [ids[1], ids[0], ids[2], ids[3]];
    await poll(() => tileIds(page)).toEqual(reordered);
    await poll(async () => ((await (await context.request.get(`/api/collections/${col.id}`)).json()) as CollectionDetail).images.map((i) => i.id)).toEqual(reordered);

    const target = page.getByTestId("sidebar-targets").locator(`[data-testid="image-drop-target"][data-target-id="${project.id}"]`);
    await target.waitFor();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await mouseDrag(page, tile(page, ids[3]!), target, async () => {
      await poll(() => target.getAttribute("data-over")).toBe("true");
      expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    });
    await poll(() => page.getByText("Moved 1 image to Kettle project").isVisible()).toBe(true);
    const inProject = (await (await context.request.get(`/api/projects/${project.id}/images`)).json()) as ImageList;
    expect(inProject.items.map((i) => i.id)).toEqual([ids[3]]);
    // The board is unchanged by a drop elsewhere.
    expect(await tileIds(page)).toEqual(reordered);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("opens an image with a tap on a phone, and offline", async () => {
    const phone = await newContext(browser, { width: 390, height: 844, hasTouch: true });
    await phone.addCookies(await context.cookies());
    const p = await phone.newPage();
    await p.goto(`/collections/${col.id}`);
    await poll(() => tileIds(p).then((x) => x.length)).toBe(4);
    const first = (await tileIds(p))[0]!;
    await tile(p, first).getByRole("link").tap();
    await p.waitForURL((url) => url.pathname === `/images/${first}`);
    // Offline, after the library has synced to the device: the board and its images still open.
    await poll(() => idbCount(p, "images")).toBe(4);
    await poll(() => idbCount(p, "collections")).toBe(1);
    // …and once the service worker installed on this first visit has taken the page over (no reload): the code
    // the page has not loaded yet comes from its precache.
    await expect.poll(() => p.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 60_000 }).toBe(true);
    await p.goBack();
    await poll(() => tileIds(p).then((x) => x.length)).toBe(4);
    await phone.setOffline(true);
    const second = (await tileIds(p))[1]!;
    await tile(p, second).getByRole("link").tap();
    await p.waitForURL((url) => url.pathname === `/images/${second}`);
    await p.getByRole("heading", { level: 1, name: /copper kettle/ }).waitFor();
    await phone.setOffline(false);
    await phone.close();
    expect(errors).toEqual([]);
  });

  it("saves a collection at display size, showing the size first; offline, the lightbox shows the 1280 px copy", { timeout: 120_000 }, async () => {
    const res = await context.request.post("/api/generate/text-to-image", {
      data: { prompt: "e2e collection: a wide harbour", modelId: "local/sketch-fast", parameters: { width: 1600, height: 1024 } },
    });
    expect(res.status(), await res.text()).toBe(202);
    let wide: string | undefined;
    for (let i = 0; i < 240 && !wide; i++) {
      wide = ((await (await context.request.get("/api/images?limit=50")).json()) as ImageList).items.find((x) => x.width === 1600)?.id;
      if (!wide) await new Promise((r) => setTimeout(r, 250));
    }
    const saved = (await (await context.request.post("/api/collections", { data: { name: "Harbour" } })).json()) as CollectionDetail;
    await context.request.post(`/api/collections/${saved.id}/images`, { data: { imageIds: [wide, ids[0]] } });
    await page.goto(`/collections/${saved.id}`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload(); // now the service worker answers this page's requests
    await poll(() => tileIds(page).then((x) => x.length)).toBe(2);

    await page.getByRole("button", { name: "Make available offline" }).click();
    const estimate = page.getByTestId("offline-estimate");
    await poll(() => estimate.innerText()).toMatch(/^2 images at display size \(up to 1280 px\): about [\d.]+ (KB|MB)\.$/);
    expect(await page.getByRole("checkbox", { name: /Keep the originals too/ }).getAttribute("aria-checked")).toBe("false");
    await page.getByRole("button", { name: /^Save about/ }).click();
    await page.getByRole("button", { name: /^Available offline \([\d.]+ (KB|MB)\) · Remove$/ }).waitFor({ timeout: 60_000 });

    const kept = await page.evaluate(
      (key) =>
        new Promise<{ keys: string[]; width: number }>((resolve, reject) => {
          const open = indexedDB.open("image-studio");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction("blobs").objectStore("blobs").getAll();
            req.onsuccess = async () => {
              const rows = (req.result as { key: string; pins: string[]; blob: Blob }[]).filter((r) => r.pins.includes(key));
              const display = rows.find((r) => r.key.endsWith(":display-1280") && r.blob.size > 0 && r.key.length > 0);
              const bitmaps = await Promise.all(rows.filter((r) => r.key.endsWith(":display-1280")).map((r) => createImageBitmap(r.blob)));
              resolve({ keys: rows.map((r) => r.key.split(":")[1]!).sort(), width: display ? Math.max(...bitmaps.map((b) => b.width)) : 0 });
            };
          };
        }),
      `collection:${saved.id}`,
    );
    expect(kept.keys).toEqual(["display-1280", "display-1280", "thumb-256", "thumb-256"]);
    expect(kept.width).toBe(1280);

    await context.setOffline(true);
    const index = (await tileIds(page)).indexOf(wide!);
    await tile(page, wide!).hover();
    await tile(page, wide!).getByRole("button", { name: `Quick preview of image ${index + 1}` }).click();
    const shown = page.locator(".yarl__slide_current img").first();
    await poll(() => shown.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(1280);
    await page.getByRole("button", { name: "Close viewer" }).click();
    await context.setOffline(false);
  });
});
