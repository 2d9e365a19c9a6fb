#!/usr/bin/env node
/**
 * Offline-first figures in Chromium against the built app:
 *   - boot time of the gallery offline (service worker + IndexedDB) vs a warm online boot, and their ratio;
 *   - time to cache 10,000 records in Dexie through the real sync path (GET /api/sync/pull answered by the
 *     harness with synthetic pages, applied by the app one transaction per page);
 *   - outbox enqueue latency p50/p95 (local change + outbox entry in one transaction), through the app's own
 *     enqueue (exposed to the page only when localStorage "image-studio:bench" is "1").
 *
 *   pnpm build && node bench/offline.mjs            # BENCH_RECORDS=10000 BENCH_BOOTS=5 BENCH_ENQUEUES=200 BENCH_PULL_PAGE=0
 */
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS as ARGS, signUp, startApp } from "./lib/app.mjs";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const BOOTS = Number(process.env.BENCH_BOOTS ?? 5);
const ENQUEUES = Number(process.env.BENCH_ENQUEUES ?? 200);
/** Serve pull pages of this size whatever the app asks for (0: as asked) — to weigh the page size without a rebuild. */
const PULL_PAGE = Number(process.env.BENCH_PULL_PAGE ?? 0);
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = (xs) => quantile(xs, 0.5);

const idbCount = (page, store) =>
  page.evaluate(
    (name) =>
      new Promise((resolve) => {
        const open = indexedDB.open("image-studio");
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve(0), db.close();
          const req = db.transaction(name).objectStore(name).count();
          req.onsuccess = () => (resolve(req.result), db.close());
        };
        open.onerror = () => resolve(0);
      }),
    store,
  );

async function waitFor(fn, timeout = 120_000) {
  const deadline = Date.now() + timeout;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Navigates to the gallery and times until the first tile is on screen. */
async function bootTime(page) {
  const t0 = Date.now();
  await page.goto("/gallery", { waitUntil: "commit" });
  await page.locator('[data-testid="gallery-tile"]').first().waitFor({ timeout: 60_000 });
  return Date.now() - t0;
}

const synthetic = (i) => ({
  id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`,
  projectId: null, prompt: `bench record ${i}: a harbour at dawn`, altText: "", modelId: "local/sketch", width: 1024, height: 1024, fileSize: 200_000,
  format: "png", thumbhash: null, isFavorite: i % 7 === 0, rating: null, tags: i % 5 ? [] : ["bench"], parentImageId: null, operation: "text-to-image",
  createdAt: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), deletedAt: null, version: i + 1, negativePrompt: "", modelVersion: null,
  parameters: { steps: 20 }, seed: i, generationTime: 1.2, costCredits: 1, jobId: null, notes: "", isPublic: false, phash: null, metadata: {},
  updatedAt: "2026-01-01T00:00:00.000Z", projectName: null, urls: { original: "", thumb: "", preview: "", download: "" },
});

async function main() {
  const app = await startApp({ tmpPrefix: "offline-bench-" });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const context = await browser.newContext({ baseURL: app.base, viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => localStorage.setItem("image-studio:bench", "1"));
    // Under setOffline the service-worker-served page still reads navigator.onLine true (a network that is down);
    // the airplane boots make it false, as a device without a network reports it.
    await context.addInitScript(() => {
      if (sessionStorage.getItem("bench:airplane") === "1") Object.defineProperty(Navigator.prototype, "onLine", { configurable: true, get: () => false });
    });
    await signUp(context.request, { prefix: "bench-offline" });
    for (let i = 0; i < 3; i++) {
      await context.request.post("/api/generate/text-to-image", { data: { prompt: `bench ${i}`, modelId: "local/sketch-fast", parameters: { numImages: 4, width: 256, height: 256 } } });
    }
    await waitFor(async () => (await (await context.request.get("/api/images?limit=50")).json()).items.length >= 12);
    const page = await context.newPage();
    await page.goto("/gallery");
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await waitFor(async () => (await idbCount(page, "images")) >= 12);

    // Boots: warm online (HTTP cache + service worker) vs offline (service worker + IndexedDB only).
    await bootTime(page);
    const online = [];
    for (let i = 0; i < BOOTS; i++) online.push(await bootTime(page));
    await context.setOffline(true);
    const offline = [];
    for (let i = 0; i < BOOTS; i++) offline.push(await bootTime(page));
    await page.evaluate(() => sessionStorage.setItem("bench:airplane", "1"));
    const airplane = [];
    for (let i = 0; i < BOOTS; i++) airplane.push(await bootTime(page));
    await page.evaluate(() => sessionStorage.removeItem("bench:airplane"));
    await context.setOffline(false);

    // Outbox enqueue latency through the app's own enqueue (one Dexie transaction each).
    const ids = (await (await context.request.get("/api/images?limit=50")).json()).items.map((i) => i.id);
    await page.goto("/settings");
    await page.waitForFunction(() => "__imageStudioOffline" in globalThis);
    await context.setOffline(true); // keep the outbox from draining while we measure
    const enqueue = await page.evaluate(
      async ({ ids, n }) => {
        const { enqueue } = globalThis.__imageStudioOffline;
        const times = [];
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          await enqueue({ type: "image.update", imageId: ids[i % ids.length], patch: { rating: (i % 5) + 1 } });
          times.push(performance.now() - t);
        }
        return times;
      },
      { ids, n: ENQUEUES },
    );
    await context.setOffline(false);

    // Caching 10k records: a fresh device, the harness answers the pull with synthetic pages. The count is read
    // only once the last page went out: polling IndexedDB from the harness meanwhile (a new connection and a
    // read transaction on the images store every few ms) competes with the app's writes and skews the figure.
    const fresh = await browser.newContext({ baseURL: app.base, storageState: await context.storageState() });
    let lastServed = false;
    let pulls = 0;
    await fresh.route("**/api/sync/pull*", async (route) => {
      const url = new URL(route.request().url());
      const from = Number(url.searchParams.get("cursor") ?? 0);
      const limit = PULL_PAGE || Number(url.searchParams.get("limit") ?? 500);
      const to = Math.min(RECORDS, from + limit);
      const images = Array.from({ length: to - from }, (_, k) => synthetic(from + k));
      pulls += 1;
      if (to >= RECORDS) lastServed = true;
      await route.fulfill({ json: { images, projects: [], collections: [], prompts: [], jobs: [], tombstones: [], cursor: String(to), hasMore: to < RECORDS } });
    });
    const p2 = await fresh.newPage();
    const t0 = Date.now();
    await p2.goto("/settings");
    await waitFor(() => lastServed);
    await waitFor(async () => (await idbCount(p2, "images")) >= RECORDS);
    const cacheMs = Date.now() - t0;

    const onlineMs = median(online);
    const offlineMs = median(offline);
    console.log(`offline boot (median of ${BOOTS}): ${offlineMs} ms   warm online boot: ${onlineMs} ms   ratio offline/online: ${(offlineMs / onlineMs).toFixed(2)}`);
    console.log(`  online: ${online.join(", ")} ms; offline: ${offline.join(", ")} ms`);
    console.log(`offline boot, navigator.onLine false (median of ${BOOTS}): ${median(airplane)} ms   ratio to warm online: ${(median(airplane) / onlineMs).toFixed(2)}   [${airplane.join(", ")}]`);
    console.log(`cache ${RECORDS.toLocaleString()} records in Dexie (sync pull → IndexedDB, incl. page load): ${cacheMs} ms (${pulls} pull pages)`);
    console.log(`outbox enqueue (${ENQUEUES}×): p50 ${quantile(enqueue, 0.5).toFixed(2)} ms   p95 ${quantile(enqueue, 0.95).toFixed(2)} ms`);
  } finally {
    await browser.close();
    await app.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
