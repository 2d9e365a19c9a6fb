#!/usr/bin/env node
/**
 * The app shell's first visit, measured with Lighthouse (mobile preset: simulated slow 4G + 4× CPU) driving the
 * system Chromium, the way bench/landing.mjs measures the landing: `/sign-in` signed out and `/gallery` signed in
 * (a verified account made through the dev mailbox; Lighthouse keeps cookies and clears caches, storage and the
 * service worker, so every run is a first visit). Prints, per page, the scores, where the LCP time goes (its phases),
 * what blocks rendering, the longest request chain and the main thread's work — what to fix next.
 *
 *   pnpm build && node bench/app-shell.mjs          # starts the built server (server/dist) on a free port
 *   options: --runs N (default 3, the median run is reported), --calibrate (CPU slowdown from this host's
 *            BenchmarkIndex, as in bench/landing.mjs), --only sign-in|gallery, --no-fail (report only),
 *            --save DIR (each page's median Lighthouse report and its trace, to open in DevTools)
 *
 * Goals (issue #20): performance ≥ 90, LCP ≤ 2.5 s, TBT ≤ 200 ms on both pages. Exits 1 when one is missed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { pageFunctions } from "lighthouse/core/lib/page-functions.js";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, freePort, signUp, startApp } from "./lib/app.mjs";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(opt("runs", "3"));
const ONLY = opt("only");
/** --save DIR: writes each page's median report and its trace (Chrome's trace format: DevTools → Performance). */
const SAVE = opt("save");
const GOAL = { performance: 90, lcpMs: 2500, tbtMs: 200 };

/** Lighthouse's CPU throttling calculator (docs/throttling.md): the slowdown that makes this host a mid-range phone. */
const calibrated = (index) => (index >= 1300 ? 3 + (index - 1300) / 233 : index >= 800 ? 2 + (index - 800) / 500 : index >= 150 ? 1 + (index - 150) / 650 : 1);

/** One Chromium with a profile of its own: Lighthouse's tab shares its cookies (the signed-in session). */
async function withBrowser(baseURL, fn) {
  const port = await freePort();
  const profile = mkdtempSync(path.join(os.tmpdir(), "image-studio-lh-"));
  const context = await chromium.launchPersistentContext(profile, { baseURL, executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`] });
  try {
    return await fn(context, port);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function audit(url, port, cpuSlowdownMultiplier) {
  const flags = { port, output: "json", logLevel: "error", onlyCategories: ["performance"] };
  const config = cpuSlowdownMultiplier ? { extends: "lighthouse:default", settings: { throttling: { rttMs: 150, throughputKbps: 1638.4, cpuSlowdownMultiplier } } } : undefined;
  const lhrs = [];
  const traces = new Map();
  for (let failures = 0; lhrs.length < RUNS; ) {
    const result = await lighthouse(url, flags, config);
    const lhr = result?.lhr;
    // A busy host now and then loses the trace (NO_NAVSTART, NO_FCP): run again, up to twice in all.
    if (!lhr || lhr.runtimeError) {
      if (++failures > 2) throw new Error(`Lighthouse: ${lhr?.runtimeError?.message ?? "no result"}`);
      continue;
    }
    lhrs.push(lhr);
    traces.set(lhr, result.artifacts?.Trace ?? result.artifacts?.traces?.defaultPass);
  }
  const median = computeMedianRun(lhrs);
  if (SAVE) {
    mkdirSync(SAVE, { recursive: true });
    const name = new URL(url).pathname.replace(/\W+/g, "") || "root";
    writeFileSync(path.join(SAVE, `${name}.report.json`), JSON.stringify(median));
    if (traces.get(median)) writeFileSync(path.join(SAVE, `${name}.trace.json`), JSON.stringify(traces.get(median)));
  }
  return median;
}

/**
 * The page must render before it is measured: a build whose chunks fail at load shows the router's error page, which
 * Lighthouse measures as happily as the real one (its LCP element is then the error's `<strong>`).
 */
async function preflight(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url, { waitUntil: "networkidle" });
  if (await page.getByText("Something went wrong").count()) errors.push("the router's error page is shown");
  await page.close();
  if (errors.length) throw new Error(`${url} does not render: ${errors.join("; ")}`);
}

const ms = (v) => `${Math.round(v)} ms`;
const short = (u) => (u.startsWith("http") ? new URL(u).pathname : u);

/** Where the time went: LCP phases, render-blocking requests, the longest request chain, main-thread work. */
function diagnosis(lhr) {
  const a = lhr.audits;
  const lines = [];
  const phases = a["largest-contentful-paint-element"]?.details?.items?.[1]?.items;
  if (phases) lines.push(`LCP phases: ${phases.map((p) => `${p.phase} ${ms(p.timing)}`).join(" · ")}`);
  const blocking = a["render-blocking-resources"]?.details?.items ?? a["render-blocking-insight"]?.details?.items ?? [];
  lines.push(`Render-blocking: ${blocking.length ? blocking.map((b) => `${short(b.url)} (${ms(b.wastedMs ?? b.totalBytes ?? 0)})`).join(", ") : "none"}`);
  const chains = a["critical-request-chains"]?.details?.chains;
  if (chains) {
    let longest = [];
    const walk = (node, trail) => {
      const next = [...trail, node.request];
      if (!node.children || !Object.keys(node.children).length) {
        if (next.at(-1).endTime - next[0].startTime > (longest.at(-1)?.endTime ?? 0) - (longest[0]?.startTime ?? 0)) longest = next;
      } else for (const child of Object.values(node.children)) walk(child, next);
    };
    for (const root of Object.values(chains)) walk(root, []);
    lines.push(`Longest chain (${longest.length} requests): ${longest.map((r) => short(r.url)).join(" → ")}`);
  }
  const work = a["mainthread-work-breakdown"]?.details?.items ?? [];
  lines.push(`Main thread: ${work.slice(0, 4).map((w) => `${w.groupLabel ?? w.group} ${ms(w.duration)}`).join(" · ")}`);
  const boot = a["bootup-time"]?.details?.items ?? [];
  lines.push(`Script time: ${boot.slice(0, 4).map((b) => `${short(b.url)} ${ms(b.total)}`).join(" · ")}`);
  return lines;
}

function report(name, lhr) {
  const a = lhr.audits;
  const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
  const lcp = a["largest-contentful-paint"].numericValue;
  const tbt = a["total-blocking-time"].numericValue;
  // A prerendered page's LCP element is gone by the end of the run (the app rendered over it): Lighthouse cannot name it.
  const element = a["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? "? (no longer in the page: a prerendered element the app replaced)";
  console.log(`\n${name}`);
  console.log(`  performance ${score}   (goal ≥ ${GOAL.performance})`);
  console.log(`  FCP ${(a["first-contentful-paint"].numericValue / 1000).toFixed(2)} s · LCP ${(lcp / 1000).toFixed(2)} s   (goal ≤ ${GOAL.lcpMs / 1000} s)`);
  console.log(`  TBT ${ms(tbt)}   (goal ≤ ${GOAL.tbtMs} ms) · CLS ${a["cumulative-layout-shift"].numericValue.toFixed(3)} · Speed Index ${a["speed-index"].displayValue}`);
  console.log(`  LCP element ${element.slice(0, 100)}`);
  for (const line of diagnosis(lhr)) console.log(`  ${line}`);
  return [score < GOAL.performance && `${name}: performance ${score}`, lcp > GOAL.lcpMs && `${name}: LCP ${ms(lcp)}`, tbt > GOAL.tbtMs && `${name}: TBT ${ms(tbt)}`].filter(Boolean);
}

const app = await startApp({ tmpPrefix: "image-studio-bench-shell-" });
try {
  await withBrowser(app.base, async (context, port) => {
    const page = context.pages()[0] ?? (await context.newPage());
    const index = [];
    for (let i = 0; i < 3; i++) index.push(await page.evaluate(pageFunctions.computeBenchmarkIndex));
    const hostIndex = index.sort((x, y) => x - y)[1];
    const multiplier = args.includes("--calibrate") ? Math.round(calibrated(hostIndex) * 100) / 100 : undefined;
    console.log(`App shell first visit — ${app.base} · Lighthouse mobile, median of ${RUNS} · host BenchmarkIndex ${Math.round(hostIndex)} · CPU slowdown ${multiplier ?? 4}×${multiplier ? " (calibrated)" : ` (calibrated would be ${calibrated(hostIndex).toFixed(2)}×: --calibrate)`} · load ${os.loadavg()[0].toFixed(1)}`);
    const failures = [];
    if (!ONLY || ONLY === "sign-in") await preflight(context, `${app.base}/sign-in`);
    if (!ONLY || ONLY === "sign-in") failures.push(...report("/sign-in (signed out)", await audit(`${app.base}/sign-in`, port, multiplier)));
    if (!ONLY || ONLY === "gallery") {
      // Signed in through this browser's cookie jar (the account is verified through the dev mailbox).
      await page.goto(`${app.base}/sign-in`);
      await signUp(context.request, { prefix: "bench-shell" });
      await preflight(context, `${app.base}/gallery`);
      failures.push(...report("/gallery (signed in)", await audit(`${app.base}/gallery`, port, multiplier)));
    }
    console.log(failures.length ? `\n✘ Over goal: ${failures.join("; ")}` : "\n✓ Within goals");
    if (failures.length && !args.includes("--no-fail")) process.exitCode = 1;
  });
} finally {
  await app.stop();
}
