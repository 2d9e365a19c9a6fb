#!/usr/bin/env node
/**
 * The gallery answered from the device, in Chromium against the built app, with 10,000 and 100,000 images in
 * Dexie (written straight into the app's database; the sync pull is answered empty so nothing else writes):
 *   - time to the first gallery tile, offline (route loader → localImagePage → render), p50/p95 over BENCH_RUNS;
 *   - localImagePage itself (first page of 100) for common queries, p50/p95, when the build exposes it to the
 *     bench (localStorage "image-studio:bench" = "1"), next to the in-memory path it replaces.
 *
 * Offline is Playwright's `setOffline`, under which the page served by the service worker still reads
 * `navigator.onLine === true` (requests fail, as on a network that is down); the boot is also timed with
 * `navigator.onLine` false, as a device in airplane mode reports it (an init script, on for those boots only).
 *
 * BENCH_PROFILE=1 (or =airplane: with navigator.onLine false) adds one more offline boot per size, taken apart (offline-boot-profile.mjs): the requests it made
 * (and when), every IndexedDB call by store and method (load-independent), and a V8 CPU profile by script.
 *
 *   pnpm build && node bench/offline-local.mjs            # BENCH_SIZES=10000,100000 BENCH_RUNS=7 BENCH_PROFILE=0
 */
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, signUp, startApp } from "./lib/app.mjs";
import { countIndexedDb, profileBoot } from "./offline-boot-profile.mjs";

const SIZES = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PROJECT = "00000000-0000-4000-9000-000000000001";

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const fmt = (xs) => `p50 ${quantile(xs, 0.5).toFixed(1)} ms   p95 ${quantile(xs, 0.95).toFixed(1)} ms`;

/** Fills the app's Dexie up to `n` images (chunks of 5,000), in the page. */
function fill(page, n) {
  return page.evaluate(
    async ({ n, project }) => {
      const d = globalThis.__imageStudioOffline.db();
      const have = await d.images.count();
      const row = (i) => ({
        id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`,
        projectId: i % 10 === 0 ? project : null, prompt: `bench record ${i}: a harbour at dawn`, altText: "", modelId: i % 3 ? "fal-ai/flux/dev" : "local/sketch",
        width: 1024, height: i % 4 ? 1024 : 768, fileSize: 200_000, format: "png", thumbhash: null, isFavorite: i % 7 === 0, rating: i % 6 ? null : (i % 5) + 1,
        tags: i % 5 ? [] : ["bench"], parentImageId: null, operation: "text-to-image", createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
        deletedAt: i % 50 === 0 ? "2026-01-01T00:00:00.000Z" : null, version: i + 1, negativePrompt: "", modelVersion: null, parameters: { steps: 20 }, seed: i,
        generationTime: 1.2, costCredits: 1, jobId: null, notes: "", isPublic: false, phash: null, metadata: {}, updatedAt: "2026-01-01T00:00:00.000Z",
        projectName: null, urls: { original: "", thumb: "", preview: "", download: "" },
      });
      for (let from = have; from < n; from += 5000) await d.images.bulkPut(Array.from({ length: Math.min(5000, n - from) }, (_, k) => row(from + k)));
      return d.images.count();
    },
    { n, project: PROJECT },
  );
}

/** navigator.onLine as each boot's document started (set by an init script), for the report. */
const onLineAtStart = [];

async function bootTime(page) {
  const t0 = Date.now();
  await page.goto("/gallery", { waitUntil: "commit" });
  await page.locator('[data-testid="gallery-tile"]').first().waitFor({ timeout: 120_000 });
  const ms = Date.now() - t0;
  onLineAtStart.push(await page.evaluate(() => globalThis.__benchOnLine));
  return ms;
}

const QUERIES = [
  ["newest first (default)", {}],
  ["favourites", { favorite: true }],
  ["one project", { projectId: PROJECT }],
  ["tag", { tags: ["bench"] }],
  ["sorted by prompt", { sort: "prompt", order: "asc" }],
  ["sorted by rating", { sort: "rating" }],
];

/** localImagePage timings in the page, when the build exposes it. */
function queryTimes(page, runs) {
  return page.evaluate(
    async ({ queries, runs }) => {
      const h = globalThis.__imageStudioOffline;
      if (!h.localImagePage) return null;
      const time = async (fn, n = runs) => {
        const out = [];
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          await fn();
          out.push(performance.now() - t);
        }
        return out;
      };
      const rows = [];
      for (const [name, q] of queries) rows.push([name, await time(() => h.localImagePage(q, undefined, 100))]);
      if (h.localImagePageInMemory) rows.push(["newest first, in-memory path (before)", await time(() => h.localImagePageInMemory({}, undefined, 100), Math.min(runs, 3))]);
      rows.push(["newest first, page at offset 5,000", await time(() => h.localImagePage({}, "local:5000", 100))]);
      return rows;
    },
    { queries: QUERIES, runs },
  );
}

const app = await startApp({ tmpPrefix: "offline-local-bench-" });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ baseURL: app.base, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => localStorage.setItem("image-studio:bench", "1"));
  const PROFILE = process.env.BENCH_PROFILE ?? "0"; // "1": the profiled boot as the timed ones; "airplane": with navigator.onLine false
  if (PROFILE !== "0") await context.addInitScript(countIndexedDb);
  await context.addInitScript(() => {
    if (sessionStorage.getItem("bench:airplane") === "1") Object.defineProperty(Navigator.prototype, "onLine", { configurable: true, get: () => false });
    globalThis.__benchOnLine = navigator.onLine;
  });
  await signUp(context.request, { prefix: "bench-local" });
  await context.route("**/api/sync/pull*", (route) =>
    route.fulfill({ json: { images: [], projects: [], collections: [], prompts: [], jobs: [], tombstones: [], cursor: "0", hasMore: false } }),
  );
  const page = await context.newPage();
  await page.goto("/gallery");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => "__imageStudioOffline" in globalThis);
  for (const n of SIZES) {
    const count = await fill(page, n);
    await context.setOffline(true);
    await bootTime(page); // warm-up
    const boots = [];
    onLineAtStart.length = 0;
    for (let i = 0; i < RUNS; i++) boots.push(await bootTime(page));
    const onLine = `${onLineAtStart.filter(Boolean).length} of ${RUNS} started with navigator.onLine true`;
    await page.evaluate(() => sessionStorage.setItem("bench:airplane", "1"));
    const airplane = [];
    for (let i = 0; i < RUNS; i++) airplane.push(await bootTime(page));
    await page.evaluate(() => sessionStorage.removeItem("bench:airplane"));
    await page.waitForFunction(() => "__imageStudioOffline" in globalThis);
    const queries = await queryTimes(page, RUNS);
    if (PROFILE === "airplane") await page.evaluate(() => sessionStorage.setItem("bench:airplane", "1"));
    const profile = PROFILE !== "0" ? await profileBoot(context, page, bootTime) : null;
    await page.evaluate(() => sessionStorage.removeItem("bench:airplane"));
    await context.setOffline(false);
    console.log(`${count.toLocaleString()} images in Dexie — first local gallery page:`);
    console.log(`  offline boot to first tile (${RUNS}×): ${fmt(boots)}   [${boots.join(", ")}]   (${onLine})`);
    console.log(`  offline boot to first tile, navigator.onLine false (${RUNS}×): ${fmt(airplane)}   [${airplane.join(", ")}]`);
    if (!queries) console.log("  (this build does not expose localImagePage to the bench)");
    else for (const [name, xs] of queries) console.log(`  localImagePage, ${name}: ${fmt(xs)}`);
    if (profile) console.log(profile);
  }
} finally {
  await browser.close();
  await app.stop();
}
