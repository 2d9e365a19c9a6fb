#!/usr/bin/env node
/**
 * The gallery in Chromium with 100,000 images: DOM node count and long tasks while scrolling from the first
 * image to the last. The built app runs for real (sign-up, session, client); the image list and thumbnails are
 * answered by the browser harness so the numbers measure the client, not the database (see gallery-db.ts).
 *
 *   pnpm build && node bench/gallery-browser.mjs            # BENCH_ITEMS=100000 BENCH_VIEWS=grid,masonry,list
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import sharp from "sharp";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const VIEWS = (process.env.BENCH_VIEWS ?? "grid,masonry,list").split(",");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS ?? 600_000);

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function startApp() {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "gallery-bench-ui-"));
  const base = `http://127.0.0.1:${port}`;
  const env = { PATH: process.env.PATH, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", APP_URL: base, DATA_DIR: dataDir, BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-01", LOG_LEVEL: "warn" };
  const child = spawn(process.execPath, ["server/dist/index.js"], { env, stdio: ["ignore", "inherit", "inherit"] });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* starting */
    }
    if (i > 240) throw new Error("the app did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, stop: () => (child.kill("SIGTERM"), rmSync(dataDir, { recursive: true, force: true })) };
}

async function signUp(request) {
  const email = `bench-ui-${Date.now()}@example.test`;
  const password = "correct horse battery staple";
  await request.post("/api/auth/register", { data: { email, password, name: "Bench" } });
  let token = "";
  for (let i = 0; i < 50 && !token; i++) {
    const box = await (await request.get(`/api/dev/mailbox?to=${encodeURIComponent(email)}`)).json();
    token = decodeURIComponent(/[?&]token=([^\s&"<]+)/.exec(box.items[0]?.text ?? "")?.[1] ?? "");
    if (!token) await new Promise((r) => setTimeout(r, 100));
  }
  await request.post("/api/auth/verify-email", { data: { token } });
  const login = await request.post("/api/auth/login", { data: { email, password } });
  if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
}

const SHAPES = [
  [1024, 1024],
  [1360, 768],
  [768, 1360],
  [1152, 864],
];
const uuid = (i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
const item = (i) => {
  const [width, height] = SHAPES[i % SHAPES.length];
  return {
    id: uuid(i),
    projectId: null,
    prompt: `benchmark image ${i}: a violet harbour at dawn, oil painting`,
    altText: "",
    modelId: i % 3 ? "fal-ai/flux/dev" : "local/sketch",
    width,
    height,
    fileSize: 200_000 + (i % 1000),
    format: "png",
    thumbhash: "YJqGPQw7sFlslqhFafSE+Q6oJ1h2iHB2Rw",
    isFavorite: i % 17 === 0,
    rating: i % 5 ? null : 4,
    tags: [],
    parentImageId: null,
    operation: "text-to-image",
    createdAt: new Date(Date.UTC(2026, 10, 1) - i * 60_000).toISOString(),
    deletedAt: null,
    version: i + 1,
  };
};

/** Answers the list (cursor = offset), the facets and every thumbnail from the harness. */
async function mockApi(context, thumb) {
  await context.route(/\/api\/images\?/, (route) => {
    const url = new URL(route.request().url());
    const offset = Number(url.searchParams.get("cursor") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 100);
    const end = Math.min(ITEMS, offset + limit);
    const items = Array.from({ length: end - offset }, (_, k) => item(offset + k));
    return route.fulfill({ json: { items, nextCursor: end < ITEMS ? String(end) : null } });
  });
  await context.route(/\/api\/images\/facets/, (route) =>
    route.fulfill({ json: { models: [{ modelId: "fal-ai/flux/dev", count: ITEMS }], tags: [], projects: [], collections: [], total: ITEMS, favorites: 0, trash: 0 } }),
  );
  await context.route(/\/api\/images\/[^/]+\/file\//, (route) => route.fulfill({ body: thumb, contentType: "image/webp", headers: { "cache-control": "private, max-age=31536000, immutable" } }));
}

/** Scrolls to the end like an impatient user (a screen every frame, pausing only while the next page loads). */
function scrollToEnd({ items, limitMs }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const samples = [];
    let frames = 0;
    let slowFrames = 0;
    let last = performance.now();
    const lastId = `00000000-0000-4000-8000-${(items - 1).toString(16).padStart(12, "0")}`;
    const step = () => {
      const now = performance.now();
      if (now - last > 50) slowFrames++;
      last = now;
      frames++;
      if (frames % 30 === 0) samples.push(document.getElementsByTagName("*").length);
      const done = document.querySelector(`[data-image-id="${lastId}"]`);
      if (done || now - started > limitMs) {
        const tiles = document.querySelectorAll('[data-testid="gallery-tile"]').length;
        resolve({ reachedEnd: Boolean(done), ms: now - started, frames, slowFrames, samples, tiles, nodes: document.getElementsByTagName("*").length, heapMB: performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null });
        return;
      }
      const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 4;
      if (!atBottom) window.scrollBy(0, window.innerHeight * 2);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

async function measure(browser, state, base, thumb, view) {
  const context = await browser.newContext({ baseURL: base, storageState: state, viewport: { width: 1280, height: 900 } });
  await mockApi(context, thumb);
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("crash", () => console.error(`the ${view} page crashed`));
  page.on("close", () => console.error(`the ${view} page closed`));
  browser.on("disconnected", () => console.error("browser disconnected"));
  await page.goto(`/gallery?view=${view}`);
  await page.locator('[data-testid="gallery-tile"]').first().waitFor({ timeout: 30_000 });
  await page.evaluate(() => (window.__longTasks = []));
  const r = await page.evaluate(scrollToEnd, { items: ITEMS, limitMs: TIME_LIMIT_MS });
  const tasks = await page.evaluate(() => window.__longTasks);
  await context.close();
  const sorted = [...tasks].sort((a, b) => a - b);
  return {
    view,
    reachedEnd: r.reachedEnd,
    seconds: +(r.ms / 1000).toFixed(1),
    domNodesMax: Math.max(...r.samples, r.nodes),
    domNodesMedian: [...r.samples].sort((a, b) => a - b)[Math.floor(r.samples.length / 2)] ?? r.nodes,
    tilesInDomAtEnd: r.tiles,
    longTasks: tasks.length,
    longTaskMsTotal: Math.round(tasks.reduce((a, b) => a + b, 0)),
    longTaskMsP95: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    longTaskMsMax: Math.round(sorted[sorted.length - 1] ?? 0),
    framesOver50ms: `${r.slowFrames}/${r.frames}`,
    heapMB: r.heapMB === null ? null : Math.round(r.heapMB),
    errors: errors.length,
  };
}

const app = await startApp();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--enable-precise-memory-info"] });
try {
  const setup = await browser.newContext({ baseURL: app.base });
  await signUp(setup.request);
  const state = await setup.storageState();
  await setup.close();
  const thumb = await sharp({ create: { width: 256, height: 256, channels: 3, background: { r: 124, g: 58, b: 237 } } }).webp().toBuffer();
  console.log(`Chromium, 1280×900, ${ITEMS.toLocaleString()} images, scrolled from the first to the last:`);
  const rows = [];
  for (const view of VIEWS) rows.push(await measure(browser, state, app.base, thumb, view));
  console.table(rows);
} finally {
  await browser.close();
  app.stop();
}
