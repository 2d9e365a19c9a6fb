/**
 * One offline boot of the gallery taken apart (bench/offline-local.mjs, BENCH_PROFILE=1): the requests the page made
 * and when they ended, every IndexedDB call the page made by store, index and method (counts do not move with the
 * machine's load), and a V8 CPU profile summed by script and by function. Call counting is switched on for the
 * profiled boot only (sessionStorage flag), so the timed boots run unwrapped.
 */

/** Init script: wraps IndexedDB's request methods to count calls while sessionStorage "bench:idb" is set. */
export function countIndexedDb() {
  if (sessionStorage.getItem("bench:idb") !== "1") return;
  const t0 = performance.timeOrigin;
  const log = (globalThis.__idbCalls = []);
  globalThis.__onLineAtStart = navigator.onLine;
  const wrap = (proto, kind, names) => {
    for (const name of names) {
      const original = proto[name];
      if (typeof original !== "function") continue;
      proto[name] = function (...args) {
        const store = kind === "index" ? `${this.objectStore.name}[${this.name}]` : kind === "store" ? this.name : (this.source?.name ?? "?");
        log.push({ call: `${store}.${name}`, at: performance.now() });
        return original.apply(this, args);
      };
    }
  };
  wrap(IDBObjectStore.prototype, "store", ["get", "getAll", "getAllKeys", "count", "openCursor", "openKeyCursor", "put", "add", "delete", "clear"]);
  wrap(IDBIndex.prototype, "index", ["get", "getAll", "getAllKeys", "count", "openCursor", "openKeyCursor"]);
  wrap(IDBCursor.prototype, "cursor", ["continue", "advance", "continuePrimaryKey"]);
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (...args) {
    log.push({ call: `open(${args[0]})`, at: performance.now() });
    return open.apply(this, args);
  };
  void t0;
  const fetch0 = globalThis.fetch;
  const fetches = (globalThis.__fetchCalls = []);
  globalThis.fetch = function (input, init) {
    const entry = { url: String(input?.url ?? input).replace(location.origin, ""), start: performance.now(), end: 0, outcome: "pending" };
    fetches.push(entry);
    const p = fetch0.call(this, input, init);
    p.then(
      (r) => Object.assign(entry, { end: performance.now(), outcome: String(r.status) }),
      () => Object.assign(entry, { end: performance.now(), outcome: "failed" }),
    );
    return p;
  };
}

/** Self time per event name on the page's renderer main thread (nested complete events subtract from their parent). */
function traceSelf(trace) {
  const events = trace.traceEvents ?? trace;
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain" && events.some((x) => x.pid === e.pid && x.name === "ParseHTML"));
  if (!main) return ["      (no renderer main thread in the trace)"];
  const xs = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  let busy = 0;
  for (const e of xs) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - e.dur / 1000);
    else busy += e.dur / 1000;
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur / 1000);
    stack.push(e);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 14);
  return [`      busy ${ms(busy)} in all`, ...top.map(([k, v]) => `      ${ms(v).padStart(7)}  ${k}`)];
}

const ms = (x) => `${Math.round(x)} ms`;

/** The CPU profile's self time summed by script file and by function (top entries). */
function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0) / 1000));
  const byScript = new Map();
  const byFn = new Map();
  for (const [id, t] of self) {
    const f = byId.get(id).callFrame;
    const script = f.url ? f.url.replace(/^.*\//, "") : `(${f.functionName || "native"})`;
    byScript.set(script, (byScript.get(script) ?? 0) + t);
    const fn = `${f.functionName || "(anonymous)"} ${script}:${f.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + t);
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `      ${ms(v).padStart(7)}  ${k}`);
  return ["    CPU self time by script:", ...top(byScript, 12), "    CPU self time by function:", ...top(byFn, 15)];
}

/** One more offline boot with the page's requests, IndexedDB calls and a CPU profile recorded; returns the report. */
export async function profileBoot(context, page, bootTime) {
  await page.evaluate(() => sessionStorage.setItem("bench:idb", "1"));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await context.browser().startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  const total = await bootTime(page);
  const trace = JSON.parse((await context.browser().stopTracing()).toString());
  const { profile } = await cdp.send("Profiler.stop");
  const marks = await page.evaluate(() => ({
    calls: globalThis.__idbCalls ?? [],
    onLine: [globalThis.__onLineAtStart, navigator.onLine],
    fetches: globalThis.__fetchCalls ?? [],
    nav: performance.getEntriesByType("navigation")[0]?.toJSON(),
    paints: performance.getEntriesByType("paint").map((p) => [p.name, p.startTime]),
    resources: performance.getEntriesByType("resource").map((r) => ({
      url: new URL(r.name).pathname,
      start: r.startTime,
      end: r.responseEnd,
      // Chromium: "cache" when a service worker static route answered from Cache Storage, "fetch-event" (or nothing,
      // in older builds) when the worker's fetch handler did.
      source: r.workerMatchedSourceType || "fetch-event",
    })),
  }));
  await page.evaluate(() => sessionStorage.removeItem("bench:idb"));
  await cdp.detach();
  const counts = new Map();
  for (const c of marks.calls) {
    const e = counts.get(c.call) ?? { n: 0, first: c.at };
    e.n += 1;
    counts.set(c.call, e);
  }
  const lines = [`  profiled offline boot: ${ms(total)} to the first tile`];
  lines.push(`    navigator.onLine at the document's start / at the first tile: ${marks.onLine.join(" / ")}`);
  if (marks.nav) lines.push(`    navigation: response end ${ms(marks.nav.responseEnd)}, DOMContentLoaded ${ms(marks.nav.domContentLoadedEventEnd)}`);
  for (const [name, at] of marks.paints) lines.push(`    ${name}: ${ms(at)}`);
  const res = marks.resources;
  const scripts = res.filter((r) => r.url.endsWith(".js"));
  lines.push(`    files fetched: ${res.length} (${scripts.length} scripts), the last script's response at ${ms(Math.max(0, ...scripts.map((r) => r.end)))}`);
  const bySource = new Map();
  for (const r of res) bySource.set(r.source, (bySource.get(r.source) ?? 0) + 1);
  lines.push(`    answered by: ${[...bySource].map(([k, n]) => `${k === "cache" ? "a static route (Cache Storage, no worker)" : k === "fetch-event" ? "the worker's fetch handler" : k} ${n}`).join(", ")}`);
  for (const r of res.filter((r) => !r.url.startsWith("/assets/") || /offline|queries|gallery-page|contracts|schemas|shell|woff2/.test(r.url)))
    lines.push(`      ${ms(r.start).padStart(7)} → ${ms(r.end).padStart(7)}  ${r.url}`);
  lines.push(`    API calls (${marks.fetches.length}):`);
  for (const f of marks.fetches) lines.push(`      ${ms(f.start).padStart(7)} → ${ms(f.end).padStart(7)}  ${f.url} ${f.outcome}`);
  lines.push("    renderer main thread, self time by trace event:", ...traceSelf(trace));
  lines.push(`    IndexedDB calls (${marks.calls.length}), by first call:`);
  for (const [call, e] of [...counts].sort((a, b) => a[1].first - b[1].first)) lines.push(`      ${ms(e.first).padStart(7)}  ${String(e.n).padStart(5)}×  ${call}`);
  lines.push(...summarise(profile));
  return lines.join("\n");
}
