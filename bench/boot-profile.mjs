#!/usr/bin/env node
/**
 * Where a first visit's blocking time goes: loads a page of the built app in Chromium (a new context each run: no
 * service worker, no cache; `/gallery` signed in with a new account, `/sign-in` signed out), records a trace and a
 * V8 CPU profile, and prints
 *   - each run's tasks on the renderer's main thread that Lighthouse's mobile preset would count as long (over
 *     12.5 ms of thread time: over 50 ms at its 4× CPU slowdown), and a TBT estimated from them (Σ 4 × thread time
 *     − 50 ms). Thread time leaves out the time the thread waited for a core, so on a busy 2-core machine this
 *     moves far less between identical runs than Lighthouse's figure (which follows wall time): compare builds
 *     with it, then confirm with bench/app-shell.mjs;
 *   - for each long task of the last run, the functions it spent its time in (inclusive, by source file when the
 *     build has source maps: `npx vite build --sourcemap && node scripts/precompress.mjs`, then rebuild normally);
 *   - --tree REGEX: the call tree of the long task with the most samples under a function matching REGEX
 *     (e.g. commitRoot), down to --min ms;
 *     (--collapse REGEX leaves matching frames out of it, e.g. React's recursive `recursivelyTraverse|OnFiber`);
 *   - --callers REGEX: over the last run's long tasks, the distinct call paths that reached a function matching
 *     REGEX (e.g. `scheduleUpdateOnFiber|flushSync` for who started a synchronous re-render), with their samples;
 *   - --under REGEX: over the last run's long tasks, the time of each function called directly by a function
 *     matching REGEX (e.g. `commitHookEffectListMount` for the effects, `renderWithHooks` for the components).
 *
 *   pnpm build && node bench/boot-profile.mjs [/gallery | /sign-in] [--runs 5] [--top 12] [--tree commitRoot] [--min 3]
 */
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, repo, signUp, startApp } from "./lib/app.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const PAGE = args.find((a) => a.startsWith("/")) ?? "/gallery";
const RUNS = Number(opt("runs", "5"));
const TOP = Number(opt("top", "12"));
const TREE = opt("tree");
const UNDER = opt("under");
const COLLAPSE = opt("collapse");
const CALLERS = opt("callers");
const MIN_MS = Number(opt("min", "3"));
/** Lighthouse's mobile preset: CPU 4× slower than this host; a task blocks for what it takes over 50 ms. */
const SLOWDOWN = 4;

const maps = new Map();
/** A profile frame's place in the sources: package (or source file) and function, through the chunk's source map. */
function origin(frame) {
  if (!frame.url) return `(${frame.functionName || "native"})`;
  const file = `${process.env.BENCH_APP_ROOT ?? repo}/client/dist${new URL(frame.url).pathname}.map`;
  if (!maps.has(file)) maps.set(file, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, "utf8"))) : null);
  const map = maps.get(file);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (!entry?.originalSource) return `${frame.functionName || "(anonymous)"} ${new URL(frame.url).pathname}`;
  const source = entry.originalSource;
  const pkg = source.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/)?.[1];
  const where = pkg ?? source.replace(/^.*?\/(client|shared)\//, "$1/");
  return `${entry.name ?? frame.functionName ?? "(anonymous)"}  ${where}${pkg ? "" : `:${entry.originalLine + 1}`}`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function run(browser, base, state) {
  const context = await browser.newContext({ baseURL: base, storageState: state, viewport: { width: 412, height: 823 }, serviceWorkers: "block" });
  const page = await context.newPage();
  // Same origin first: the page's own navigation then stays in this renderer, which the profiler is attached to.
  await page.goto("/api/health");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await browser.startTracing(page, { categories: ["devtools.timeline", "toplevel", "disabled-by-default-devtools.timeline"] });
  await page.goto(PAGE, { waitUntil: "networkidle" });
  // The first render and its effects come after the page's requests settle.
  await page.waitForTimeout(1500);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const { profile } = await cdp.send("Profiler.stop");
  await context.close();
  const mains = events.filter((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const onMain = (e) => mains.some((m) => m.pid === e.pid && m.tid === e.tid);
  const tasks = events.filter((e) => e.name === "RunTask" && e.ph === "X" && onMain(e)).map((e) => ({ ts: e.ts, dur: e.dur, cpu: e.tdur ?? e.dur }));
  const long = tasks.filter((t) => (SLOWDOWN * t.cpu) / 1000 > 50).sort((a, b) => a.ts - b.ts);
  const tbt = long.reduce((sum, t) => sum + (SLOWDOWN * t.cpu) / 1000 - 50, 0);
  return { long, tbt, profile, t0: events.find((e) => e.name === "navigationStart")?.ts ?? long[0]?.ts ?? 0 };
}

/** Inclusive time per function (each sample counted once per distinct function on its stack) within [from, to). */
function inclusive(profile, from, to) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map();
  const perNode = new Map();
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    ts += profile.timeDeltas[i];
    if (ts < from || ts >= to) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      perNode.set(n, (perNode.get(n) ?? 0) + ms);
      const key = origin(byId.get(n).callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  return { total, perNode, byId };
}

const app = await startApp({ tmpPrefix: "boot-profile-" });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const setup = await browser.newContext({ baseURL: app.base });
  if (PAGE !== "/sign-in") await signUp(setup.request, { prefix: "boot-profile" });
  const state = await setup.storageState();
  await setup.close();
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await run(browser, app.base, state);
    results.push(r);
    console.log(`run ${i + 1}: TBT ≈ ${Math.round(r.tbt)} ms from ${r.long.length} long tasks (thread ms: ${r.long.map((t) => `${Math.round(t.cpu / 1000)} @${Math.round((t.ts - r.t0) / 1000)}`).join(", ")})`);
  }
  console.log(`${PAGE}: TBT estimated from thread time × ${SLOWDOWN}, median of ${RUNS}: ${Math.round(median(results.map((r) => r.tbt)))} ms`);
  const last = results.at(-1);
  for (const t of last.long) {
    const { total } = inclusive(last.profile, t.ts, t.ts + t.dur);
    const top = [...total].filter(([k]) => !/^\(\((root|program|idle|garbage collector)\)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, TOP);
    console.log(`\nlong task @${Math.round((t.ts - last.t0) / 1000)} ms, ${Math.round(t.cpu / 1000)} ms of thread time; sampled (wall time, so more on a busy machine): ${Math.round(total.get("((program))") ?? 0)} ms outside JavaScript (parsing, compiling, style, layout), GC ${Math.round(total.get("((garbage collector))") ?? 0)} ms, and in:`);
    for (const [k, v] of top) console.log(`  ${v.toFixed(1).padStart(6)} ms  ${k}`);
  }
  if (UNDER) {
    const re = new RegExp(UNDER);
    const byCallee = new Map();
    for (const t of last.long) {
      const { perNode, byId } = inclusive(last.profile, t.ts, t.ts + t.dur);
      const walk = (id, under) => {
        const key = origin(byId.get(id).callFrame);
        if (under && !re.test(key)) {
          byCallee.set(key, (byCallee.get(key) ?? 0) + (perNode.get(id) ?? 0));
          under = false; // a call nested in this one is counted in it
        }
        for (const c of byId.get(id).children ?? []) walk(c, under || re.test(key));
      };
      walk(last.profile.nodes[0].id, false);
    }
    console.log(`\ncalled directly by /${UNDER}/ in the last run's long tasks:`);
    for (const [k, v] of [...byCallee].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${v.toFixed(1).padStart(6)} ms  ${k}`);
  }
  if (CALLERS) {
    const re = new RegExp(CALLERS);
    const paths = new Map();
    const fold = COLLAPSE ? new RegExp(COLLAPSE) : null;
    for (const t of last.long) {
      const { perNode, byId } = inclusive(last.profile, t.ts, t.ts + t.dur);
      const parent = new Map();
      for (const n of last.profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      for (const [id, ms] of perNode) {
        const key = origin(byId.get(id).callFrame);
        if (!re.test(key) || !ms) continue;
        // The outermost matching frame of this stack only.
        let outer = false;
        for (let p = parent.get(id); p !== undefined; p = parent.get(p)) if (re.test(origin(byId.get(p).callFrame))) outer = true;
        if (outer) continue;
        const chain = [];
        for (let p = id; p !== undefined; p = parent.get(p)) {
          const name = origin(byId.get(p).callFrame);
          if (!fold?.test(name) && chain[chain.length - 1] !== name) chain.push(name);
        }
        const path = chain.slice(0, 14).join("\n      ← ");
        paths.set(path, (paths.get(path) ?? 0) + ms);
      }
    }
    console.log(`\ncall paths to /${CALLERS}/ in the last run's long tasks:`);
    for (const [path, ms] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, TOP || 10)) console.log(`  ${ms.toFixed(1).padStart(6)} ms  ${path}`);
  }
  if (TREE) {
    const re = new RegExp(TREE);
    const scored = last.long.map((t) => {
      const { total } = inclusive(last.profile, t.ts, t.ts + t.dur);
      return { t, score: Math.max(0, ...[...total].filter(([k]) => re.test(k)).map(([, v]) => v)) };
    });
    const best = scored.sort((a, b) => b.score - a.score)[0];
    if (best?.score) {
      const { perNode, byId } = inclusive(last.profile, best.t.ts, best.t.ts + best.t.dur);
      console.log(`\ncall tree of the long task @${Math.round((best.t.ts - last.t0) / 1000)} ms (≥ ${MIN_MS} ms${COLLAPSE ? `, /${COLLAPSE}/ folded into their callers` : ""}):`);
      // Frames matching --collapse (React's recursive fiber walks) are left out: their callees join their caller's,
      // merged by function.
      const fold = COLLAPSE ? new RegExp(COLLAPSE) : null;
      const tree = () => ({ ms: 0, children: new Map() });
      const grow = (id, into) => {
        const key = origin(byId.get(id).callFrame);
        let at = into;
        if (!fold?.test(key)) {
          if (!into.children.has(key)) into.children.set(key, tree());
          at = into.children.get(key);
          at.ms += perNode.get(id) ?? 0;
        }
        for (const c of byId.get(id).children ?? []) grow(c, at);
      };
      const top = tree();
      grow(last.profile.nodes[0].id, top);
      const print = (node, depth) => {
        for (const [key, child] of [...node.children].sort((a, b) => b[1].ms - a[1].ms)) {
          if (child.ms < MIN_MS) continue;
          console.log(`${" ".repeat(depth)}${child.ms.toFixed(0)} ${key}`);
          print(child, depth + 1);
        }
      };
      print(top, 0);
    } else console.log(`\nno long task ran a function matching /${TREE}/`);
  }
} finally {
  await browser.close();
  await app.stop();
}
