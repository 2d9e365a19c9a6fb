import type { ImageDetail, ImageList, Job, SyncPush } from "@image-studio/shared";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpInContext } from "./auth-helpers";
import { launch, newContext, watchErrors } from "./browser";
import { idb } from "./idb";

/**
 * Offline-first in a real browser against the built app: the service worker boots the shell offline, the gallery
 * and the images come from IndexedDB, changes made offline wait in the outbox and reach the server on reconnect,
 * and replaying the outbox creates nothing twice.
 */

const poll = <T>(fn: () => Promise<T> | T, timeout = 30_000) => expect.poll(fn, { timeout, interval: 200 });

/** Waits for `fn` to return true (expect.poll is for tests, not hooks). */
async function until(fn: () => Promise<boolean>, timeout: number, what: string) {
  const deadline = Date.now() + timeout;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function allImages(context: BrowserContext): Promise<ImageList["items"]> {
  return ((await (await context.request.get("/api/images?limit=200")).json()) as ImageList).items;
}

async function jobs(context: BrowserContext): Promise<Job[]> {
  return ((await (await context.request.get("/api/generate/queue?limit=200")).json()) as { items: Job[] }).items;
}

describe("offline", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let imageIds: string[];
  let projectId: string;

  beforeAll(async () => {
    browser = await launch();
    context = await newContext(browser);
    await signUpInContext(context, "Offline Tester");
    for (let i = 0; i < 2; i++) {
      const res = await context.request.post("/api/generate/text-to-image", {
        data: { prompt: `offline scene ${i}`, modelId: "local/sketch-fast", parameters: { numImages: 4, width: 256, height: 256 } },
      });
      expect(res.status(), await res.text()).toBe(202);
    }
    await until(async () => (await allImages(context)).length === 8, 90_000, "8 generated images");
    imageIds = (await allImages(context)).map((i) => i.id);
    const project = await context.request.post("/api/projects", { data: { name: "Trip offline" } });
    expect(project.ok(), await project.text()).toBe(true);
    projectId = ((await project.json()) as { id: string }).id;
    const move = await context.request.post("/api/images/bulk-move", { data: { imageIds: imageIds.slice(0, 4), projectId } });
    expect(move.ok(), await move.text()).toBe(true);
    page = await context.newPage();
    errors = watchErrors(page);
  }, 150_000);
  afterAll(() => browser?.close());

  it("boots, lists and shows images from the device with the network off", async () => {
    await page.goto("/gallery");
    await poll(() => page.locator('[data-testid="gallery-tile"]').count()).toBe(8);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The first sync copies the library to IndexedDB.
    await poll(async () => (await idb(page, "images")).length).toBe(8);

    await page.goto(`/projects/${projectId}`);
    await page.getByRole("button", { name: "Make available offline" }).click();
    await page.getByRole("checkbox", { name: /Keep the originals too/ }).click();
    await page.getByRole("button", { name: /^Save about/ }).click();
    await page.getByRole("button", { name: /Available offline/ }).waitFor({ timeout: 30_000 });
    const blobs = await idb<{ key: string; pins: string[] }>(page, "blobs");
    for (const id of imageIds.slice(0, 4)) {
      expect(blobs.find((b) => b.key === `${id}:original`)?.pins).toEqual([`project:${projectId}`]);
      expect(blobs.some((b) => b.key === `${id}:thumb-256`)).toBe(true);
    }

    await context.setOffline(true);
    await page.goto("/gallery");
    await page.getByRole("button", { name: /Sync status: Offline/ }).waitFor();
    await poll(() => page.locator('[data-testid="gallery-tile"]').count()).toBe(8);
    // A saved original is answered by the service worker from the device's blob cache.
    const served = await page.evaluate(async (id) => {
      const res = await fetch(`/api/images/${id}/file/original`);
      return { ok: res.ok, by: res.headers.get("x-served-by"), size: (await res.blob()).size };
    }, imageIds[0]!);
    expect(served).toMatchObject({ ok: true, by: "device" });
    expect(served.size).toBeGreaterThan(100);
    const tileImage = page.locator('[data-testid="gallery-tile"] img').first();
    await poll(() => tileImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

    // The saved project opens from the device too: its header, its images and its stats.
    await page.goto(`/projects/${projectId}`);
    await page.getByRole("heading", { name: "Trip offline" }).waitFor();
    await poll(() => page.locator('[data-testid="project-images"] img').count()).toBe(4);
  }, 120_000);

  it("queues edits and a generation offline, sends them on reconnect, and a replay changes nothing", async () => {
    const id = imageIds[1]!;
    await page.goto(`/images/${id}`);
    await page.getByRole("button", { name: "Add to favourites" }).click();
    await page.getByRole("radio", { name: "4 stars" }).click();
    await page.getByLabel("Tags").fill("offline-tag");
    await page.getByLabel("Tags").press("Enter");
    await page.getByRole("button", { name: "Favourite" }).waitFor();
    // The three edits are on the device (the outbox is IndexedDB: leaving the page mid-write would abort it).
    await poll(async () => (await idb<{ mutation: { type: string } }>(page, "outbox")).length).toBe(3);

    // The prompt and model arrive as a prefill (like Remix does), so no draft restore can race the typing.
    await page.goto(`/studio?modelId=local%2Fsketch-fast&prompt=${encodeURIComponent("queued while offline: a lantern")}`);
    await poll(() => page.getByRole("textbox", { name: "Prompt", exact: true }).inputValue()).toBe("queued while offline: a lantern");
    await page.getByRole("button", { name: "Generate", exact: true }).first().click();
    await page.getByText("Queued offline", { exact: true }).first().waitFor();
    const outbox = await idb<{ id: string; status: string; mutation: { type: string } }>(page, "outbox");
    expect(outbox.map((e) => e.mutation.type).sort()).toEqual(["generation.enqueue", "image.update", "image.update", "image.update"]);
    const jobsBefore = (await jobs(context)).length;

    await context.setOffline(false);
    await poll(async () => (await idb(page, "outbox")).length).toBe(0);
    const server = (await (await context.request.get(`/api/images/${id}`)).json()) as ImageDetail;
    expect(server).toMatchObject({ isFavorite: true, rating: 4, tags: ["offline-tag"] });
    await poll(async () => (await jobs(context)).length).toBe(jobsBefore + 1);
    const queued = (await jobs(context)).find((j) => j.prompt === "queued while offline: a lantern")!;
    expect(queued.clientId).toBe(outbox.find((e) => e.mutation.type === "generation.enqueue")!.id);
    await poll(async () => (await allImages(context)).length, 60_000).toBe(9); // the studio's default: one image
    await page.getByText("Queued offline", { exact: true }).waitFor({ state: "detached" });

    // The same outbox pushed again (a tab that never heard the answers): every change answers "applied", nothing doubles.
    const again = await context.request.post("/api/sync/push", { data: { mutations: outbox.map((e) => (e as unknown as { mutation: object }).mutation) } });
    expect(again.ok(), await again.text()).toBe(true);
    expect(((await again.json()) as SyncPush).results.map((r) => r.status)).toEqual(["applied", "applied", "applied", "applied"]);
    expect((await jobs(context)).filter((j) => j.prompt === "queued while offline: a lantern")).toHaveLength(1);
    expect((await (await context.request.get(`/api/images/${id}`)).json()) as ImageDetail).toMatchObject({ rating: 4, tags: ["offline-tag"] });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await allImages(context)).toHaveLength(9);
    expect(errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  }, 150_000);

  it("loads the wall's thumbnails past the service worker online, and shows one the device never kept offline", async () => {
    await context.setOffline(false);
    await page.goto("/gallery");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    const thumbs: { url: string; byWorker: boolean }[] = [];
    const onResponse = (r: Response) => {
      if (r.request().resourceType() === "image" && r.url().endsWith("/file/thumb-256")) thumbs.push({ url: r.url(), byWorker: r.fromServiceWorker() });
    };
    page.on("response", onResponse);
    await page.reload();
    const tiles = page.locator('[data-testid="gallery-tile"] img');
    await poll(() => tiles.count()).toBe(9);
    await poll(() => tiles.evaluateAll((imgs: HTMLImageElement[]) => imgs.every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
    page.off("response", onResponse);
    // Asked in CORS mode, so the worker's static route hands them to the network and the HTTP cache.
    expect(await tiles.evaluateAll((imgs: HTMLImageElement[]) => imgs.map((i) => i.crossOrigin))).toEqual(Array(9).fill("anonymous"));
    expect(thumbs.length).toBeGreaterThanOrEqual(9);
    expect(thumbs.filter((t) => t.byWorker)).toEqual([]);

    // Offline, an image outside the saved project whose copies the device has lost (evicted, say): its thumbnail
    // seen online still shows — the worker's image route asks the HTTP cache.
    const id = imageIds[7]!;
    await context.setOffline(true);
    await page.evaluate(async (imageId) => {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("image-studio");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("blobs", "readwrite");
          const range = IDBKeyRange.bound(`${imageId}:`, `${imageId}:\uffff`);
          tx.objectStore("blobs").delete(range);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
      const cache = await caches.open("image-variants");
      for (const variant of ["thumb-256", "preview-768"]) await cache.delete(`/api/images/${imageId}/file/${variant}`);
    }, id);
    expect((await idb<{ key: string }>(page, "blobs")).filter((b) => b.key.startsWith(id))).toEqual([]);
    await page.reload();
    await page.getByRole("button", { name: /Sync status: Offline/ }).waitFor();
    const tile = page.locator(`[data-testid="gallery-tile"][data-image-id="${id}"] img`);
    await poll(() => tile.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await tile.evaluate((img: HTMLImageElement) => img.crossOrigin)).toBeNull(); // offline: the worker's way
    await context.setOffline(false);
  }, 90_000);
});
