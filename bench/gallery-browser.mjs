#!/usr/bin/env node
/**
 * The gallery in Chromium with 100,000 images: DOM node count and long tasks while scrolling from the first
 * image to the last. The built app runs for real (sign-up, session, client); the image list and thumbnails are
 * answered by the browser harness so the numbers measure the client, not the database (see gallery-db.ts).
 *
 *   pnpm build && node bench/gallery-browser.mjs            # BENCH_ITEMS=100000 BENCH_VIEWS=grid,masonry,list
 *   BENCH_CENSUS=1 …     also prints where the page's elements are (by region and by tag) once the wall is shown
 *   BENCH_PROFILE=1 …    the hottest functions during ten seconds of scrolling (=trace: renderer events instead,
 *                        over BENCH_TRACE_MS of scrolling, 5,000 by default)
 *   BENCH_DEBUG=1 …      progress every five seconds, and when each long task came (ms after the first tile)
 *   BENCH_SW=block …     without the service worker (Playwright's serviceWorkers option): what its handling of the
 *                        thumbnail requests costs the page (the table's `thumbs` and `sw` columns say how many there
 *                        were and whether the worker controlled the page)
 */
import { chromium } from "playwright-core";
import sharp from "sharp";
import { CHROMIUM, signUp, startApp } from "./lib/app.mjs";

const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const VIEWS = (process.env.BENCH_VIEWS ?? "grid,masonry,list").split(",");
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS ?? 600_000);

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

/** Answers the list (cursor = offset), the facets and every thumbnail from the harness; counts the thumbnails. */
async function mockApi(context, thumb) {
  const served = { thumbs: 0 };
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
  await context.route(/\/api\/images\/[^/]+\/file\//, (route) => {
    served.thumbs += 1;
    return route.fulfill({ body: thumb, contentType: "image/webp", headers: { "cache-control": "private, max-age=31536000, immutable" } });
  });
  return served;
}

/**
 * Scrolls like an impatient user — two screens every frame, pausing only while the next page loads — for up to
 * `burstMs`, then reports progress (the caller loops until the last image is on screen).
 */
function scrollBurst({ items, burstMs }) {
  const st = (window.__bench ??= { frames: 0, slowFrames: 0, samples: [], started: performance.now() });
  return new Promise((resolve) => {
    const until = performance.now() + burstMs;
    let last = performance.now();
    const lastId = `00000000-0000-4000-8000-${(items - 1).toString(16).padStart(12, "0")}`;
    const step = () => {
      const now = performance.now();
      if (now - last > 50) st.slowFrames++;
      last = now;
      st.frames++;
      // Rendered elements: <body> only. <head> collects a <link rel=modulepreload> per lazy chunk (~200 by the
      // time the gallery is open); they cost no style, layout or paint.
      if (st.frames % 30 === 0) {
        const n = document.body.getElementsByTagName("*").length;
        st.samples.push(n);
        // Where the largest sample's elements were: the wall, and the rest of the page.
        if (n > (st.max?.body ?? 0)) {
          const wallEl = document.querySelector('[role="list"]');
          st.max = { body: n, wall: wallEl ? wallEl.getElementsByTagName("*").length : 0, tiles: document.querySelectorAll('[data-testid="gallery-tile"]').length };
        }
      }
      const done = Boolean(document.querySelector(`[data-image-id="${lastId}"]`));
      if (done || now > until) {
        // A wall stopped mid-fling holds placeholders (fling-placeholder.tsx), not tiles: both say where it is.
        const tiles = [...document.querySelectorAll('[data-testid="gallery-tile"], [data-testid="gallery-placeholder"]')];
        const maxIndex = Math.max(0, ...tiles.map((t) => Number(t.getAttribute("aria-posinset") ?? 0)));
        const wall = tiles[0]?.parentElement;
        resolve({ done, atMax: st.max, wallNodes: wall ? wall.getElementsByTagName("*").length : 0, ms: now - st.started, frames: st.frames, slowFrames: st.slowFrames, samples: st.samples, tiles: tiles.length, maxIndex, nodes: document.body.getElementsByTagName("*").length, heapMB: performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null });
        return;
      }
      // The app scrolls inside its <main data-scroll-root>, not the document (scrolling the window moves nothing).
      const root = document.querySelector("[data-scroll-root]") ?? document.scrollingElement;
      const atBottom = root.scrollTop + root.clientHeight >= root.scrollHeight - 4;
      if (!atBottom) root.scrollBy({ top: root.clientHeight * 2, behavior: "instant" });
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

/** BENCH_PROFILE=trace: where renderer time goes (timeline events) during five seconds of scrolling. */
async function trace(page) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (d) => events.push(...d.value));
  const finished = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
  await page.evaluate(scrollBurst, { items: ITEMS, burstMs: Number(process.env.BENCH_TRACE_MS ?? 5000) });
  await cdp.send("Tracing.end");
  await finished;
  const total = new Map();
  for (const e of events) if (e.ph === "X" && e.dur) total.set(e.name, (total.get(e.name) ?? 0) + e.dur / 1000);
  console.error([...total].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join("\n"));
  // The long tasks (over 50 ms) of the renderer's main thread, by what ran in them: the task's direct children
  // (a scroll event's handler, a timer, an animation frame, style, layout, paint…), in thread time where the trace
  // has it (so a descheduled thread on a loaded machine does not count), and how many long tasks each appeared in.
  const main = events.find((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const onMain = events.filter((e) => e.ph === "X" && e.dur && main && e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts);
  const longTasks = onMain.filter((e) => e.name === "RunTask" && e.dur > 50_000);
  const parts = new Map();
  for (const task of longTasks) {
    const end = task.ts + task.dur;
    let childEnd = -1;
    const seen = new Set();
    for (const e of onMain) {
      if (e.ts < task.ts || e === task) continue;
      if (e.ts >= end) break;
      if (e.ts < childEnd) continue; // nested under the previous direct child
      childEnd = e.ts + e.dur;
      const what = e.args?.data?.type ? `${e.name} ${e.args.data.type}` : e.name;
      const p = parts.get(what) ?? { ms: 0, cpu: 0, tasks: 0 };
      p.ms += e.dur / 1000;
      p.cpu += (e.tdur ?? e.dur) / 1000;
      if (!seen.has(what)) {
        p.tasks++;
        seen.add(what);
      }
      parts.set(what, p);
    }
  }
  // Every scroll event's handler (the virtualiser renders the wall in it) and animation frame, in thread time.
  const spread = (name, type) => {
    const xs = onMain.filter((e) => e.name === name && (!type || e.args?.data?.type === type)).map((e) => (e.tdur ?? e.dur) / 1000).sort((a, b) => a - b);
    const at = (p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
    return `${xs.length} × p50 ${at(0.5).toFixed(1)} · p95 ${at(0.95).toFixed(1)} · p99 ${at(0.99).toFixed(1)} · max ${(xs[xs.length - 1] ?? 0).toFixed(1)} ms`;
  };
  console.error(`scroll events (thread time): ${spread("EventDispatch", "scroll")}`);
  console.error(`animation frames (thread time): ${spread("FireAnimationFrame")}`);
  console.error(`${longTasks.length} long tasks on the main thread; in them:`);
  console.error([...parts].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 12).map(([k, v]) => `${v.cpu.toFixed(0).padStart(6)} ms cpu ${v.ms.toFixed(0).padStart(6)} ms wall  in ${String(v.tasks).padStart(3)} tasks  ${k}`).join("\n"));
}

/** BENCH_PROFILE=1: the hottest functions (self time) during ten seconds of scrolling. */
async function profile(page) {
  if (process.env.BENCH_PROFILE === "trace") return trace(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.start");
  await page.evaluate(scrollBurst, { items: ITEMS, burstMs: 10_000 });
  const { profile: prof } = await cdp.send("Profiler.stop");
  const self = new Map();
  const dt = prof.timeDeltas ?? [];
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  prof.samples.forEach((id, i) => {
    const n = byId.get(id);
    const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.error([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join("\n"));
}

/**
 * Where the <body>'s elements are: per region of the page (the side bar, the top bar, the filter panel, the
 * toolbar, the wall) and per tag (how many are an icon's <svg> and its shapes).
 */
function census() {
  const count = (el) => (el ? el.getElementsByTagName("*").length + 1 : 0);
  const wall = document.querySelector('[role="list"]');
  const regions = {
    body: document.body.getElementsByTagName("*").length,
    sidebar: count(document.querySelector("aside:not(#gallery-filters)")),
    topBar: count(document.querySelector("header")),
    filters: count(document.querySelector("#gallery-filters")),
    toolbar: count(document.querySelector('form[role="search"]')?.parentElement),
    wall: count(wall),
    outsideMain: 0,
  };
  const main = document.querySelector("main");
  regions.outsideMain = regions.body - count(main) - regions.sidebar - regions.topBar;
  const tags = {};
  for (const el of document.body.getElementsByTagName("*")) tags[el.localName] = (tags[el.localName] ?? 0) + 1;
  const top = Object.entries(tags).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v}`).join(", ");
  // Elements that draw nothing: display:none themselves (their subtree is counted under the same first ancestor).
  const hidden = {};
  for (const el of document.body.getElementsByTagName("*")) {
    if (el.parentElement?.closest("[data-bench-hidden]") || getComputedStyle(el).display !== "none") continue;
    el.setAttribute("data-bench-hidden", "");
    const region = el.closest("aside, header, form, [role=list], main")?.localName ?? "body";
    hidden[region] = (hidden[region] ?? 0) + el.getElementsByTagName("*").length + 1;
  }
  for (const el of document.querySelectorAll("[data-bench-hidden]")) el.removeAttribute("data-bench-hidden");
  return { ...regions, tags: top, hidden: JSON.stringify(hidden) };
}

async function measure(browser, state, base, thumb, view) {
  const context = await browser.newContext({ baseURL: base, storageState: state, viewport: { width: 1280, height: 900 }, serviceWorkers: process.env.BENCH_SW === "block" ? "block" : "allow" });
  const served = await mockApi(context, thumb);
  await context.addInitScript(() => {
    window.__longTasks = [];
    window.__longTaskStarts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longTasks.push(e.duration);
        window.__longTaskStarts.push(Math.round(e.startTime));
      }
    }).observe({ type: "longtask", buffered: true });
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("crash", () => console.error(`the ${view} page crashed`));
  page.on("close", () => console.error(`the ${view} page closed`));
  browser.on("disconnected", () => console.error("browser disconnected"));
  await page.goto(`/gallery?view=${view}`);
  await page.locator('[data-testid="gallery-tile"]').first().waitFor({ timeout: 30_000 });
  const scrollStart = await page.evaluate(() => {
    window.__longTasks = [];
    window.__longTaskStarts = [];
    return performance.now();
  });
  if (process.env.BENCH_CENSUS) console.error(view, await page.evaluate(census));
  let r;
  const t0 = Date.now();
  if (process.env.BENCH_PROFILE) await profile(page);
  do {
    r = await page.evaluate(scrollBurst, { items: ITEMS, burstMs: 5000 });
    if (process.env.BENCH_DEBUG) console.error(`${view}: ${r.maxIndex.toLocaleString()} / ${ITEMS.toLocaleString()} after ${(r.ms / 1000).toFixed(0)} s`);
  } while (!r.done && Date.now() - t0 < TIME_LIMIT_MS);
  const tasks = await page.evaluate(() => window.__longTasks);
  if (process.env.BENCH_DEBUG) {
    const starts = await page.evaluate(() => window.__longTaskStarts);
    console.error(`${view}: long tasks (ms after the first tile: duration) ${starts.map((s, i) => `${Math.round(s - scrollStart)}: ${Math.round(tasks[i])}`).join(", ") || "none"}`);
  }
  const swControlled = await page.evaluate(() => Boolean(navigator.serviceWorker?.controller));
  await context.close();
  const sorted = [...tasks].sort((a, b) => a - b);
  return {
    view,
    reachedEnd: r.done,
    reached: r.maxIndex,
    seconds: +(r.ms / 1000).toFixed(1),
    domNodesMax: Math.max(...r.samples, r.nodes),
    wallAtMax: r.atMax ? `${r.atMax.wall} (${r.atMax.tiles} tiles)` : null,
    domNodesMedian: [...r.samples].sort((a, b) => a - b)[Math.floor(r.samples.length / 2)] ?? r.nodes,
    tilesInDomAtEnd: r.tiles,
    wallNodesAtEnd: r.wallNodes,
    longTasks: tasks.length,
    longTaskMsTotal: Math.round(tasks.reduce((a, b) => a + b, 0)),
    longTaskMsP95: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
    longTaskMsMax: Math.round(sorted[sorted.length - 1] ?? 0),
    framesOver50ms: `${r.slowFrames}/${r.frames}`,
    heapMB: r.heapMB === null ? null : Math.round(r.heapMB),
    thumbs: served.thumbs,
    sw: swControlled,
    errors: errors.length,
  };
}

const app = await startApp({ tmpPrefix: "gallery-bench-ui-" });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--enable-precise-memory-info"] });
try {
  const setup = await browser.newContext({ baseURL: app.base });
  await signUp(setup.request, { prefix: "bench-ui" });
  const state = await setup.storageState();
  await setup.close();
  const thumb = await sharp({ create: { width: 256, height: 256, channels: 3, background: { r: 124, g: 58, b: 237 } } }).webp().toBuffer();
  console.log(`Chromium, 1280×900, ${ITEMS.toLocaleString()} images, scrolled from the first to the last:`);
  const rows = [];
  for (const view of VIEWS) rows.push(await measure(browser, state, app.base, thumb, view));
  console.table(rows);
  for (const r of rows) {
    const [slow, frames] = r.framesOver50ms.split("/").map(Number);
    console.log(`${r.view}: DOM nodes max ${r.domNodesMax} (wall ${r.wallAtMax}), long tasks p95 ${r.longTaskMsP95} ms, ${((100 * slow) / Math.max(1, frames)).toFixed(1)}% of frames over 50 ms`);
  }
} finally {
  await browser.close();
  await app.stop();
}
