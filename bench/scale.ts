/**
 * Scale: the production shape from the README — two API processes (WORKER_IN_PROCESS=false) and separate worker
 * processes on PostgreSQL + an S3 server (s3rver), the local image engine. A mixed load on both API processes at
 * once: gallery pages (autocannon), generations enqueued alternately on each, and live-event (SSE) listeners on
 * each. Prints gallery throughput, generation throughput, job latency (enqueue → done, p50/p95), how many jobs'
 * events reached the listeners on the OTHER API process (LISTEN/NOTIFY across processes), and whether image
 * files left the API as redirects to the bucket. Runs once per worker count, each on a fresh database and bucket.
 *
 *   pnpm build:server && BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/scale.ts
 *   options (env): SCALE_WORKERS=1,2  SCALE_JOBS=60  SCALE_RATE=4 (jobs/s offered)  SCALE_LISTENERS=2 (per API)
 *                  SCALE_CONNECTIONS=4 (autocannon, per API)  SCALE_IMAGES=2000 (gallery rows)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../server/src/db/client";
import { seedImages, signUpOverHttp } from "./gallery-seed";
import { freshDatabaseUrl } from "./lib/fresh-database";
import { openListener, type Listener } from "./lib/sse";
import { repo, type RunningServer, startServer } from "./lib/server";

const PG = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const WORKER_COUNTS = (process.env.SCALE_WORKERS ?? "1,2").split(",").map(Number);
const JOBS = Number(process.env.SCALE_JOBS ?? 60);
const RATE = Number(process.env.SCALE_RATE ?? 4);
const LISTENERS = Number(process.env.SCALE_LISTENERS ?? 2);
const CONNECTIONS = Number(process.env.SCALE_CONNECTIONS ?? 4);
const IMAGES = Number(process.env.SCALE_IMAGES ?? 2000);
const SLOTS = 4;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startS3(dir: string): Promise<{ endpoint: string; child: ChildProcess }> {
  const portFile = path.join(dir, "port");
  const child = spawn(process.execPath, ["scripts/s3rver.mjs", path.join(dir, "s3"), portFile], { cwd: repo, stdio: "ignore" });
  for (let i = 0; i < 300 && !existsSync(portFile); i++) await sleep(100);
  if (!existsSync(portFile)) throw new Error("s3rver did not start");
  return { endpoint: `http://127.0.0.1:${readFileSync(portFile, "utf8").trim()}`, child };
}

async function gallery(base: string, cookie: string, seconds: number) {
  const r = await autocannon({ url: `${base}/api/images?limit=50`, connections: CONNECTIONS, duration: seconds, headers: { cookie, "accept-encoding": "gzip, br" } });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

async function run(workers: number, s3: string, tmp: string) {
  const fresh = await freshDatabaseUrl(PG, "image_studio_bench_scale");
  const env = {
    S3_ENDPOINT: s3,
    S3_BUCKET: `scale-${workers}-${Date.now()}`,
    S3_ACCESS_KEY: "S3RVER",
    S3_SECRET_KEY: "S3RVER",
    S3_FORCE_PATH_STYLE: "true",
    WORKER_IN_PROCESS: "false",
    WORKER_CONCURRENCY: String(SLOTS),
    USER_CONCURRENCY: "64",
    SIGNUP_CREDITS: "100000",
    WORKER_HEARTBEAT_MS: "2000",
    WORKER_LEASE_MS: "10000",
  };
  const procs: RunningServer[] = [];
  const dir = (name: string) => mkdtempSync(path.join(tmp, `${name}-`));
  try {
    // The first API process migrates (under the advisory lock); the others start on the migrated database.
    const a = await startServer({ dataDir: dir("api-a"), databaseUrl: fresh.url, env });
    procs.push(a);
    const b = await startServer({ dataDir: dir("api-b"), databaseUrl: fresh.url, env: { ...env, MIGRATE_ON_START: "false" } });
    procs.push(b);
    for (let i = 0; i < workers; i++) procs.push(await startServer({ dataDir: dir(`worker-${i}`), databaseUrl: fresh.url, entry: "worker.js", env: { ...env, MIGRATE_ON_START: "false" } }));
    const { cookie, userId } = await signUpOverHttp(a.base);
    const database = await openDatabase({ url: fresh.url });
    await seedImages(database.db, userId, IMAGES * 2, IMAGES).finally(() => database.close());

    const apis = [a, b];
    const listeners: Listener[][] = await Promise.all(apis.map((api) => Promise.all(Array.from({ length: LISTENERS }, () => openListener(`${api.base}/api/generate/events`, cookie)))));
    // Warm-up: one job end to end, so model catalogs and connections are open before the clock starts.
    await enqueue(a.base, cookie, "warm-up");
    await waitFor(() => listeners[0]![0]!.completed.size >= 1, 60_000);

    const seconds = Math.ceil(JOBS / RATE) + 2;
    const load = apis.map((api) => gallery(api.base, cookie, seconds));
    const submitted: { id: string; on: number; at: number }[] = [];
    const t0 = performance.now();
    for (let i = 0; i < JOBS; i++) {
      const due = t0 + (i * 1000) / RATE;
      if (due > performance.now()) await sleep(due - performance.now());
      const on = i % 2;
      const at = performance.now();
      submitted.push({ id: await enqueue(apis[on]!.base, cookie, `scale ${i}`), on, at });
    }
    const all = listeners.flat();
    const doneAt = (id: string) => Math.min(...all.map((l) => l.completed.get(id) ?? Infinity));
    await waitFor(() => submitted.every((j) => Number.isFinite(doneAt(j.id))), 300_000);
    const t1 = Math.max(...submitted.map((j) => doneAt(j.id)));
    // Every listener on the other process must see each job finish; give the last NOTIFYs a moment to land.
    const crossed = () => submitted.filter((j) => listeners[1 - j.on]!.every((l) => l.completed.has(j.id))).length;
    await waitFor(() => crossed() === JOBS, 5_000).catch(() => {});
    const [ga, gb] = await Promise.all(load);
    const latency = submitted.map((j) => doneAt(j.id) - j.at);
    const failed = all.reduce((n, l) => n + l.failed, 0);
    const files = await fileRoute(a.base, cookie, [...listeners[0]![0]!.images.values()][0]);
    listeners.flat().forEach((l) => l.close());

    console.log(`scale — PostgreSQL + s3rver, 2 API processes, ${workers} worker process(es) × ${SLOTS} slots (local engine: 2 renders at once per worker), ${JOBS} jobs offered at ${RATE}/s, ${LISTENERS} SSE listeners per API`);
    console.log(`  gallery pages        ${(ga!.rps + gb!.rps).toFixed(0)} req/s (A ${ga!.rps.toFixed(0)} + B ${gb!.rps.toFixed(0)}), p99 A ${ga!.p99} ms / B ${gb!.p99} ms, errors ${ga!.errors + gb!.errors}`);
    console.log(`  ${workers} worker(s): generations ${((JOBS * 1000) / (t1 - t0)).toFixed(2)} jobs/s (${JOBS} jobs in ${((t1 - t0) / 1000).toFixed(1)} s, ${failed} failed events)`);
    console.log(`  ${workers} worker(s): enqueue → done p50 ${pct(latency, 50).toFixed(0)} ms p95 ${pct(latency, 95).toFixed(0)} ms`);
    console.log(`  ${workers} worker(s): events across processes ${((crossed() * 100) / JOBS).toFixed(1)}% (${crossed()}/${JOBS} jobs reached every listener on the other API); delivered A ${listeners[0]!.reduce((n, l) => n + l.events, 0)}, B ${listeners[1]!.reduce((n, l) => n + l.events, 0)} events`);
    console.log(`  image file route     ${files}`);
    return (JOBS * 1000) / (t1 - t0);
  } finally {
    for (const p of procs.reverse()) await p.stop();
    await fresh.drop();
  }
}

async function enqueue(base: string, cookie: string, prompt: string): Promise<string> {
  const res = await fetch(`${base}/api/generate/text-to-image`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: base },
    body: JSON.stringify({ prompt, modelId: "local/sketch-fast", parameters: { width: 64, height: 64 } }),
  });
  if (res.status !== 202) throw new Error(`enqueue: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function waitFor(cond: () => boolean, ms: number) {
  for (const end = Date.now() + ms; !cond(); ) {
    if (Date.now() > end) throw new Error("timed out waiting for jobs");
    await sleep(50);
  }
}

/** What the API answers for a generated picture's thumbnail: a redirect to the bucket, and what the bucket sends. */
async function fileRoute(base: string, cookie: string, imageId: string | undefined): Promise<string> {
  if (!imageId) return "no image to check";
  const res = await fetch(`${base}/api/images/${imageId}/file/thumb-256`, { headers: { cookie }, redirect: "manual" });
  const to = res.headers.get("location");
  if (res.status !== 302 || !to) return `streamed by the API (${res.status})`;
  const file = await fetch(to);
  return `302 to ${new URL(to).origin} (signed, X-Amz-Expires ${new URL(to).searchParams.get("X-Amz-Expires")} s) → ${file.status} ${file.headers.get("content-type")}, ${(await file.arrayBuffer()).byteLength} bytes from the bucket`;
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-scale-"));
  const s3 = await startS3(tmp);
  try {
    const rate = new Map<number, number>();
    for (const w of WORKER_COUNTS) rate.set(w, await run(w, s3.endpoint, tmp));
    if (rate.has(1) && rate.has(2)) console.log(`generations/s, 2 ÷ 1 workers: ${(rate.get(2)! / rate.get(1)!).toFixed(2)}×`);
  } finally {
    s3.child.kill("SIGTERM");
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
